/**
 * @module attribute/lexicon
 * The cue lexicon (data/attribution/cues.json) compiled into lookups. Regular verb forms are
 * generated here so the data file lists lemmas only; irregular forms are listed in the data.
 * A lexicon is a plain value passed to the stage: two stages may use two lexicons.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export type CueClass = 'speech' | 'belief' | 'intent' | 'evaluative' | 'evidence';

/** One cue: a phrase of one or more words; the first word is inflected. */
export interface CueEntry {
  lemma: string;
  cls: CueClass;
  /** Accepted lower-case forms, per word position. */
  words: ReadonlySet<string>[];
}

export interface CueLexiconData {
  verbs: Record<CueClass, string[]>;
  irregular: Record<string, string[]>;
  addresseeVerbs: string[];
  quoteOnlyVerbs: string[];
  /** Cue phrases added after the cue model was trained: its lexicon-class feature leaves them out. */
  unseenByModel?: string[];
  beliefAdjectives: string[];
  beForms: string[];
  prepositionalCues: string[];
  docNouns: string[];
  issueVerbs: string[];
  nonSourceHeads: string[];
  pronouns: string[];
  adverbs: string[];
  npBoundaries: string[];
  npInnerPrepositions: string[];
  determiners: string[];
}

export interface CueLexicon {
  /** First word (lower case) → cues starting with it, longest first. */
  byFirst: ReadonlyMap<string, CueEntry[]>;
  /** Lemma of every known form ("said" → "say"). */
  lemmaOf: ReadonlyMap<string, string>;
  addressee: ReadonlySet<string>;
  /** Cues that introduce words only before a colon, "that" or a quote ("continued:"). */
  quoteOnly: ReadonlySet<string>;
  /** Cue phrases the cue model's lexicon-class feature leaves out (added after it was trained). */
  unseenByModel: ReadonlySet<string>;
  beliefAdjectives: ReadonlySet<string>;
  beForms: ReadonlySet<string>;
  prepositional: string[][];
  docNouns: ReadonlySet<string>;
  issueVerbs: ReadonlySet<string>;
  nonSourceHeads: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
  /** Multi-word skippable phrases ("in a statement"), as word lists. */
  adverbPhrases: string[][];
  npBoundaries: ReadonlySet<string>;
  npInnerPrepositions: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
}

/** Regular English verb forms: lemma, 3rd singular, past, -ing. */
export function regularForms(lemma: string): string[] {
  const v = /[aeiou]/;
  const s = /(s|sh|ch|x|z|o)$/.test(lemma) ? lemma + 'es' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ies' : lemma + 's';
  const past = lemma.endsWith('e') ? lemma + 'd' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ied' : lemma + 'ed';
  const ing = lemma.endsWith('ee') || !lemma.endsWith('e') || lemma.length < 3 ? lemma + 'ing' : lemma.slice(0, -1) + 'ing';
  void v;
  return [lemma, s, past, ing];
}

/** Builds a lexicon from its data. */
export function compileLexicon(data: CueLexiconData): CueLexicon {
  const byFirst = new Map<string, CueEntry[]>();
  const lemmaOf = new Map<string, string>();
  const seen = new Set<string>();
  for (const cls of Object.keys(data.verbs) as CueClass[]) {
    for (const phrase of data.verbs[cls]) {
      const key = cls + ':' + phrase;
      if (seen.has(key)) continue;
      seen.add(key);
      const [head, ...rest] = phrase.split(' ');
      const forms = data.irregular[head] ?? regularForms(head);
      for (const f of forms) if (!lemmaOf.has(f)) lemmaOf.set(f, head);
      const entry: CueEntry = { lemma: phrase, cls, words: [new Set(forms), ...rest.map((w) => new Set([w]))] };
      for (const f of forms) {
        const list = byFirst.get(f) ?? [];
        list.push(entry);
        byFirst.set(f, list);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const single = data.adverbs.filter((a) => !a.includes(' '));
  return {
    byFirst,
    lemmaOf,
    addressee: new Set(data.addresseeVerbs),
    quoteOnly: new Set(data.quoteOnlyVerbs ?? []),
    unseenByModel: new Set(data.unseenByModel ?? []),
    beliefAdjectives: new Set(data.beliefAdjectives),
    beForms: new Set(data.beForms),
    prepositional: data.prepositionalCues.map((p) => p.split(' ')),
    docNouns: new Set(data.docNouns),
    issueVerbs: new Set(data.issueVerbs),
    nonSourceHeads: new Set(data.nonSourceHeads),
    pronouns: new Set(data.pronouns),
    adverbs: new Set(single),
    adverbPhrases: data.adverbs.filter((a) => a.includes(' ')).map((a) => a.split(' ')),
    npBoundaries: new Set(data.npBoundaries),
    npInnerPrepositions: new Set(data.npInnerPrepositions),
    determiners: new Set(data.determiners),
  };
}

let cached: CueLexicon | null = null;

/**
 * The bundled lexicon (data/attribution/cues.json), read once on first use.
 *
 * @example
 * defaultLexicon().byFirst.get('said')?.[0].lemma // 'say'
 */
export function defaultLexicon(): CueLexicon {
  if (cached) return cached;
  cached = compileLexicon(readAttributionData<CueLexiconData>('cues.json'));
  return cached;
}

/** A JSON file of `data/attribution/`, parsed (read by the bundled lexicons on first use). */
export function readAttributionData<T>(name: string): T {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/attribute → repo root is two levels up (dist/attribute likewise).
  return JSON.parse(readFileSync(path.resolve(here, '../../data/attribution', name), 'utf8')) as T;
}
