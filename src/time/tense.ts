/**
 * @module time/tense
 * The tense of the verb that governs a time expression, which decides whether a bare
 * "Monday" or "April" points back or forward from the document date. With Penn tags from a
 * POS stage (`doc.pos`) the tags decide; without them a lexical check does (auxiliaries,
 * irregular past forms, `-ed`). The nearest verb in the same sentence wins, since that is
 * usually the one the expression modifies ("He said the talks will resume Monday": the
 * nearest verb group is "will resume", so Monday is ahead).
 */
import type { Token } from '../types.js';

export type Tense = 'past' | 'present' | 'future';

/** What the tense check needs: the sentence's tokens and, when a tagger ran, their tags. */
export interface TenseInput {
  tokens: readonly Token[];
  /** Penn tags parallel to `tokens`, or null. */
  pos: readonly string[] | null;
  /** Token range of the sentence: [from, to). */
  from: number;
  to: number;
}

export interface TenseCues {
  future: ReadonlySet<string>;
  planned: ReadonlySet<string>;
  pastIrregular: ReadonlySet<string>;
}

const BE_HAVE = new Set(['be', 'been', 'being', 'is', 'are', 'am', 'was', 'were', 'has', 'have', 'had']);
const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'has', 'have', 'does', 'do']);
// Words ending in -ed that are rarely the governing verb.
const NOT_VERBS = new Set(['red', 'bed', 'shed', 'hundred', 'need', 'speed', 'seed', 'feed', 'united', 'limited', 'based', 'related', 'armed']);

/** Tense of one verb-like token, looking a few tokens back for auxiliaries; null if not a verb. */
function tokenTense(input: TenseInput, i: number, cues: TenseCues): Tense | null {
  const word = input.tokens[i].text.toLowerCase();
  const tag = input.pos ? input.pos[i] : null;
  const back = (k: number) => (i - k >= input.from ? input.tokens[i - k].text.toLowerCase() : '');
  const auxFuture = () => {
    for (let k = 1; k <= 3; k++) {
      const w = back(k);
      if (cues.future.has(w)) return true;
      if (w === 'going' && back(k - 1) === 'to') return true;
      if (w === 'to' && k === 1) return true; // "plans to meet Monday"
      if (!BE_HAVE.has(w) && w !== 'not' && w !== "n't" && k > 1) break;
    }
    return false;
  };
  if (tag) {
    if (tag === 'MD') return cues.future.has(word) ? 'future' : word === 'would' || word === 'could' ? 'past' : null;
    if (!tag.startsWith('VB')) return null;
    if (auxFuture()) return 'future';
    if (tag === 'VBD') return 'past';
    if (tag === 'VBN') return back(1) === 'has' || back(1) === 'have' || back(1) === 'been' ? 'past' : 'past';
    if (tag === 'VBZ' || tag === 'VBP') return 'present';
    return null;
  }
  if (cues.future.has(word)) return 'future';
  if (cues.planned.has(word)) {
    // "is scheduled to close Monday" looks ahead; "had been scheduled to expire Friday" back
    const b1 = back(1), b2 = back(2);
    if (['is', 'are', 'am', "'s", "'re"].includes(b1) || cues.future.has(b2)) return 'future';
    if (['was', 'were', 'been', 'had'].includes(b1)) return 'past';
  }
  if (/^[a-z]{3,}ed$/.test(word) && !NOT_VERBS.has(word)) return auxFuture() ? 'future' : 'past';
  if (cues.pastIrregular.has(word)) return auxFuture() ? 'future' : 'past';
  if (PRESENT.has(word)) return 'present';
  return null;
}

/**
 * The tense of the verb nearest to the token range [startTok, endTok) in its sentence.
 *
 * @example
 * // tokens of "Talks will resume Monday ." with Monday at token 3
 * governingTense({ tokens, pos: null, from: 0, to: 5 }, 3, 4, cues) // 'future'
 */
export function governingTense(input: TenseInput, startTok: number, endTok: number, cues: TenseCues): Tense | null {
  for (let dist = 1; dist < input.to - input.from; dist++) {
    const left = startTok - dist;
    const right = endTok - 1 + dist;
    if (left < input.from && right >= input.to) break;
    // Left first: in English the governing verb more often precedes its time adjunct.
    if (left >= input.from) {
      const t = tokenTense(input, left, cues);
      if (t) return t;
    }
    if (right < input.to) {
      const t = tokenTense(input, right, cues);
      if (t) return t;
    }
  }
  return null;
}
