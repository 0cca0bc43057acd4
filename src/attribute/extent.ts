/**
 * @module attribute/extent
 * A learned decision of where an indirect content ends.
 *
 * The rules and the parse give each indirect content a start right after its cue and an end
 * that follows fixed habits (the cue's dependents' hull, a clause boundary, a comma before
 * ", which …"). Where a content should stop is the weakest of those habits: PolNeAR leaves
 * out trailing time and place adjuncts ("… the plan during Monday's debate"), non-restrictive
 * relative clauses and a second coordinated act, yet keeps a stance's reason ("mocked Romney
 * for not releasing his returns"). A ranking perceptron picks the end among the syntactic
 * cut points of the cue's sentence: the start of every subtree that hangs to the right of a
 * token in the content, the rules' own end and the sentence's end. Features describe the
 * boundary (the words and tags on both sides, the relation and marker of the subtree cut
 * off, punctuation between) and whether the end is shorter or longer than the rules'.
 *
 * The model file (`models/attribution/end.json`, built by `scripts/train-attribution.ts`)
 * is optional: without it the rules' ends stand.
 */
import type { Span, WorkingDoc } from '../types.js';
import { children, subtreeTokens } from '../nlp/parse/tree.js';
import { HashSink, NameSink, lexClass, lemma, type CueContext, type FeatureSink } from './model.js';
import type { Candidate } from './rules.js';
import type { RankingModel } from './ranker.js';

/** The start and end choosers' model (see ./ranker.ts). */
export type EndModel = RankingModel;

/** Buckets of the end model: 2^18 (1 MB of floats at run time). */
export const END_HASH_BITS = 18;

/** Tokens that never end a content (trimmed off a candidate end). */
const EDGE_TOKEN = /^([,;:—–\-.!?()]|["“”‘’'«»„]|''|``|--)$/;
const RELATIVE_OPENERS = new Set(['which', 'who', 'whom', 'whose']);
/** Most candidate ends looked at per content (the nearest to the rules' end are kept). */
const MAX_ENDS = 24;

/** One content whose end is to be chosen: its tokens, cue head and the candidate ends. */
export interface EndChoice {
  /** First content token. */
  lo: number;
  /** The rules' end (exclusive token index). */
  ruleEnd: number;
  /** The cue's head token. */
  cue: number;
  /** Candidate ends (exclusive token indexes, trimmed of edge punctuation), the rules' end among them. */
  ends: number[];
}

// the first token of every token's subtree, computed once per document (the choices ask for
// it for every token of a sentence, for every content)
const subtreeStarts = new WeakMap<Int32Array, Int32Array>();

/** The first token of token i's subtree (each token's ancestors are walked once per document). */
function subtreeStart(doc: WorkingDoc, i: number): number {
  const heads = doc.heads!;
  let first = subtreeStarts.get(heads);
  if (!first) {
    first = Int32Array.from(heads, (_, k) => k);
    for (let k = 0; k < heads.length; k++) {
      let a = heads[k];
      for (let step = 0; a >= 0 && step < heads.length; step++) {
        if (first[a] > k) first[a] = k;
        a = heads[a];
      }
    }
    subtreeStarts.set(heads, first);
  }
  return first[i];
}

/** Token index of the token holding character offset `at` (or the first after it), by binary search. */
export function tokenAt(doc: WorkingDoc, at: number): number {
  let a = 0;
  let b = doc.tokens.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (doc.tokens[m].end <= at) a = m + 1; else b = m;
  }
  return a;
}

/** The cue's head: a token inside the cue whose own head lies outside it (the first, else the cue's first token). */
function cueHead(doc: WorkingDoc, cue: Span): number {
  const a = tokenAt(doc, cue.start);
  let first = -1;
  for (let i = a; i < doc.tokens.length && doc.tokens[i].start < cue.end; i++) {
    if (first < 0) first = i;
    const h = doc.heads![i];
    if (h < 0 || doc.tokens[h].start < cue.start || doc.tokens[h].start >= cue.end) return i;
  }
  return first;
}

/** Whether a candidate's content end is the model's to choose: an indirect content after its cue, in one sentence. */
function refinable(c: Candidate): boolean {
  if (c.kind === 'direct' || !c.cue || c.relay || c.extentFixed) return false;
  if (c.content.start < c.cue.end) return false;
  // a content holding a quotation keeps the rules' end (the marks decide it)
  return !/["“”«»„]|''/.test(c.content.text);
}

/** An end moved back over edge punctuation, never before lo + 1. */
function trimEnd(ctx: CueContext, lo: number, e: number): number {
  while (e > lo + 1 && EDGE_TOKEN.test(ctx.doc.tokens[e - 1].text)) e--;
  return e;
}

/**
 * The end choice for candidate `c`, or null when its end is not the model's to choose.
 *
 * @example
 * endChoice(ctx, candidate) // { lo: 7, ruleEnd: 15, cue: 5, ends: [9, 12, 15, 21] }
 */
export function endChoice(ctx: CueContext, c: Candidate, others: readonly Candidate[] = []): EndChoice | null {
  if (!refinable(c)) return null;
  const { doc } = ctx;
  const last = c.parts ? c.parts[c.parts.length - 1] : c.content;
  const lo = tokenAt(doc, last.start);
  const hiTok = tokenAt(doc, last.end - 1);
  if (lo >= doc.tokens.length || hiTok >= doc.tokens.length) return null;
  const sent = ctx.sentOf[lo];
  if (sent < 0 || ctx.sentOf[hiTok] !== sent) return null;
  const cue = cueHead(doc, c.cue!);
  if (cue < 0 || cue >= lo) return null;
  const s = doc.sentences[sent];
  const ruleEnd = hiTok + 1;
  const sentEnd = trimEnd(ctx, lo, s.tokenEnd);
  const heads = doc.heads!;
  const ends = new Set<number>([ruleEnd, sentEnd]);
  // a cut before every subtree that hangs to the right of a token before it
  for (let x = lo + 1; x < s.tokenEnd; x++) {
    const h = heads[x];
    if (h < lo || h >= x) continue;
    const p = subtreeStart(doc, x);
    if (p <= lo || p < x - 40) continue;
    const e = trimEnd(ctx, lo, p);
    if (e > lo) ends.add(e);
  }
  // an end past the rules' never takes in another attribution's cue or source ("…, according to X")
  let limit = s.tokenEnd;
  for (const o of others) {
    if (o === c) continue;
    for (const sp of [o.cue, o.source]) {
      if (!sp || sp.start < doc.tokens[ruleEnd - 1].end) continue;
      const k = tokenAt(doc, sp.start);
      if (k < limit) limit = k;
    }
  }
  // … nor a closing non-restrictive relative clause (", which …"), the reporter's aside about a
  // word of the content, nor a cue participle (", blaming …"), the speaker's next act: the
  // rules end there, and so does every end the model may choose
  for (let k = ruleEnd; k + 1 < limit; k++) {
    if (ctx.low[k] !== ',') continue;
    const next = ctx.low[k + 1];
    if (RELATIVE_OPENERS.has(next) || (doc.pos![k + 1] === 'VBG' && lexClass(ctx, next) !== '-')) { limit = k; break; }
  }
  // no end inside a quotation: a quoted phrase is whole in the content or out of it
  const insideQuote = (e: number) => e < s.tokenEnd && ctx.inQuote[e] === 1 && ctx.inQuote[e - 1] === 1 && !/^["“”‘’'«»„]$/.test(doc.tokens[e].text) && !/^["“”‘’'«»„]$/.test(doc.tokens[e - 1].text);
  // no end that leaves a kept word's head behind ("said the judge, who …, would hear the
  // case": ending at "judge" would drop the clause's verb): what is kept is whole phrases
  const dangling = (e: number) => {
    for (let k = lo; k < e; k++) if (heads[k] >= e && heads[k] < s.tokenEnd && !EDGE_TOKEN.test(doc.tokens[k].text)) return true;
    return false;
  };
  // nor one before a relative clause set off in the middle of the content ("the judge, who
  // was appointed last year, would hear the case"): the content goes on after it
  const beforeMidRelative = (e: number) => {
    if (e >= ruleEnd || ctx.low[e] !== ',' || !RELATIVE_OPENERS.has(ctx.low[e + 1] ?? '')) return false;
    for (let k = e + 2; k < ruleEnd - 1; k++) if (ctx.low[k] === ',') return true;
    return false;
  };
  const sorted = [...ends].filter((e) => e > lo && (e <= ruleEnd || e <= limit) && (e === ruleEnd || (!insideQuote(e) && !dangling(e) && !beforeMidRelative(e)))).sort((a, b) => Math.abs(a - ruleEnd) - Math.abs(b - ruleEnd) || a - b).slice(0, MAX_ENDS);
  if (sorted.length < 2) return null;
  sorted.sort((a, b) => a - b);
  return { lo, ruleEnd, cue, ends: sorted };
}

const bucket = (n: number) => (n <= 3 ? String(n) : n <= 6 ? '4-6' : n <= 10 ? '7-10' : n <= 20 ? '11-20' : '21+');

/** The subtree root that begins at token p and hangs on a token before p (the cut-off phrase's head), or -1. */
function cutRoot(ctx: CueContext, lo: number, p: number, limit: number): number {
  const heads = ctx.doc.heads!;
  let best = -1;
  for (let x = p; x < limit; x++) {
    const h = heads[x];
    if (h >= lo && h < p && subtreeStart(ctx.doc, x) >= p) { best = x; break; }
  }
  return best;
}

function emitEndFeatures(ctx: CueContext, ch: EndChoice, e: number, by: string, f: FeatureSink): void {
  const { doc, low } = ctx;
  const pos = doc.pos!;
  const rels = doc.deprels!;
  const sent = doc.sentences[ctx.sentOf[ch.lo]];
  const d = e < ch.ruleEnd ? 'short' : e > ch.ruleEnd ? 'long' : 'same';
  const fam = by.replace(/\+.*/, '');
  const cl = lemma(ctx, low[ch.cue]);
  f.f('d', d);
  f.f('dby', d, fam);
  f.f('dl', d, cl);
  f.f('len', bucket(e - ch.lo));
  f.f('dlen', d, bucket(Math.abs(e - ch.ruleEnd)));
  // the boundary: the last kept token and what comes after it (punctuation skipped)
  const lastKept = e - 1;
  f.f('lw', low[lastKept]);
  f.f('lt', pos[lastKept]);
  let n = e;
  let punct = '-';
  while (n < sent.tokenEnd && EDGE_TOKEN.test(doc.tokens[n].text)) { if (punct === '-') punct = low[n]; n++; }
  const atEnd = n >= sent.tokenEnd;
  f.f('end', atEnd ? '1' : '0', d);
  if (atEnd) { f.f('endp', punct); return; }
  f.f('p', punct);
  f.f('nw', low[n]);
  f.f('nt', pos[n]);
  f.f('pnt', punct, pos[n]);
  f.f('pnw', punct, low[n]);
  f.f('ltnt', pos[lastKept], pos[n]);
  const x = cutRoot(ctx, ch.lo, n, sent.tokenEnd);
  if (x >= 0) {
    const xr = rels[x];
    const h = doc.heads![x];
    const marks = children(doc, x).filter((m) => rels[m] === 'mark' || rels[m] === 'case').map((m) => low[m]).join('_') || '-';
    f.f('xr', xr);
    f.f('xrm', xr, marks);
    f.f('xrp', xr, punct);
    f.f('xt', xr, pos[x]);
    f.f('xh', h === ch.cue ? 'cue' : rels[h] ?? '-', xr);
    f.f('xlc', lexClass(ctx, low[x]), xr);
    f.f('lxr', cl, xr, marks);
    f.f('dxr', d, xr);
  } else f.f('xr', 'none');
  // a time expression begins right after the end
  const t = doc.times.find((tm) => tm.start === doc.tokens[n].start);
  if (t) f.f('time', t.type, punct);
  // what lies between the rules' end and this one
  if (e !== ch.ruleEnd) {
    const a = Math.min(e, ch.ruleEnd);
    const b = Math.max(e, ch.ruleEnd);
    let comma = 0;
    let verbCue = 0;
    for (let k = a; k < b; k++) {
      if (low[k] === ',') comma++;
      if (/^VB/.test(pos[k]) && lexClass(ctx, low[k]) !== '-') verbCue++;
    }
    f.f('between', d, comma ? 'comma' : 'nocomma', verbCue ? 'cue' : 'nocue');
  }
}

/** The features of end `e` of a choice, by name (for inspection and tests). */
export function endFeatures(ctx: CueContext, ch: EndChoice, e: number, by: string): string[] {
  const sink = new NameSink();
  emitEndFeatures(ctx, ch, e, by, sink);
  return sink.out;
}

/** The hashed features of end `e` of a choice. */
export function endFeatureIds(ctx: CueContext, ch: EndChoice, e: number, by: string, bits: number): number[] {
  const sink = new HashSink((1 << bits) - 1);
  emitEndFeatures(ctx, ch, e, by, sink);
  return sink.out;
}

/**
 * Moves the end of every indirect content the model may decide to its best-scoring cut
 * point; `by` gains `+end/model/attribution-end@1` where the end moved.
 */
export function refineContentEnds(ctx: CueContext, found: Candidate[], model: EndModel): void {
  const { doc } = ctx;
  for (const c of found) {
    const ch = endChoice(ctx, c, found);
    if (!ch) continue;
    let best = ch.ruleEnd;
    let bestScore = -Infinity;
    for (const e of ch.ends) {
      if (splitsApposition(ctx, e, ch.ruleEnd)) continue;
      let s = 0;
      for (const k of endFeatureIds(ctx, ch, e, c.by, model.bits)) s += model.weights[k];
      if (s > bestScore) { bestScore = s; best = e; }
    }
    if (best === ch.ruleEnd) continue;
    const end = doc.tokens[best - 1].end;
    const last = c.parts ? c.parts[c.parts.length - 1] : c.content;
    const moved: Span = { start: last.start, end, text: doc.text.slice(last.start, end) };
    if (c.parts) c.parts = [...c.parts.slice(0, -1), moved];
    c.content = { start: c.content.start, end, text: doc.text.slice(c.content.start, end) };
    c.by += '+end/model/attribution-end@1';
  }
}

/**
 * Whether ending a content before token e (exclusive) cuts it at the comma that opens an
 * apposition of a noun inside it, when the rules' end (`ruleEnd`) goes on past the apposition
 * with the verb's own phrase: "charged two builders, Ann Lee and Bo Park, with fraud". The end
 * chooser may not take such an end. (Open appositions, parentheses such as "(R-Ohio)" and an
 * apposition followed by a clause or a relative were tried: they lowered train's figures.)
 */
export function splitsApposition(ctx: CueContext, e: number, ruleEnd: number): boolean {
  if (e >= ruleEnd || e < 1 || ctx.low[e] !== ',') return false;
  const heads = ctx.doc.heads!;
  const rels = ctx.doc.deprels!;
  for (let m = e + 1; m < ruleEnd && m <= e + 8; m++) {
    if (rels[m] !== 'appos' || heads[m] >= e || heads[m] < 0) continue;
    const [first, lastTok] = subtreeTokens(ctx.doc, m);
    // a closed apposition the content goes on after ("…, Ann Lee and Bo Park, with fraud")
    let after = lastTok + 1;
    if (ctx.low[lastTok] === ',' || ctx.low[lastTok] === ')') after = lastTok;
    // … with the verb's own phrase, not a clause or a relative ("…, Rep. Lee, says …", "…, who")
    const closed = ctx.low[after] === ',' && after + 1 < ruleEnd && ['IN', 'TO'].includes(ctx.doc.pos![after + 1]) && !RELATIVE_OPENERS.has(ctx.low[after + 1]);
    if ((first === e || first === e + 1) && closed) return true;
  }
  return false;
}

// ------------------------------------------------------------------ where a content starts

/** A content whose start is to be chosen: the first token after the cue, the rules' start and the candidate starts. */
export interface StartChoice {
  /** The cue's head token. */
  cue: number;
  /** The first token after the cue. */
  afterCue: number;
  /** The rules' start (a token index). */
  ruleStart: number;
  /** Candidate starts (token indexes), the rules' start among them. */
  starts: number[];
}

/** Most candidate starts looked at per content. */
const MAX_STARTS = 24;

/**
 * The start choice for candidate `c`: every token between its cue and its content (the
 * content may begin right after the cue: "called the plan “a disaster”"), and the tokens after
 * a comma, colon, quote mark or complementiser a little way into it. Null when the start is not the model's to choose.
 *
 * @example
 * startChoice(ctx, candidate) // { cue: 4, afterCue: 5, ruleStart: 7, starts: [5, 6, 7, 10] }
 */
export function startChoice(ctx: CueContext, c: Candidate): StartChoice | null {
  if (c.kind === 'direct' || !c.cue || c.relay || c.parts || c.extentFixed) return null;
  if (c.content.start < c.cue.end) return null;
  const { doc, low } = ctx;
  const afterCue = tokenAt(doc, c.cue.end);
  const lo = tokenAt(doc, c.content.start);
  const hiTok = tokenAt(doc, c.content.end - 1);
  if (hiTok >= doc.tokens.length || afterCue > lo) return null;
  const sent = ctx.sentOf[lo];
  if (sent < 0 || ctx.sentOf[afterCue] !== sent || ctx.sentOf[hiTok] !== sent) return null;
  const cue = cueHead(doc, c.cue);
  if (cue < 0) return null;
  const starts = new Set<number>([lo]);
  const usable = (p: number) => !EDGE_TOKEN.test(doc.tokens[p].text) && !(low[p] === 'that' && doc.deprels![p] === 'mark');
  for (let p = afterCue; p < lo; p++) if (usable(p)) starts.add(p);
  // … and, a little way in, the words after a comma, colon or opening mark, and after a
  // complementiser ("said during a news conference that X": X)
  for (let p = lo + 1; p <= hiTok && p <= lo + 16; p++) {
    const prev = low[p - 1];
    if (usable(p) && (prev === ',' || prev === ':' || /^["“‘'«„]$/.test(doc.tokens[p - 1].text) || (prev === 'that' && doc.deprels![p - 1] === 'mark'))) starts.add(p);
  }
  const sorted = [...starts].sort((a, b) => Math.abs(a - lo) - Math.abs(b - lo) || a - b).slice(0, MAX_STARTS).sort((a, b) => a - b);
  return sorted.length >= 2 ? { cue, afterCue, ruleStart: lo, starts: sorted } : null;
}

function emitStartFeatures(ctx: CueContext, ch: StartChoice, p: number, by: string, f: FeatureSink): void {
  const { doc, low } = ctx;
  const pos = doc.pos!;
  const rels = doc.deprels!;
  const d = p < ch.ruleStart ? 'earlier' : p > ch.ruleStart ? 'later' : 'same';
  const fam = by.replace(/\+.*/, '');
  const cl = lemma(ctx, low[ch.cue]);
  f.f('d', d);
  f.f('dby', d, fam);
  f.f('dl', d, cl);
  f.f('dist', d, bucket(Math.abs(p - ch.ruleStart)));
  f.f('after', p === ch.afterCue ? '1' : '0', d);
  f.f('aby', p === ch.afterCue ? '1' : '0', fam);
  f.f('w', low[p]);
  f.f('t', pos[p]);
  f.f('r', rels[p] ?? '-');
  f.f('hc', doc.heads![p] === ch.cue ? 'cue' : '-', rels[p] ?? '-');
  const prev = p - 1 >= 0 ? low[p - 1] : '<s>';
  f.f('pw', prev);
  f.f('pt', p - 1 >= 0 ? pos[p - 1] : '<s>');
  f.f('ppt', prev, pos[p]);
  f.f('q', ctx.inQuote[p] ? '1' : '0', d);
  // what lies between this start and the rules'
  if (p !== ch.ruleStart) {
    const a = Math.min(p, ch.ruleStart);
    const b = Math.max(p, ch.ruleStart);
    let comma = 0;
    let quote = 0;
    for (let k = a; k < b; k++) {
      if (low[k] === ',') comma++;
      if (/^["“”‘’'«»„]$/.test(doc.tokens[k].text)) quote++;
    }
    f.f('between', d, comma ? 'comma' : 'nocomma', quote ? 'quote' : 'noquote');
    f.f('bby', d, fam, quote ? 'quote' : 'noquote');
  }
}

/** The features of start `p` of a choice, by name (for inspection and tests). */
export function startFeatures(ctx: CueContext, ch: StartChoice, p: number, by: string): string[] {
  const sink = new NameSink();
  emitStartFeatures(ctx, ch, p, by, sink);
  return sink.out;
}

/** The hashed features of start `p` of a choice. */
export function startFeatureIds(ctx: CueContext, ch: StartChoice, p: number, by: string, bits: number): number[] {
  const sink = new HashSink((1 << bits) - 1);
  emitStartFeatures(ctx, ch, p, by, sink);
  return sink.out;
}

/**
 * Moves the start of every content the model may decide to its best-scoring token; `by`
 * gains `+start/model/attribution-start@1` where the start moved.
 */
export function refineContentStarts(ctx: CueContext, found: Candidate[], model: EndModel): void {
  const { doc } = ctx;
  for (const c of found) {
    const ch = startChoice(ctx, c);
    if (!ch) continue;
    let best = ch.ruleStart;
    let bestScore = -Infinity;
    for (const p of ch.starts) {
      let s = 0;
      for (const k of startFeatureIds(ctx, ch, p, c.by, model.bits)) s += model.weights[k];
      if (s > bestScore) { bestScore = s; best = p; }
    }
    if (best === ch.ruleStart) continue;
    const start = doc.tokens[best].start;
    let end = c.content.end;
    // a start moved before a fragment's opening mark takes its closing mark too
    // (“the stadium “a waste”", not "the stadium “a waste")
    const opened = (doc.text.slice(start, c.content.start).match(/[“‘«„"]/g) ?? []).length;
    if (opened > 0 && /[”’»"]/.test(doc.text[end] ?? '')) end++;
    c.content = { start, end, text: doc.text.slice(start, end) };
    c.by += '+start/model/attribution-start@1';
  }
}

// ------------------------------------------------------------------ a contrasting clause after the content

/** Conjunctions that open a contrasting clause (", but the council refused"); not "while", which opens the second half of a finding ("60 percent back X, while 30 percent back Y"). */
const CONTRAST = new Set(['but', 'yet', 'though', 'although']);

/**
 * A content that runs on over ", but <subject> <verb> …" where that clause has a subject of
 * its own and hangs, in the parse, outside the content (on the cue or before it): the clause
 * is the reporter's, not the speaker's ("Ms. Ray praised the plan, but the council rejected
 * it"). The content ends before the comma.
 */
export function cutContrastClauses(ctx: CueContext, found: Candidate[]): void {
  const { doc } = ctx;
  const heads = doc.heads!;
  const rels = doc.deprels!;
  for (const c of found) {
    if (c.kind === 'direct' || !c.cue || c.relay || c.parts) continue;
    if (c.content.start < c.cue.end) continue;
    const lo = tokenAt(doc, c.content.start);
    const hi = tokenAt(doc, c.content.end - 1);
    if (lo >= doc.tokens.length || hi >= doc.tokens.length || ctx.sentOf[lo] !== ctx.sentOf[hi]) continue;
    for (let k = lo + 1; k < hi - 1; k++) {
      if (ctx.low[k] !== ',' || !CONTRAST.has(ctx.low[k + 1]) || ctx.inQuote[k] === 1) continue;
      const v = heads[k + 1];
      if (v <= k + 1 || v > hi) continue;
      const subj = children(doc, v).find((m) => m > k + 1 && m < v && rels[m].startsWith('nsubj'));
      if (subj === undefined) continue;
      // ", but that …": a second complement of the same cue; ", but “…”": the speaker's words
      if (children(doc, v).some((m) => m > k + 1 && m < v && rels[m] === 'mark' && ctx.low[m] === 'that') || ctx.inQuote[k + 2] === 1 || /^["“”]$/.test(doc.tokens[k + 2].text)) continue;
      // the clause joins the cue's verb (or something before the content), not the content's
      const h = heads[v];
      if (h >= lo && h <= hi) continue;
      const end = doc.tokens[k - 1].end;
      c.content = { start: c.content.start, end, text: doc.text.slice(c.content.start, end) };
      c.by += '+cut/contrast';
      break;
    }
  }
}
