/**
 * @module nlp/ner/model
 * An averaged perceptron over hashed integer features (Collins 2002), decoding either
 * greedily left to right (Ratinov & Roth 2009) or, in the shipped model, with Viterbi over
 * first-order tag transitions per sentence, trained as a structured perceptron: on CoNLL dev
 * the latter was +2.8 F1 better (first pass alone, same features). Weights live in
 * one Float32Array, one weight per class per feature row (the IOB2 classes of `tags.ts`); rows
 * are found through an open-addressing index keyed by the 32-bit feature hash.
 */
import { HashIndex, SlotTable, mix } from './hash.js';
import { readBin, writeBin } from './binfile.js';
import { BOS, EOS, STACK_CODES, STACK_CODE_HASH, type FeatureExtractor, type PreparedDoc, type WordEntry } from './features.js';
import { ALLOWED, CLASSES, END_OK, INSIDE, INSIDE_B, NC, NPREV, OPENING, OUTSIDE, SCHEME, START, typeOfClass } from './tags.js';

export { CLASSES, NC, typeOfClass };

const T_P1 = 101, T_P2 = 102, T_P1W = 103, T_HIST = 104, T_P1SH = 105;
/** `mix(T_P1W, p)` and `mix(T_P1SH, p)` per previous tag p (a class or START), computed once. */
const P1W_SEED = Array.from({ length: NPREV }, (_, p) => mix(T_P1W, p));
const P1SH_SEED = Array.from({ length: NPREV }, (_, p) => mix(T_P1SH, p));
/** Offset of previous tag p's transition row in a word's score cache: `TR + p * NC`. */
const TR = NC * 5;
let nextUid = 1;
/** IOB2's fixed layout (`stepIob2`): O and B-X follow anything, I-X only B-X or I-X. */
const IOB2_FAST = SCHEME === 'IOB2' && NC === 9 && OUTSIDE.length === 9 && OUTSIDE.every((c, i) => c === i)
  && OPENING.join() === '0,1,3,5,7' && INSIDE.join() === '2,4,6,8' && INSIDE_B.join() === '1,3,5,7';

/**
 * Position features added on top of a prepared document (the stacked pass's): hashes, or
 * with `codes` the stacked features' dense codes (`stackFeatures(…, true)`), which a frozen
 * Viterbi model reads from a table by code instead of through the hash index.
 */
export interface ExtraFeats { feats: Uint32Array; off: Int32Array; codes?: boolean }

/**
 * Position-feature sums shared between the two passes (models made by `shareRows`): the
 * first pass writes the second model's sums (`read` false, `other` the second model), the
 * second reads them (`read` true).
 */
export interface SharedPos { sums: Float32Array; read: boolean; other: PerceptronModel }

/**
 * The training-time feature list of token `i`: its own word features, its neighbours'
 * context features (two left, two right), its position features, and any stacked ones.
 * (Frozen models read the same sums from per-word caches instead.)
 */
function collectFeatures(
  all: number[], w: WordEntry, l2: WordEntry, l1: WordEntry, r1: WordEntry, r2: WordEntry,
  feats: Uint32Array, off: Int32Array | Uint32Array, i: number, extra?: ExtraFeats,
): void {
  all.length = 0;
  for (const h of w.intr) all.push(h);
  for (const h of l2.ctx[0]) all.push(h);
  for (const h of l1.ctx[1]) all.push(h);
  for (const h of r1.ctx[2]) all.push(h);
  for (const h of r2.ctx[3]) all.push(h);
  for (let j = off[i]; j < off[i + 1]; j++) all.push(feats[j]);
  if (extra) for (let j = extra.off[i]; j < extra.off[i + 1]; j++) all.push(extra.feats[j]);
}

export class PerceptronModel {
  /** feature hash → row (a `SlotTable` once `shareRows` has merged two frozen models) */
  index: HashIndex | SlotTable;
  /** which slot of a word entry's score cache this model uses (0 first pass, 1 second) */
  slot = 0;
  /**
   * Decode each sentence with Viterbi over first-order tag transitions and train with the
   * structured perceptron (Collins 2002), instead of greedy left-to-right decisions. The
   * previous-two-tags feature is then left out (it would need second-order Viterbi), and the
   * same-word history feature sees only earlier sentences.
   */
  viterbi = false;
  private readonly uid = nextUid++;
  W: Float32Array;
  nRows: number;
  /** training only: running sums for averaging */
  private U: Float64Array | null = null;
  private clock = 1;
  private frozen: boolean;

  constructor(readonly fx: FeatureExtractor, index?: HashIndex, W?: Float32Array) {
    this.index = index ?? new HashIndex(1 << 20);
    this.W = W ?? new Float32Array(NC * (1 << 20));
    this.nRows = index ? this.index.size : 0;
    this.frozen = !!W;
    if (!W) this.U = new Float64Array(this.W.length);
  }

  private row(h: number): number {
    let r = this.index.get(h);
    if (r >= 0) return r;
    r = this.nRows++;
    if ((r + 1) * NC > this.W.length) {
      const W2 = new Float32Array(this.W.length * 2); W2.set(this.W); this.W = W2;
      const U2 = new Float64Array(this.W.length); U2.set(this.U!); this.U = U2;
    }
    (this.index as HashIndex).set(h, r);
    return r;
  }

  private add(scores: Float32Array, feats: Uint32Array | number[], from = 0, to = feats.length): void {
    const W = this.W;
    const index = this.index;
    for (let j = from; j < to; j++) {
      const r = index.get(feats[j]);
      if (r < 0) continue;
      const b = r * NC;
      for (let k = 0; k < NC; k++) scores[k] += W[b + k];
    }
  }

  /** `add` into `scores[so … so + NC)`. */
  private addAt(scores: Float32Array, so: number, feats: Uint32Array, from: number, to: number): void {
    const tb = this.table;
    if (tb) {
      // this model's half of the interleaved rows, found by the slot table (see `shareRows`)
      const keys = tb.keys; const mask = tb.mask; const B = tb.both; const o = tb.off;
      for (let j = from; j < to; j++) {
        const h = feats[j] | 0;
        let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
        let k = keys[i];
        while (k !== h && k !== 0) { i = (i + 1) & mask; k = keys[i]; }
        if (k === 0) continue;
        const b = i * 2 * NC + o;
        for (let c = 0; c < NC; c++) scores[so + c] += B[b + c];
      }
      return;
    }
    const W = this.W;
    const index = this.index;
    for (let j = from; j < to; j++) {
      const r = index.get(feats[j]);
      if (r < 0) continue;
      const b = r * NC;
      for (let k = 0; k < NC; k++) scores[so + k] += W[b + k];
    }
  }

  private addOne(scores: Float32Array, h: number): void {
    const r = this.index.get(h);
    if (r < 0) return;
    const W = this.W;
    const b = r * NC;
    for (let k = 0; k < NC; k++) scores[k] += W[b + k];
  }

  /** Cached word and neighbour scores (frozen models only). */
  private wordScores(e: WordEntry): Float32Array {
    const cached = e.scores[this.slot];
    if (cached && e.owner[this.slot] === this.uid) return cached;
    const s = new Float32Array(NC * (5 + NPREV));
    const tmp = new Float32Array(NC);
    e.pwDone[this.slot] = 0;
    this.add(tmp, e.intr);
    s.set(tmp, 0);
    for (let j = 0; j < 4; j++) { tmp.fill(0); this.add(tmp, e.ctx[j]); s.set(tmp, NC * (j + 1)); }
    e.scores[this.slot] = s;
    e.owner[this.slot] = this.uid;
    return s;
  }

  private update(feats: number[], gold: number, pred: number): void {
    const W = this.W;
    const U = this.U!;
    const c = this.clock;
    for (const h of feats) {
      const b = this.row(h) * NC;
      W[b + gold] += 1; U[b + gold] += c;
      W[b + pred] -= 1; U[b + pred] -= c;
    }
  }

  /**
   * Tags a prepared document; with `gold`, learns from each mistake as it goes (one
   * perceptron epoch over the document).
   */
  tag(doc: PreparedDoc, gold?: Int8Array, extra?: ExtraFeats, shared?: SharedPos): Int8Array {
    // codes are read by code only in the frozen Viterbi path; elsewhere they become hashes
    if (extra?.codes && !(this.viterbi && this.frozen)) extra = { feats: extra.feats.map((c) => STACK_CODE_HASH[c]), off: extra.off };
    if (this.viterbi) return this.tagViterbi(doc, gold, extra, shared);
    const { entries, sentences, feats, off, wid } = doc;
    const out = new Int8Array(entries.length);
    // what each capitalised word was last tagged in this document (5: not yet)
    const history = new Int8Array(doc.nWords).fill(5);
    const scores = this.scratch;
    const training = !!gold && !this.frozen;
    const frozen = this.frozen;
    const dense = frozen ? (this.dense ??= this.buildDense()) : null;
    const bos = this.fx.entry(BOS);
    const eos = this.fx.entry(EOS);
    const all = this.featList;
    for (let si = 0; si < sentences.length; si += 2) {
      const s = sentences[si];
      const e = sentences[si + 1];
      let p1 = START;
      let p2 = START;
      for (let i = s; i < e; i++) {
        const w = entries[i];
        const l2 = i - 2 >= s ? entries[i - 2] : bos;
        const l1 = i - 1 >= s ? entries[i - 1] : bos;
        const r1 = i + 1 < e ? entries[i + 1] : eos;
        const r2 = i + 2 < e ? entries[i + 2] : eos;
        const hist = w.caseClass >= 2 && w.hasLetter ? history[wid[i]] : -1;
        if (!frozen) {
          scores.fill(0);
          collectFeatures(all, w, l2, l1, r1, r2, feats, off, i, extra);
          all.push(mix(T_P1, p1), mix(T_P2, p2 * NPREV + p1), mix(mix(T_P1W, p1), w.key), mix(mix(T_P1SH, p1), w.shape));
          if (hist >= 0) all.push(mix(T_HIST, hist * 8 + w.caseClass));
          this.add(scores, all);
        } else {
          // the same features as above, from caches: word and neighbour sums per word,
          // (previous tag, word) sums per word, dense tables for the tag-only features
          const a = this.wordScores(w), b2 = this.wordScores(l2), b1 = this.wordScores(l1), c1 = this.wordScores(r1), c2 = this.wordScores(r2);
          const pw = TR + p1 * NC;
          if (!(w.pwDone[this.slot] & (1 << p1))) this.fillPrevWord(w, a, p1);
          const d1 = dense!.p2Off + (p2 * NPREV + p1) * NC;
          const dh = hist >= 0 ? dense!.histOff + (hist * 8 + w.caseClass) * NC : -1;
          const D = dense!.table;
          for (let k = 0; k < NC; k++) scores[k] = a[k] + b2[NC + k] + b1[2 * NC + k] + c1[3 * NC + k] + c2[4 * NC + k] + a[pw + k] + D[d1 + k];
          if (dh >= 0) for (let k = 0; k < NC; k++) scores[k] += D[dh + k];
          if (shared?.read) {
            const P = shared.sums;
            for (let k = 0; k < NC; k++) scores[k] += P[i * NC + k];
          } else if (shared) {
            this.addBoth(scores, 0, shared.other.W, shared.sums, i * NC, feats, off[i], off[i + 1]);
          } else {
            this.add(scores, feats, off[i], off[i + 1]);
          }
          if (extra) this.add(scores, extra.feats, extra.off[i], extra.off[i + 1]);
        }
        let best = 0;
        let bestScore = -Infinity;
        const allowRow = p1 * NC;
        for (let k = 0; k < NC; k++) {
          if (ALLOWED[allowRow + k] && scores[k] > bestScore) { bestScore = scores[k]; best = k; }
        }
        if (training) {
          const g = gold![i];
          if (g !== best) this.update(all, g, best);
          this.clock++;
        }
        out[i] = best;
        if (hist >= 0) history[wid[i]] = typeOfClass(best);
        p2 = p1;
        p1 = best;
      }
    }
    return out;
  }


  private vBase = new Float32Array(0);
  private vTrans = new Float32Array(0);
  private vDelta = new Float32Array(0);
  private vBack = new Int8Array(0);
  private vFeats: number[][] = [];

  /**
   * Viterbi for a frozen model: emissions in `vBase`, transitions read from each word's score
   * cache (`rows[t]`, previous-tag slots, forbidden moves already at -1e30).
   */
  private viterbiFrozen(len: number, A: Float32Array, at: Int32Array, s: number, out: Int8Array): void {
    const base = this.vBase; const delta = this.vDelta; const back = this.vBack;
    const st = at[0] + TR + START * NC;
    for (let k = 0; k < NC; k++) { delta[k] = base[k] + A[st + k]; back[k] = START; }
    const nOut = OUTSIDE.length; const nOpen = OPENING.length; const nIn = INSIDE.length;
    for (let t = 1; t < len; t++) {
      if (IOB2_FAST) { this.stepIob2(A, at[t] + TR, t * NC, delta, back, base); continue; }
      const tr = at[t] + TR;
      const cur = t * NC;
      const prev = cur - NC;
      // O and B-X (and U-X) follow any tag in IOB2, only O, L-X and U-X in BILOU
      for (let j = 0; j < nOpen; j++) {
        const k = OPENING[j];
        let best = -Infinity; let bp = 0;
        for (let q = 0; q < nOut; q++) {
          const p = OUTSIDE[q];
          const v = delta[prev + p] + A[tr + p * NC + k];
          if (v > best) { best = v; bp = p; }
        }
        delta[cur + k] = best + base[cur + k];
        back[cur + k] = bp;
      }
      // I-X (and L-X) only after B-X or I-X of its type
      for (let j = 0; j < nIn; j++) {
        const k = INSIDE[j]; const b = INSIDE_B[j];
        const vB = delta[prev + b] + A[tr + b * NC + k];
        const vI = delta[prev + b + 1] + A[tr + (b + 1) * NC + k];
        if (vI > vB) { delta[cur + k] = vI + base[cur + k]; back[cur + k] = b + 1; } else { delta[cur + k] = vB + base[cur + k]; back[cur + k] = b; }
      }
    }
    let k = 0; let best = -Infinity;
    const last = (len - 1) * NC;
    for (let c = 0; c < NC; c++) if (END_OK[c] && delta[last + c] > best) { best = delta[last + c]; k = c; }
    for (let t = len - 1; t >= 0; t--) { out[s + t] = k; k = back[t * NC + k]; }
  }

  /**
   * One Viterbi step of `viterbiFrozen` for IOB2 (classes O, B-PER, I-PER, B-ORG, …): the
   * same sums and comparisons in the same order (previous tags ascending, a later one kept
   * only when strictly better), with the previous tag as the outer loop so that the word's
   * transition rows are read in order and the five running maxima stay in registers.
   */
  private stepIob2(A: Float32Array, tr: number, cur: number, delta: Float32Array, back: Int8Array, base: Float32Array): void {
    const prev = cur - 9;
    let m0 = -Infinity, m1 = -Infinity, m3 = -Infinity, m5 = -Infinity, m7 = -Infinity;
    let p0 = 0, p1 = 0, p3 = 0, p5 = 0, p7 = 0;
    for (let p = 0; p < 9; p++) {
      const d = delta[prev + p];
      const r = tr + p * 9;
      let v = d + A[r];
      if (v > m0) { m0 = v; p0 = p; }
      v = d + A[r + 1];
      if (v > m1) { m1 = v; p1 = p; }
      v = d + A[r + 3];
      if (v > m3) { m3 = v; p3 = p; }
      v = d + A[r + 5];
      if (v > m5) { m5 = v; p5 = p; }
      v = d + A[r + 7];
      if (v > m7) { m7 = v; p7 = p; }
    }
    delta[cur] = m0 + base[cur]; back[cur] = p0;
    delta[cur + 1] = m1 + base[cur + 1]; back[cur + 1] = p1;
    delta[cur + 3] = m3 + base[cur + 3]; back[cur + 3] = p3;
    delta[cur + 5] = m5 + base[cur + 5]; back[cur + 5] = p5;
    delta[cur + 7] = m7 + base[cur + 7]; back[cur + 7] = p7;
    // I-X only after B-X (class k - 1) or I-X (k)
    for (let k = 2; k < 9; k += 2) {
      const vB = delta[prev + k - 1] + A[tr + (k - 1) * 9 + k];
      const vI = delta[prev + k] + A[tr + k * 9 + k];
      if (vI > vB) { delta[cur + k] = vI + base[cur + k]; back[cur + k] = k; } else { delta[cur + k] = vB + base[cur + k]; back[cur + k] = k - 1; }
    }
  }

  /**
   * Frozen Viterbi models keep each word's cached sums (`wordScores`' layout: 9 for the word,
   * 9 per neighbour offset, then the previous-tag rows) in one arena, at `arenaAt[entry id]`,
   * with the previous-tag rows filled so far in `arenaPw[entry id]`: the decoder reads the
   * sums by offset from one typed array instead of through each word's entry object.
   */
  private arena = new Float32Array(0);
  private arenaN = 0;
  private arenaAt = new Int32Array(0);
  private arenaPw = new Uint16Array(0);
  private arenaGen = -1;
  private vAt = new Int32Array(0);
  private readonly scratch3 = new Float32Array(NC);

  /** The arena offset of entry `id`'s cached sums, computed on first use. */
  private cacheAt(id: number): number {
    if (id >= this.arenaAt.length) {
      const at = new Int32Array(Math.max(1024, (id + 1) * 2)).fill(-1); at.set(this.arenaAt); this.arenaAt = at;
      const pw = new Uint16Array(at.length); pw.set(this.arenaPw); this.arenaPw = pw;
    }
    let o = this.arenaAt[id];
    if (o >= 0) return o;
    const size = NC * (5 + NPREV);
    if (this.arenaN + size > this.arena.length) {
      const a = new Float32Array(Math.max(size * 1024, this.arena.length * 2)); a.set(this.arena.subarray(0, this.arenaN)); this.arena = a;
    }
    o = this.arenaN;
    this.arenaN += size;
    const e = this.fx.byId[id];
    const A = this.arena;
    const tmp = this.scratch3;
    // (`addAt` reads the merged rows by slot when there are any: the same weights)
    tmp.fill(0);
    this.addAt(tmp, 0, e.intr, 0, e.intr.length);
    A.set(tmp, o);
    for (let j = 0; j < 4; j++) { tmp.fill(0); this.addAt(tmp, 0, e.ctx[j], 0, e.ctx[j].length); A.set(tmp, o + NC * (j + 1)); }
    this.arenaAt[id] = o;
    this.arenaPw[id] = 0;
    return o;
  }

  /** `fillPrevWord` into the arena. */
  private fillPrevAt(id: number, o: number, p1: number): void {
    const e = this.fx.byId[id];
    const tmp = this.scratch2;
    const dense = (this.dense ??= this.buildDense());
    for (let k = 0; k < NC; k++) tmp[k] = dense.table[p1 * NC + k];
    this.addOne(tmp, mix(P1W_SEED[p1], e.key));
    this.addOne(tmp, mix(P1SH_SEED[p1], e.shape));
    for (let k = 0; k < NC; k++) if (!ALLOWED[p1 * NC + k]) tmp[k] = -1e30;
    this.arena.set(tmp, o + TR + p1 * NC);
    this.arenaPw[id] |= 1 << p1;
  }

  /** One sentence [s, e) of a frozen Viterbi model: emissions from the arena, then Viterbi. */
  private tagSentenceFrozen(doc: PreparedDoc, s: number, e: number, history: Int8Array, out: Int8Array, extra?: ExtraFeats, shared?: SharedPos): void {
    const { feats, off, wid, hc } = doc;
    let eid = doc.eid;
    if (doc.gen !== this.fx.generation) {
      // prepared before the extractor's cache was cleared: look the words up again
      eid = Int32Array.from(doc.entries, (w) => this.fx.entry(w.word).id);
      doc.eid = eid; doc.gen = this.fx.generation;
    }
    if (this.arenaGen !== this.fx.generation) {
      // the extractor dropped its words: so do the tables (released when they grew large)
      this.arenaAt = new Int32Array(0); this.arenaPw = new Uint16Array(0);
      if (this.arena.length > (1 << 22)) this.arena = new Float32Array(0);
      this.arenaN = 0; this.arenaGen = this.fx.generation;
    }
    const len = e - s;
    if (this.vAt.length < len) this.vAt = new Int32Array(len * 2);
    const at = this.vAt;
    // each word's cached sums looked up once per sentence (not once per window it is in)
    for (let i = s; i < e; i++) at[i - s] = this.cacheAt(eid[i]);
    const bosAt = this.cacheAt(this.fx.entry(BOS).id);
    const eosAt = this.cacheAt(this.fx.entry(EOS).id);
    const pw = this.arenaPw;
    // transition scores stay in the word's cache (previous-tag slots), read in place
    for (let i = s; i < e; i++) {
      const t = i - s;
      const id = eid[i];
      const need = t === 0 ? 1 << START : (1 << NC) - 1;
      if ((pw[id] & need) !== need) {
        for (let p = t === 0 ? START : 0; p < (t === 0 ? NPREV : NC); p++) if (!(pw[id] & (1 << p))) this.fillPrevAt(id, at[t], p);
      }
    }
    const A = this.arena; // no more growth below
    const base = this.vBase;
    const dense = (this.dense ??= this.buildDense());
    const D = dense.table;
    const histOff = dense.histOff;
    const SC = extra?.codes ? (this.stackTable ??= this.buildStackTable()) : null;
    const fast2 = IOB2_FAST && !!SC && !!shared?.read;
    const S2 = SC ?? D;
    const tb = this.table;
    const fast1 = IOB2_FAST && !extra && !!shared && !shared.read && !!tb && tb.off === 0 && this.bothOther === shared.other.W;
    const keys = tb ? tb.keys : new Int32Array(1); const mask = tb ? tb.mask : 0; const BB = tb ? tb.both : D;
    const P1 = shared ? shared.sums : D;
    const f = Math.fround;
    for (let i = s; i < e; i++) {
      const t = i - s;
      const c = hc[i];
      const hist = c >= 0 ? history[wid[i]] : -1;
      const a = at[t];
      const b2 = (t >= 2 ? at[t - 2] : bosAt) + NC, b1 = (t >= 1 ? at[t - 1] : bosAt) + 2 * NC;
      const c1 = (i + 1 < e ? at[t + 1] : eosAt) + 3 * NC, c2 = (i + 2 < e ? at[t + 2] : eosAt) + 4 * NC;
      const dh = hist >= 0 ? histOff + (hist * 8 + c) * NC : -1;
      // the emission sums go straight into `base` (a Float32Array like the scratch row
      // they went through before, so every partial sum is rounded the same way)
      const bt = t * NC;
      if (fast1) {
        // pass 1, nine classes, `addBoth` inlined: this pass's sums and the next pass's
        // position sums in locals, rounded step by step as above
        let s0 = f(A[a] + A[b2] + A[b1] + A[c1] + A[c2]);
        let s1 = f(A[a + 1] + A[b2 + 1] + A[b1 + 1] + A[c1 + 1] + A[c2 + 1]);
        let s2 = f(A[a + 2] + A[b2 + 2] + A[b1 + 2] + A[c1 + 2] + A[c2 + 2]);
        let s3 = f(A[a + 3] + A[b2 + 3] + A[b1 + 3] + A[c1 + 3] + A[c2 + 3]);
        let s4 = f(A[a + 4] + A[b2 + 4] + A[b1 + 4] + A[c1 + 4] + A[c2 + 4]);
        let s5 = f(A[a + 5] + A[b2 + 5] + A[b1 + 5] + A[c1 + 5] + A[c2 + 5]);
        let s6 = f(A[a + 6] + A[b2 + 6] + A[b1 + 6] + A[c1 + 6] + A[c2 + 6]);
        let s7 = f(A[a + 7] + A[b2 + 7] + A[b1 + 7] + A[c1 + 7] + A[c2 + 7]);
        let s8 = f(A[a + 8] + A[b2 + 8] + A[b1 + 8] + A[c1 + 8] + A[c2 + 8]);
        if (dh >= 0) {
          s0 = f(s0 + D[dh]); s1 = f(s1 + D[dh + 1]); s2 = f(s2 + D[dh + 2]); s3 = f(s3 + D[dh + 3]); s4 = f(s4 + D[dh + 4]);
          s5 = f(s5 + D[dh + 5]); s6 = f(s6 + D[dh + 6]); s7 = f(s7 + D[dh + 7]); s8 = f(s8 + D[dh + 8]);
        }
        let t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0;
        for (let j = off[i], j1 = off[i + 1]; j < j1; j++) {
          const h = feats[j] | 0;
          let q = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
          let k = keys[q];
          while (k !== h && k !== 0) { q = (q + 1) & mask; k = keys[q]; }
          if (k === 0) continue;
          const b = q * 18;
          s0 = f(s0 + BB[b]); s1 = f(s1 + BB[b + 1]); s2 = f(s2 + BB[b + 2]); s3 = f(s3 + BB[b + 3]); s4 = f(s4 + BB[b + 4]);
          s5 = f(s5 + BB[b + 5]); s6 = f(s6 + BB[b + 6]); s7 = f(s7 + BB[b + 7]); s8 = f(s8 + BB[b + 8]);
          t0 = f(t0 + BB[b + 9]); t1 = f(t1 + BB[b + 10]); t2 = f(t2 + BB[b + 11]); t3 = f(t3 + BB[b + 12]); t4 = f(t4 + BB[b + 13]);
          t5 = f(t5 + BB[b + 14]); t6 = f(t6 + BB[b + 15]); t7 = f(t7 + BB[b + 16]); t8 = f(t8 + BB[b + 17]);
        }
        base[bt] = s0; base[bt + 1] = s1; base[bt + 2] = s2; base[bt + 3] = s3; base[bt + 4] = s4;
        base[bt + 5] = s5; base[bt + 6] = s6; base[bt + 7] = s7; base[bt + 8] = s8;
        const pi = i * 9;
        P1[pi] = t0; P1[pi + 1] = t1; P1[pi + 2] = t2; P1[pi + 3] = t3; P1[pi + 4] = t4;
        P1[pi + 5] = t5; P1[pi + 6] = t6; P1[pi + 7] = t7; P1[pi + 8] = t8;
        continue;
      }
      if (fast2) {
        // pass 2, nine classes: the same sums in the same order with the running sums in
        // locals, each step rounded to float32 as the stores into `base` below round it
        const P = shared!.sums; const pi = i * 9; const X = extra!.feats;
        let s0 = f(A[a] + A[b2] + A[b1] + A[c1] + A[c2]);
        let s1 = f(A[a + 1] + A[b2 + 1] + A[b1 + 1] + A[c1 + 1] + A[c2 + 1]);
        let s2 = f(A[a + 2] + A[b2 + 2] + A[b1 + 2] + A[c1 + 2] + A[c2 + 2]);
        let s3 = f(A[a + 3] + A[b2 + 3] + A[b1 + 3] + A[c1 + 3] + A[c2 + 3]);
        let s4 = f(A[a + 4] + A[b2 + 4] + A[b1 + 4] + A[c1 + 4] + A[c2 + 4]);
        let s5 = f(A[a + 5] + A[b2 + 5] + A[b1 + 5] + A[c1 + 5] + A[c2 + 5]);
        let s6 = f(A[a + 6] + A[b2 + 6] + A[b1 + 6] + A[c1 + 6] + A[c2 + 6]);
        let s7 = f(A[a + 7] + A[b2 + 7] + A[b1 + 7] + A[c1 + 7] + A[c2 + 7]);
        let s8 = f(A[a + 8] + A[b2 + 8] + A[b1 + 8] + A[c1 + 8] + A[c2 + 8]);
        if (dh >= 0) {
          s0 = f(s0 + D[dh]); s1 = f(s1 + D[dh + 1]); s2 = f(s2 + D[dh + 2]); s3 = f(s3 + D[dh + 3]); s4 = f(s4 + D[dh + 4]);
          s5 = f(s5 + D[dh + 5]); s6 = f(s6 + D[dh + 6]); s7 = f(s7 + D[dh + 7]); s8 = f(s8 + D[dh + 8]);
        }
        s0 = f(s0 + P[pi]); s1 = f(s1 + P[pi + 1]); s2 = f(s2 + P[pi + 2]); s3 = f(s3 + P[pi + 3]); s4 = f(s4 + P[pi + 4]);
        s5 = f(s5 + P[pi + 5]); s6 = f(s6 + P[pi + 6]); s7 = f(s7 + P[pi + 7]); s8 = f(s8 + P[pi + 8]);
        for (let j = extra!.off[i], j1 = extra!.off[i + 1]; j < j1; j++) {
          const r = X[j] * 9;
          s0 = f(s0 + S2[r]); s1 = f(s1 + S2[r + 1]); s2 = f(s2 + S2[r + 2]); s3 = f(s3 + S2[r + 3]); s4 = f(s4 + S2[r + 4]);
          s5 = f(s5 + S2[r + 5]); s6 = f(s6 + S2[r + 6]); s7 = f(s7 + S2[r + 7]); s8 = f(s8 + S2[r + 8]);
        }
        base[bt] = s0; base[bt + 1] = s1; base[bt + 2] = s2; base[bt + 3] = s3; base[bt + 4] = s4;
        base[bt + 5] = s5; base[bt + 6] = s6; base[bt + 7] = s7; base[bt + 8] = s8;
        continue;
      }
      for (let k = 0; k < NC; k++) base[bt + k] = A[a + k] + A[b2 + k] + A[b1 + k] + A[c1 + k] + A[c2 + k];
      if (dh >= 0) for (let k = 0; k < NC; k++) base[bt + k] += D[dh + k];
      if (shared?.read) {
        const P = shared.sums;
        for (let k = 0; k < NC; k++) base[bt + k] += P[i * NC + k];
      } else if (shared) {
        this.addBoth(base, bt, shared.other.W, shared.sums, i * NC, feats, off[i], off[i + 1]);
      } else {
        this.addAt(base, bt, feats, off[i], off[i + 1]);
      }
      if (extra) {
        if (SC) {
          // the stacked features by code: rows in feature order, as `addAt` adds them (a
          // feature the model lacks adds a zero row)
          const X = extra.feats;
          for (let j = extra.off[i], j1 = extra.off[i + 1]; j < j1; j++) {
            const r = X[j] * NC;
            for (let k = 0; k < NC; k++) base[bt + k] += SC[r + k];
          }
        } else this.addAt(base, bt, extra.feats, extra.off[i], extra.off[i + 1]);
      }
    }
    this.viterbiFrozen(len, A, at, s, out);
    for (let i = s; i < e; i++) if (hc[i] >= 0) history[wid[i]] = typeOfClass(out[i]);
  }

  /** Viterbi decoding per sentence (see `viterbi`); with `gold`, one structured-perceptron pass. */
  private tagViterbi(doc: PreparedDoc, gold?: Int8Array, extra?: ExtraFeats, shared?: SharedPos): Int8Array {
    const { entries, sentences, feats, off, wid } = doc;
    const out = new Int8Array(entries.length);
    const history = new Int8Array(doc.nWords).fill(5);
    const training = !!gold && !this.frozen;
    const frozen = this.frozen;
    const dense = frozen ? (this.dense ??= this.buildDense()) : null;
    const bos = this.fx.entry(BOS);
    const eos = this.fx.entry(EOS);
    const scores = this.scratch;
    const tmp = this.scratch2;
    for (let si = 0; si < sentences.length; si += 2) {
      const s = sentences[si];
      const e = sentences[si + 1];
      const len = e - s;
      if (len === 0) continue;
      if (this.vBase.length < len * NC) {
        this.vBase = new Float32Array(len * NC * 2);
        this.vTrans = new Float32Array(len * NPREV * NC * 2);
        this.vDelta = new Float32Array(len * NC * 2);
        this.vBack = new Int8Array(len * NC * 2);
      }
      const base = this.vBase; const trans = this.vTrans; const delta = this.vDelta; const back = this.vBack;
      if (frozen) { this.tagSentenceFrozen(doc, s, e, history, out, extra, shared); continue; }
      for (let i = s; i < e; i++) {
        const t = i - s;
        const w = entries[i];
        const l2 = i - 2 >= s ? entries[i - 2] : bos;
        const l1 = i - 1 >= s ? entries[i - 1] : bos;
        const r1 = i + 1 < e ? entries[i + 1] : eos;
        const r2 = i + 2 < e ? entries[i + 2] : eos;
        const hist = w.caseClass >= 2 && w.hasLetter ? history[wid[i]] : -1;
        if (!frozen) {
          const all = (this.vFeats[t] ??= []);
          collectFeatures(all, w, l2, l1, r1, r2, feats, off, i, extra);
          if (hist >= 0) all.push(mix(T_HIST, hist * 8 + w.caseClass));
          scores.fill(0);
          this.add(scores, all);
          base.set(scores, t * NC);
          for (let p = 0; p < NPREV; p++) {
            tmp.fill(0);
            this.addOne(tmp, mix(T_P1, p)); this.addOne(tmp, mix(mix(T_P1W, p), w.key)); this.addOne(tmp, mix(mix(T_P1SH, p), w.shape));
            trans.set(tmp, (t * NPREV + p) * NC);
          }
        }
      }
      {
        // Viterbi over the sentence
        for (let k = 0; k < NC; k++) {
          delta[k] = ALLOWED[START * NC + k] ? base[k] + trans[START * NC + k] : -Infinity;
          back[k] = START;
        }
        for (let t = 1; t < len; t++) {
          for (let k = 0; k < NC; k++) {
            let best = -Infinity; let bp = 0;
            for (let p = 0; p < NC; p++) {
              if (!ALLOWED[p * NC + k]) continue;
              const v = delta[(t - 1) * NC + p] + trans[(t * NPREV + p) * NC + k];
              if (v > best) { best = v; bp = p; }
            }
            delta[t * NC + k] = best + base[t * NC + k];
            back[t * NC + k] = bp;
          }
        }
        let k = 0; let bestScore = -Infinity;
        for (let c = 0; c < NC; c++) if (END_OK[c] && delta[(len - 1) * NC + c] > bestScore) { bestScore = delta[(len - 1) * NC + c]; k = c; }
        for (let t = len - 1; t >= 0; t--) { out[s + t] = k; k = back[t * NC + k]; }
      }
      if (training) {
        let differs = false;
        for (let i = s; i < e; i++) if (out[i] !== gold![i]) { differs = true; break; }
        if (differs) {
          for (let i = s; i < e; i++) {
            const t = i - s;
            const g = gold![i]; const pr = out[i];
            const gp = t === 0 ? START : gold![i - 1]; const pp = t === 0 ? START : out[i - 1];
            if (g === pr && gp === pp) continue;
            const w = entries[i];
            if (g !== pr) { this.updateOne(this.vFeats[t], g, 1); this.updateOne(this.vFeats[t], pr, -1); }
            this.updateOne([mix(T_P1, gp), mix(mix(T_P1W, gp), w.key), mix(mix(T_P1SH, gp), w.shape)], g, 1);
            this.updateOne([mix(T_P1, pp), mix(mix(T_P1W, pp), w.key), mix(mix(T_P1SH, pp), w.shape)], pr, -1);
          }
        }
        this.clock += len;
      }
      for (let i = s; i < e; i++) {
        const w = entries[i];
        if (w.caseClass >= 2 && w.hasLetter) history[wid[i]] = typeOfClass(out[i]);
      }
    }
    return out;
  }

  private updateOne(feats: number[], cls: number, d: number): void {
    const c = this.clock * d;
    for (const h of feats) {
      const b = this.row(h) * NC; // may grow W and U
      this.W[b + cls] += d;
      this.U![b + cls] += c;
    }
  }

  /**
   * Adds the rows of `feats` to `scores` from this model and to `sums[at…]` from the
   * other model's weights `W2` (same row numbers): one index lookup serves both passes.
   */
  private addBoth(scores: Float32Array, so: number, W2: Float32Array, sums: Float32Array, at: number, feats: Uint32Array, from: number, to: number): void {
    const index = this.index;
    for (let k = 0; k < NC; k++) sums[at + k] = 0;
    const tb = this.table;
    if (tb && tb.off === 0 && this.bothOther === W2) {
      // both rows side by side (see `shareRows`), at the key's slot: one cache miss for the
      // key array (small) and one for the two rows, whose address needs no second load
      const keys = tb.keys; const mask = tb.mask; const B = tb.both;
      if (IOB2_FAST) {
        // nine classes: the running sums in locals, each step rounded to float32 as a store
        // into the Float32Array would round it (`Math.fround`), so the sums are bit for bit
        // those of the loop below
        let s0 = scores[so], s1 = scores[so + 1], s2 = scores[so + 2], s3 = scores[so + 3], s4 = scores[so + 4];
        let s5 = scores[so + 5], s6 = scores[so + 6], s7 = scores[so + 7], s8 = scores[so + 8];
        let t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0;
        const f = Math.fround;
        for (let j = from; j < to; j++) {
          const h = feats[j] | 0;
          let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
          let k = keys[i];
          while (k !== h && k !== 0) { i = (i + 1) & mask; k = keys[i]; }
          if (k === 0) continue;
          const b = i * 18;
          s0 = f(s0 + B[b]); s1 = f(s1 + B[b + 1]); s2 = f(s2 + B[b + 2]); s3 = f(s3 + B[b + 3]); s4 = f(s4 + B[b + 4]);
          s5 = f(s5 + B[b + 5]); s6 = f(s6 + B[b + 6]); s7 = f(s7 + B[b + 7]); s8 = f(s8 + B[b + 8]);
          t0 = f(t0 + B[b + 9]); t1 = f(t1 + B[b + 10]); t2 = f(t2 + B[b + 11]); t3 = f(t3 + B[b + 12]); t4 = f(t4 + B[b + 13]);
          t5 = f(t5 + B[b + 14]); t6 = f(t6 + B[b + 15]); t7 = f(t7 + B[b + 16]); t8 = f(t8 + B[b + 17]);
        }
        scores[so] = s0; scores[so + 1] = s1; scores[so + 2] = s2; scores[so + 3] = s3; scores[so + 4] = s4;
        scores[so + 5] = s5; scores[so + 6] = s6; scores[so + 7] = s7; scores[so + 8] = s8;
        sums[at] = t0; sums[at + 1] = t1; sums[at + 2] = t2; sums[at + 3] = t3; sums[at + 4] = t4;
        sums[at + 5] = t5; sums[at + 6] = t6; sums[at + 7] = t7; sums[at + 8] = t8;
        return;
      }
      for (let j = from; j < to; j++) {
        const h = feats[j] | 0;
        let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
        let k = keys[i];
        while (k !== h && k !== 0) { i = (i + 1) & mask; k = keys[i]; }
        if (k === 0) continue;
        const b = i * 2 * NC;
        for (let c = 0; c < NC; c++) { scores[so + c] += B[b + c]; sums[at + c] += B[b + NC + c]; }
      }
      return;
    }
    const W = this.W;
    for (let j = from; j < to; j++) {
      const r = index.get(feats[j]);
      if (r < 0) continue;
      const b = r * NC;
      for (let k = 0; k < NC; k++) { scores[so + k] += W[b + k]; sums[at + k] += W2[b + k]; }
    }
  }

  /**
   * Set by `shareRows`: the shared slot table's keys, both models' rows interleaved slot by
   * slot (first pass, then second), and where this model's half of a row starts (0 or NC).
   */
  private table: { keys: Int32Array; mask: number; both: Float32Array; off: number } | null = null;
  /** the other model's weights, when `table` holds them beside this model's */
  private bothOther: Float32Array | null = null;

  /**
   * Gives two frozen models one row index (the union of their features, zero rows where a
   * model lacks one), so that the second pass can reuse the first pass's lookups.
   */
  static shareRows(a: PerceptronModel, b: PerceptronModel): void {
    // (typed arrays and plain loops throughout: a uint32 key above 2^31 in a JS array, or a
    // subarray per row, would each be a heap object, hundreds of thousands at load)
    const all = new Uint32Array(a.index.keys.length + b.index.keys.length);
    let na = 0;
    for (const m of [a, b]) for (const k of m.index.keys) if (k) all[na++] = k;
    const index = new SlotTable(all.subarray(0, na));
    const n = index.capacity; // rows are slots (empty slots: zero rows nothing reads)
    for (const m of [a, b]) {
      const W = new Float32Array(n * NC);
      const keys = m.index.keys;
      const rows = m.index.rows;
      const W0 = m.W;
      for (let i = 0; i < keys.length; i++) {
        if (!keys[i]) continue;
        const from = rows[i] * NC; const to = index.get(keys[i]) * NC;
        for (let k = 0; k < NC; k++) W[to + k] = W0[from + k];
      }
      m.index = index;
      m.W = W;
      m.nRows = n;
      m.dense = null;
      m.stackTable = null;
    }
    const both = new Float32Array(n * 2 * NC);
    const Wa = a.W; const Wb = b.W;
    for (let r = 0; r < n; r++) {
      if (index.rows[r] < 0) continue;
      for (let k = 0; k < NC; k++) { both[r * 2 * NC + k] = Wa[r * NC + k]; both[r * 2 * NC + NC + k] = Wb[r * NC + k]; }
    }
    a.table = { keys: index.keys32, mask: index.mask, both, off: 0 };
    a.bothOther = b.W;
    b.table = { keys: index.keys32, mask: index.mask, both, off: NC };
  }

  private readonly scratch = new Float32Array(NC);
  private readonly featList: number[] = [];
  /** this model's row of every stacked-feature code (zeros where it has none), frozen models */
  private stackTable: Float32Array | null = null;

  /** The stacked features' rows by code (`STACK_CODE_HASH`), looked up once. */
  private buildStackTable(): Float32Array {
    const T = new Float32Array(STACK_CODES * NC);
    const index = this.index; const W = this.W;
    for (let c = 0; c < STACK_CODES; c++) {
      const r = index.get(STACK_CODE_HASH[c]);
      if (r >= 0) for (let k = 0; k < NC; k++) T[c * NC + k] = W[r * NC + k];
    }
    return T;
  }
  private dense: { table: Float32Array; p2Off: number; histOff: number } | null = null;

  /** Dense score tables for the features made of tags alone (frozen models). */
  private buildDense(): { table: Float32Array; p2Off: number; histOff: number } {
    const p2Off = NPREV * NC;
    const histOff = p2Off + NPREV * NPREV * NC;
    const table = new Float32Array(histOff + 48 * NC);
    const tmp = new Float32Array(NC);
    const put = (at: number, h: number) => { tmp.fill(0); this.addOne(tmp, h); table.set(tmp, at); };
    for (let p = 0; p < NPREV; p++) put(p * NC, mix(T_P1, p));
    for (let p = 0; p < NPREV * NPREV; p++) put(p2Off + p * NC, mix(T_P2, p));
    for (let h = 0; h < 48; h++) put(histOff + h * NC, mix(T_HIST, h));
    return { table, p2Off, histOff };
  }

  /** Adds to a word's score cache the previous-tag, (previous tag, word) and (previous tag, shape) sums. */
  private fillPrevWord(e: WordEntry, s: Float32Array, p1: number): void {
    const at = TR + p1 * NC;
    for (let k = 0; k < NC; k++) s[at + k] = 0;
    const tmp = this.scratch2;
    // the previous-tag row is the same for every word: copied from the dense table, which
    // holds exactly 0 + that row (so the sums below come out bit for bit as from the index)
    const dense = (this.dense ??= this.buildDense());
    tmp.set(dense.table.subarray(p1 * NC, p1 * NC + NC));
    this.addOne(tmp, mix(P1W_SEED[p1], e.key));
    this.addOne(tmp, mix(P1SH_SEED[p1], e.shape));
    // transitions BILOU forbids score -1e30, so decoders need no separate check
    for (let k = 0; k < NC; k++) if (!ALLOWED[p1 * NC + k]) tmp[k] = -1e30;
    s.set(tmp, at);
    e.pwDone[this.slot] |= 1 << p1;
  }
  private readonly scratch2 = new Float32Array(NC);

  /**
   * Replaces the weights by their averages and stops learning (training only: to tag
   * held-out documents with a fold model).
   */
  freeze(): void {
    if (this.frozen) return;
    const U = this.U!;
    const c = this.clock;
    const W = this.W;
    for (let i = 0; i < this.nRows * NC; i++) W[i] -= U[i] / c;
    this.U = null;
    this.frozen = true;
    this.dense = null;
    this.stackTable = null;
  }

  /**
   * One model whose weights are the mean of `models`' (each frozen first): perceptrons trained
   * on the same data in different orders, mixed as in McDonald, Hall & Mann (2010)'s parameter
   * mixing. For linear scores the mean of the weights is the mean of the models' scores, so
   * this is an ensemble that tags at the cost of one model (rows: the union of theirs).
   */
  static average(models: PerceptronModel[]): PerceptronModel {
    const index = new HashIndex(models.reduce((n, m) => n + m.nRows, 0));
    let n = 0;
    for (const m of models) {
      m.freeze();
      const keys = m.index.keys;
      for (let i = 0; i < keys.length; i++) if (keys[i] && index.get(keys[i]) < 0) index.set(keys[i], n++);
    }
    const W = new Float32Array(n * NC);
    for (const m of models) {
      const keys = m.index.keys;
      for (let i = 0; i < keys.length; i++) {
        if (!keys[i]) continue;
        const from = m.index.rows[i] * NC; const to = index.get(keys[i]) * NC;
        for (let k = 0; k < NC; k++) W[to + k] += m.W[from + k] / models.length;
      }
    }
    const mixed = new PerceptronModel(models[0].fx, index, W);
    mixed.viterbi = models[0].viterbi;
    return mixed;
  }

  /** Averaged weights, rows whose largest weight is below `prune` dropped, as Int16. */
  save(file: string, meta: Record<string, unknown>, prune = 0): { rows: number; bytes: number } {
    this.freeze();
    const keep: number[] = [];
    const keysOf = new Uint32Array(this.nRows);
    for (let i = 0; i < this.index.keys.length; i++) if (this.index.keys[i]) keysOf[this.index.rows[i]] = this.index.keys[i];
    const avg = new Float32Array(this.nRows * NC);
    let maxAbs = 0;
    for (let r = 0; r < this.nRows; r++) {
      let m = 0;
      for (let k = 0; k < NC; k++) {
        const v = this.W[r * NC + k];
        avg[r * NC + k] = v;
        m = Math.max(m, Math.abs(v));
      }
      if (m > prune) { keep.push(r); maxAbs = Math.max(maxAbs, m); }
    }
    const scale = maxAbs / 32767;
    const keys = new Uint32Array(keep.length);
    const q = new Int16Array(keep.length * NC);
    keep.forEach((r, i) => {
      keys[i] = keysOf[r];
      for (let k = 0; k < NC; k++) q[i * NC + k] = Math.round(avg[r * NC + k] / scale);
    });
    writeBin(file, { ...meta, scale, tags: SCHEME, classes: CLASSES }, { keys, weights: q });
    return { rows: keep.length, bytes: keys.byteLength + q.byteLength };
  }

  /** Loads a model written by `save` (weights dequantised to Float32 for speed). */
  static load(file: string, fx: FeatureExtractor): { model: PerceptronModel; meta: Record<string, unknown> } {
    const { meta, arrays } = readBin(file);
    const keys = arrays.keys as Uint32Array;
    const q = arrays.weights as Int16Array;
    const scale = Number(meta.scale);
    if ((meta.tags ?? 'IOB2') !== SCHEME || (meta.classes as unknown[]).length !== NC) throw new Error(`${file}: made for another tag set (retrain with npm run train:ner)`);
    const index = new HashIndex(keys.length);
    for (let i = 0; i < keys.length; i++) index.set(keys[i], i);
    const W = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) W[i] = q[i] * scale;
    const model = new PerceptronModel(fx, index, W);
    model.viterbi = meta.decode === 'viterbi';
    return { model, meta };
  }
}
