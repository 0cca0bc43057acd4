/**
 * @module attribute/stance
 * A hand-written lexicon of stance verbs (data/attribution/stance.json): verbs of judging,
 * liking and disliking, supporting, opposing, urging and complaining ("backed", "chastised",
 * "pooh-poohed"). News attributes such stances as it attributes words ("X backed the plan":
 * source X, content "the plan"), and the cue model, trained on a few hundred articles, has
 * seen many of these verbs too rarely to score them high; the stage adds a fixed amount to
 * the model's score of such a verb when it has a subject (model.ts, {@link STANCE_BONUS}).
 */
import { readAttributionData, regularForms } from './lexicon.js';

export interface StanceLexiconData {
  verbs: Record<string, string[]>;
  irregular: Record<string, string[]>;
  /** Finding verbs and the document nouns that must be their subject ("the poll shows X"). */
  evidence?: { verbs: string[]; nouns: string[]; pollNouns?: string[] };
}

/** What a stance verb with a subject adds to the cue model's score (chosen on dev's first half: 4, 8, 12, 20). */
export const STANCE_BONUS = 8;

export interface StanceLexicon {
  /** Verb form → class ("backed" → "support"). */
  verbs: ReadonlyMap<string, string>;
  /** Forms of the finding verbs ("shows", "found"). */
  evidenceVerbs: ReadonlySet<string>;
  /** Nouns that name a document, count or study ("poll", "records"). */
  evidenceNouns: ReadonlySet<string>;
  /** Nouns of opinion counts that findings are placed "in" ("In a CNN poll, …", polls.ts). */
  pollNouns: ReadonlySet<string>;
}

/** Builds the lookup table: every verb's forms (regular unless listed under `irregular`). */
export function compileStance(data: StanceLexiconData): StanceLexicon {
  const verbs = new Map<string, string>();
  for (const [cls, list] of Object.entries(data.verbs)) {
    for (const v of list) for (const f of data.irregular[v] ?? regularForms(v)) if (!verbs.has(f)) verbs.set(f, cls);
  }
  const evidenceVerbs = new Set<string>();
  for (const v of data.evidence?.verbs ?? []) for (const f of data.irregular[v] ?? regularForms(v)) evidenceVerbs.add(f);
  return {
    verbs,
    evidenceVerbs,
    evidenceNouns: new Set(data.evidence?.nouns ?? []),
    pollNouns: new Set(data.evidence?.pollNouns ?? []),
  };
}

let cached: StanceLexicon | null = null;

/**
 * The bundled stance lexicon, read once.
 *
 * @example
 * defaultStance().verbs.get('backed') // 'support'
 */
export function defaultStance(): StanceLexicon {
  if (cached) return cached;
  cached = compileStance(readAttributionData<StanceLexiconData>('stance.json'));
  return cached;
}
