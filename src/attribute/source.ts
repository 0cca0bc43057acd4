/**
 * @module attribute/source
 * A learned choice of the source of a model cue.
 *
 * The cue model's cues take their source from the parse (the subject, through participle and
 * coordinated heads, else a possessor or an agent). That habit misses the sources PolNeAR
 * marks in other places: the subject of a clause above ("Republicans are happily supporting
 * the delay"), the noun a participle or adjective hangs on ("Muslim advocates hailed …" read
 * as a reduced relative), a name earlier in the sentence, and it gives a source where the
 * corpus has none. A ranking perceptron picks one of a few candidates: the parse's source,
 * each subject of a clause above the cue, the cue's possessor, agent and head noun, the names
 * and noun phrases of the sentence (mentions), or none. Features: the candidate's kind, its
 * tag and mention type, where it lies against the cue and the content, and the cue's word and
 * relation.
 *
 * The model file (`models/attribution/source.json`, built by `scripts/train-attribution.ts`)
 * is optional: without it the parse's source stands.
 */
import type { Span, WorkingDoc } from '../types.js';
import { children } from '../nlp/parse/tree.js';
import { HashSink, NameSink, isAgent, isDateline, lemma, lexClass, npKind, parseSource, sourceRange, type CueContext, type FeatureSink } from './model.js';
import type { Candidate } from './rules.js';
import { tokenAt } from './extent.js';
import type { RankingModel } from './ranker.js';

/** The source chooser's model (see ./ranker.ts). */
export type SourceModel = RankingModel;

/** Buckets of the source model: 2^18. */
export const SOURCE_HASH_BITS = 18;

/** One source candidate: a token range (null: no source), how it was found, and its head token. */
export interface SourceOption {
  range: [number, number] | null;
  kind: string;
  head: number;
  /** For a relative pronoun: its antecedent's range, where the entity is read. */
  ref: [number, number] | null;
}

/** One choice: the cue head, the content's token range and the options. */
export interface SourceChoice {
  cue: number;
  content: [number, number];
  options: SourceOption[];
}

const NON_SOURCE_TAG = /^(IN|TO|CC|DT|RB|WRB|CD|\W)/;

/**
 * The source choice of a model candidate, or null when the candidate is not the model's.
 *
 * @example
 * sourceChoice(ctx, candidate) // { cue: 8, content: [9, 14], options: [{ kind: 'parse', … }, { kind: 'none', … }] }
 */
export function sourceChoice(ctx: CueContext, c: Candidate): SourceChoice | null {
  if (!c.by.startsWith('model/') || !c.cue || c.sourceFixed) return null;
  const { doc } = ctx;
  const rels = doc.deprels!;
  const heads = doc.heads!;
  const cue = tokenAt(doc, c.cue.start);
  const sent = doc.sentences[ctx.sentOf[cue]];
  if (!sent) return null;
  const content: [number, number] = [tokenAt(doc, c.content.start), tokenAt(doc, c.content.end - 1) + 1];
  const options: SourceOption[] = [{ range: null, kind: 'none', head: -1, ref: null }];
  const seen = new Set<string>();
  const add = (head: number, kind: string, range?: [number, number], ref: [number, number] | null = null) => {
    if (head < sent.tokenStart || head >= sent.tokenEnd || head === cue) return;
    const r: [number, number] = range ? [range[0], range[1]] : sourceRange(ctx, head, cue);
    // an agent's "by" (and any opening preposition) is not part of the source ("by a man")
    while (r[0] < r[1] - 1 && /^(IN|TO)$/.test(doc.pos![r[0]])) r[0]++;
    if (r[1] <= r[0] || NON_SOURCE_TAG.test(doc.pos![r[0]]) && r[1] - r[0] === 1) return;
    if (r[0] >= content[0] && r[1] <= content[1]) return; // the content's own words
    if (isDateline(ctx, r[0], r[1])) return;
    const key = r.join(':');
    if (seen.has(key)) return;
    seen.add(key);
    options.push({ range: r, kind, head, ref });
  };
  const ps = parseSource(ctx, cue);
  if (ps) {
    seen.add(ps.source.join(':'));
    options.push({ range: ps.source, kind: 'parse', head: -1, ref: ps.ref });
  }
  // the subjects of the clauses above the cue
  let a = cue;
  for (let step = 0; step < 5 && a >= 0; step++) {
    for (const k of children(doc, a)) {
      if (rels[k] === 'nsubj' || rels[k] === 'nsubj:pass' || rels[k] === 'csubj') add(k, step === 0 ? 'own-' + rels[k] : 'above-' + rels[k]);
      if (isAgent(ctx, a, k)) add(k, step === 0 ? 'own-agent' : 'above-agent');
      if (rels[k] === 'nmod:poss') add(k, step === 0 ? 'own-poss' : 'above-poss');
    }
    a = heads[a];
  }
  // the noun a participle, adjective or noun cue hangs on ("advocates [hailed …]", "a supporter of")
  const h = heads[cue];
  if (h >= 0 && /^(NN|PRP)/.test(doc.pos![h])) add(h, 'head-' + rels[cue].split(':')[0]);
  // names and noun phrases of the sentence
  for (const m of doc.mentions) {
    if (m.start < sent.start || m.end > sent.end) continue;
    const r: [number, number] = [tokenAt(doc, m.start), tokenAt(doc, m.end - 1) + 1];
    add(r[1] - 1, 'mention-' + m.kind, r);
  }
  return options.length > 1 ? { cue, content, options } : null;
}

const dist = (n: number) => (n <= 1 ? String(n) : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 12 ? '7-12' : '13+');

function emitSourceFeatures(ctx: CueContext, ch: SourceChoice, o: SourceOption, f: FeatureSink): void {
  const { doc, low } = ctx;
  const pos = doc.pos!;
  const rels = doc.deprels!;
  const cl = lemma(ctx, low[ch.cue]);
  const cr = rels[ch.cue] ?? '-';
  const ct = pos[ch.cue].slice(0, 2);
  f.f('k', o.kind);
  f.f('kl', o.kind, cl);
  f.f('kr', o.kind, cr);
  f.f('kt', o.kind, ct);
  f.f('klc', o.kind, lexClass(ctx, low[ch.cue]));
  if (!o.range) {
    f.f('none-l', cl);
    f.f('none-rt', cr, pos[ch.cue]);
    return;
  }
  const [a, b] = o.range;
  const head = o.head >= 0 ? o.head : b - 1;
  const side = b <= ch.cue ? 'before' : a > ch.cue ? 'after' : 'around';
  const gap = side === 'before' ? ch.cue - b : side === 'after' ? a - ch.cue : 0;
  f.f('side', o.kind, side);
  f.f('gap', side, dist(gap));
  f.f('kgap', o.kind, dist(gap));
  f.f('np', npKind(ctx, head));
  f.f('knp', o.kind, npKind(ctx, head));
  f.f('ht', pos[head]);
  f.f('hr', rels[head] ?? '-');
  f.f('len', dist(b - a));
  f.f('w0', low[a]);
  f.f('hw', low[head]);
  const m = doc.mentions.find((x) => x.start === doc.tokens[a].start && x.end === doc.tokens[b - 1].end);
  f.f('mt', m ? m.type + '/' + m.kind : '-');
  f.f('kmt', o.kind, m ? m.type : '-');
  // between the candidate and the content
  const inContentSent = a >= ch.content[0] && a < ch.content[1];
  f.f('inc', inContentSent ? '1' : '0');
  if (side === 'before') {
    let comma = 0;
    for (let k = b; k < ch.cue; k++) if (low[k] === ',') comma++;
    f.f('comma', o.kind, String(Math.min(comma, 2)));
  }
}

/** The features of one option, by name (for inspection and tests). */
export function sourceFeatures(ctx: CueContext, ch: SourceChoice, o: SourceOption): string[] {
  const sink = new NameSink();
  emitSourceFeatures(ctx, ch, o, sink);
  return sink.out;
}

/** The hashed features of one option. */
export function sourceFeatureIds(ctx: CueContext, ch: SourceChoice, o: SourceOption, bits: number): number[] {
  const sink = new HashSink((1 << bits) - 1);
  emitSourceFeatures(ctx, ch, o, sink);
  return sink.out;
}

/** The best-scoring option of a choice. */
export function bestSource(ctx: CueContext, ch: SourceChoice, model: SourceModel): SourceOption {
  let best = ch.options[0];
  let bestScore = -Infinity;
  for (const o of ch.options) {
    let s = 0;
    for (const k of sourceFeatureIds(ctx, ch, o, model.bits)) s += model.weights[k];
    if (s > bestScore) { bestScore = s; best = o; }
  }
  return best;
}

const tokSpan = (doc: WorkingDoc, r: [number, number]): Span => {
  const start = doc.tokens[r[0]].start;
  const end = doc.tokens[r[1] - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
};

/** Gives every model cue the source the model ranks first; `by` gains `+source/model/attribution-source@1` where it changed. */
export function chooseSources(ctx: CueContext, found: Candidate[], model: SourceModel): void {
  for (const c of found) {
    const ch = sourceChoice(ctx, c);
    if (!ch) continue;
    const o = bestSource(ctx, ch, model);
    if (o.kind === 'parse') continue;
    if (!o.range) {
      if (c.source) { c.source = null; delete c.sourceRef; c.by += '+source/model/attribution-source@1'; }
      continue;
    }
    c.source = tokSpan(ctx.doc, o.range);
    if (o.ref) c.sourceRef = tokSpan(ctx.doc, o.ref); else delete c.sourceRef;
    c.by += '+source/model/attribution-source@1';
  }
}
