/**
 * @module attribute/polls
 * Findings placed "in" a poll or survey at the start of a sentence: "In a CNN poll released
 * Monday, 50 percent chose X." The preposition is the cue, the poll the source, and the rest of
 * the sentence the content: what the poll found (PolNeAR marks it so: 74 "in" cues on train,
 * mostly polls). The rules and the cue model, which look for verbs and nouns, never propose a
 * preposition.
 *
 * Read from the parse: an "in" whose noun heads one of the poll nouns of
 * `data/attribution/stance.json` (`evidence.pollNouns`; also "the average of … polls").
 */
import type { Span, WorkingDoc } from '../types.js';
import type { CueLexicon } from './lexicon.js';
import type { Candidate } from './rules.js';
import { cueContext, type CueContext } from './model.js';
import { children } from '../nlp/parse/tree.js';
import { defaultStance } from './stance.js';

const EDGE = /^[,;:—–\-.!?()"“”‘’'«»„]$/;
/** Words that may open a sentence before a sentence-initial "In a poll, …". */
const OPENERS = new Set(['and', 'but', 'yet', 'so', 'still', 'meanwhile', 'also']);
/** Words the poll phrase may run on after its noun before the comma ("… poll released Monday by CNN,"). */
const MAX_AFTER_NOUN = 8;

const tokSpan = (doc: WorkingDoc, a: number, b: number): Span => {
  const start = doc.tokens[a].start;
  const end = doc.tokens[b - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
};

/** [a, b) without edge punctuation and quote marks. */
function trim(ctx: CueContext, a: number, b: number): [number, number] {
  while (a < b && EDGE.test(ctx.doc.tokens[a].text)) a++;
  while (b > a && EDGE.test(ctx.doc.tokens[b - 1].text)) b--;
  return [a, b];
}

/**
 * The noun that an "in" token at i governs when it names a poll, else -1: "in a CNN poll",
 * "in the RealClearPolitics average of polls".
 */
export function pollNoun(ctx: CueContext, i: number): number {
  const { doc, low } = ctx;
  if (low[i] !== 'in' || doc.deprels![i] !== 'case') return -1;
  const h = doc.heads![i];
  if (h <= i || !/^NN/.test(doc.pos![h]) || !/^(obl|nmod)/.test(doc.deprels![h])) return -1;
  const st = defaultStance();
  if (st.pollNouns.has(low[h])) return h;
  // "the average of New Hampshire polls"
  if (low[h] === 'average' && children(doc, h).some((k) => k > h && st.pollNouns.has(low[k]) && doc.deprels![k].startsWith('nmod'))) return h;
  return -1;
}

/**
 * Candidates for findings placed in a poll (see the module comment); none where the "in" is
 * already a cue or lies inside a quotation.
 *
 * @example
 * pollCandidates(doc, lex, found) // [{ cue: 'In', source: 'a CNN poll released Monday', content: '50 percent chose X', … }]
 */
export function pollCandidates(doc: WorkingDoc, lex: CueLexicon, existing: Candidate[]): Candidate[] {
  const ctx = cueContext(doc, lex);
  if (!ctx) return [];
  const out: Candidate[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    if (ctx.low[i] !== 'in' || ctx.inQuote[i]) continue;
    const tok = doc.tokens[i];
    if (existing.some((c) => c.cue && c.cue.start < tok.end && tok.start < c.cue.end)) continue;
    const h = pollNoun(ctx, i);
    if (h < 0) continue;
    const sent = doc.sentences[ctx.sentOf[i]];
    if (!sent) continue;
    // the phrase runs to the first comma after the noun, within a few words ("In a poll
    // released Monday, …"): the parse's subtree is not trusted there, as it may hang the
    // clause's first words on the noun ("survey, 61 percent") or make the participle the verb
    let comma = h + 1;
    while (comma < sent.tokenEnd && comma - h <= MAX_AFTER_NOUN && ctx.low[comma] !== ',') comma++;
    if (ctx.low[comma] !== ',') continue;
    const ppEnd = comma - 1;
    const [sa, sb] = trim(ctx, i + 1, ppEnd + 1);
    if (sb <= sa) continue;
    // "In a CNN poll released Monday, 50 percent chose X": the rest of the sentence
    let first = sent.tokenStart;
    while (first < i && (OPENERS.has(ctx.low[first]) || ctx.low[first] === ',')) first++;
    // only at the sentence's start, set off by a comma: after a clause ("Trump leads in the
    // polls") the phrase mostly says where a standing is measured, and PolNeAR seldom marks it
    // (on train's first 300 articles 7 of 47 such candidates matched a gold content)
    if (first !== i) continue;
    const range = trim(ctx, ppEnd + 2, sent.tokenEnd);
    if (range[1] - range[0] < 2) continue;
    out.push({
      kind: 'indirect',
      source: tokSpan(doc, sa, sb),
      cue: { start: tok.start, end: tok.end, text: tok.text },
      content: tokSpan(doc, range[0], range[1]),
      by: 'rule/poll-in',
      extentFixed: true,
    });
  }
  return out;
}
