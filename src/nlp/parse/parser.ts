/**
 * @module nlp/parse/parser
 * A greedy arc-eager transition parser (Nivre 2003) with an averaged perceptron, trained
 * with the dynamic oracle and error exploration of Goldberg & Nivre (2012), and a
 * separate arc labeller that labels each arc once the whole tree is known.
 *
 * Why two models: the transition system needs only four actions (shift, reduce, left,
 * right), which keeps the parser fast; the labeller then sees the finished tree — the
 * dependent's own children ("by" → obl:agent, "that" → ccomp) and its siblings
 * ("was" + VBN → nsubj:pass) — which an arc-time labeller cannot.
 *
 * Indexes: inside this module word i of a sentence is position i+1 and position 0 is the
 * artificial root; the public functions take and return 0-based heads with -1 for root.
 */
import { CompactModel, FeatureIndex, TrainableModel, argmax, feat1, feat2, feat3, feat4, hashString, rng, shuffle, type ScoringModel } from '../pos/perceptron.js';
import { clusterPrefix, wordHashes, type WordHashes } from '../pos/words.js';

const SHIFT = 0;
const REDUCE = 1;
const LEFT = 2;
const RIGHT = 3;
const N_ACTIONS = 4;

const NONE = 0x2f1b; // feature value for "no such position"
const ROOT_W = 0x7a11; // word/tag value of the artificial root
const MAX_FEATS = 112;

/**
 * Feature groups beyond the base templates, as bits. A model says which groups its weights
 * use (`ParserModel.groups`; `model/parser-arceager@3` uses none), and only those are computed.
 * Each group alone was a wash on the dev sets; a mixture of perceptrons trained with
 * different groups (see {@link mixModels}) parses better than any one of them, and then every
 * group is computed ({@link ALL_GROUPS}): a member trained without a group simply has no
 * weights for its features.
 */
export const FeatureGroup = {
  /** which coarse kinds of dependents s0 and b0 have (a stand-in for Zhang & Nivre's label sets) */
  childKinds: 1,
  /** words of s0's and b0's second-outermost children and of s0's grand-head */
  childWords: 2,
  /** the tagger's runner-up tags of s1 and b2 */
  moreAlts: 4,
  /** the runner-up tags of dependent and head in the labeller */
  labellerAlts: 8,
  /** quotation parity of s0 and b0, the word before b0's subtree, what is left after b0 */
  quotes: 16,
  /** tag and runner-up tag with the dependents already attached (VBN/VBD with a subject) */
  tagsWithKids: 32,
} as const;
export const ALL_GROUPS = 63;

/** Coarse classes of the XPOS tags, for the children-class sets (a stand-in for ZN's label sets). */
function tagClass(tag: string): number {
  switch (tag) {
    case 'NN': case 'NNS': return 0;
    case 'NNP': case 'NNPS': return 1;
    case 'PRP': case 'WP': case 'EX': return 2;
    case 'MD': return 4;
    case 'IN': return 7;
    case 'TO': return 8;
    case 'DT': case 'PDT': case 'WDT': case 'PRP$': case 'WP$': return 9;
    case 'POS': return 10;
    case 'CC': return 11;
    case 'CD': return 12;
    case 'RP': return 14;
    case ',': case '.': case ':': case '``': case "''": case '-LRB-': case '-RRB-': case 'HYPH': case 'NFP': return 13;
  }
  if (tag.startsWith('VB')) return 3;
  if (tag.startsWith('JJ')) return 5;
  if (tag.startsWith('RB') || tag === 'WRB') return 6;
  return 15;
}

/** What parsing needs: the transition weights, the labeller's weights and label set. */
export interface ParserModel {
  transitions: ScoringModel;
  labels: string[];
  labeller: ScoringModel;
  /** the feature groups its weights use (bits of {@link FeatureGroup}); none when absent */
  groups?: number;
}

/** A parse: 0-based heads (-1 = root) and UD relations. */
export interface Parse {
  heads: Int32Array;
  rels: string[];
}

/**
 * Parser state over positions 0..n. Position 0 is the artificial root, placed at the END
 * of the buffer (after word n), as Ballesteros & Nivre (2013) propose for arc-eager:
 * the root then takes its dependent last, when the whole sentence has been seen, instead
 * of committing to a main predicate early. `b` runs over 1..n, then n+1 (= the root).
 */
class State {
  readonly n: number;
  stack: Int32Array;
  sp = 0;
  b = 1;
  heads: Int32Array;
  lc1: Int32Array;
  lc2: Int32Array;
  rc1: Int32Array;
  rc2: Int32Array;
  nl: Int32Array;
  nr: Int32Array;
  onStack: Uint8Array;
  lset: Int32Array;
  rset: Int32Array;
  readonly cls: Uint8Array;

  constructor(n: number, cls: Uint8Array) {
    this.n = n;
    this.cls = cls;
    this.lset = new Int32Array(n + 1);
    this.rset = new Int32Array(n + 1);
    this.stack = new Int32Array(n + 2);
    this.heads = new Int32Array(n + 1).fill(-1);
    this.lc1 = new Int32Array(n + 1).fill(-1);
    this.lc2 = new Int32Array(n + 1).fill(-1);
    this.rc1 = new Int32Array(n + 1).fill(-1);
    this.rc2 = new Int32Array(n + 1).fill(-1);
    this.nl = new Int32Array(n + 1);
    this.nr = new Int32Array(n + 1);
    this.onStack = new Uint8Array(n + 1);
  }

  get done(): boolean {
    return this.b > this.n && this.sp === 0;
  }
  get s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1] : -1;
  }
  get s1(): number {
    return this.sp > 1 ? this.stack[this.sp - 2] : -1;
  }
  get s2(): number {
    return this.sp > 2 ? this.stack[this.sp - 3] : -1;
  }
  /** The j-th buffer position from `b` as a sentence position (0 = root), or -1. */
  buf(j: number): number {
    const x = this.b + j;
    return x <= this.n ? x : x === this.n + 1 ? 0 : -1;
  }

  push(i: number): void {
    this.stack[this.sp++] = i;
    this.onStack[i] = 1;
  }
  pop(): number {
    const i = this.stack[--this.sp];
    this.onStack[i] = 0;
    return i;
  }

  addArc(h: number, d: number): void {
    this.heads[d] = h;
    if (h === 0 || d < h) {
      this.nl[h]++;
      this.lset[h] |= 1 << this.cls[d];
      if (this.lc1[h] === -1 || d < this.lc1[h]) {
        this.lc2[h] = this.lc1[h];
        this.lc1[h] = d;
      } else if (this.lc2[h] === -1 || d < this.lc2[h]) this.lc2[h] = d;
    } else {
      this.nr[h]++;
      this.rset[h] |= 1 << this.cls[d];
      if (this.rc1[h] === -1 || d > this.rc1[h]) {
        this.rc2[h] = this.rc1[h];
        this.rc1[h] = d;
      } else if (this.rc2[h] === -1 || d > this.rc2[h]) this.rc2[h] = d;
    }
  }

  valid(out: boolean[]): void {
    const s0 = this.s0;
    const word = this.b <= this.n; // b0 is a word (not the root)
    out[SHIFT] = word;
    out[REDUCE] = s0 > 0 && this.heads[s0] !== -1;
    out[LEFT] = s0 > 0 && this.heads[s0] === -1 && this.b <= this.n + 1;
    out[RIGHT] = s0 > 0 && word;
  }

  apply(a: number): void {
    switch (a) {
      case SHIFT:
        this.push(this.b++);
        break;
      case REDUCE:
        this.pop();
        break;
      case LEFT:
        this.addArc(this.buf(0), this.pop());
        break;
      case RIGHT:
        this.addArc(this.s0, this.b);
        this.push(this.b++);
        break;
    }
  }

  /** Whether gold position g (0 = root) is still in the buffer after b0. */
  private inBufferAfter(g: number): boolean {
    return g > this.b || (g === 0 && this.b <= this.n);
  }

  /** Dynamic-oracle cost of each action: gold arcs it makes unreachable (Goldberg & Nivre 2012). */
  costs(gold: Int32Array, valid: boolean[], out: number[]): void {
    const s0 = this.s0;
    const b = this.b;
    const b0 = this.buf(0);
    const n = this.n;
    for (let a = 0; a < N_ACTIONS; a++) out[a] = valid[a] ? 0 : Infinity;
    if (valid[LEFT]) {
      let c = gold[s0] !== b0 && this.inBufferAfter(gold[s0]) ? 1 : 0;
      for (let k = b; k <= n; k++) if (gold[k] === s0) c++;
      out[LEFT] = c;
    }
    if (valid[RIGHT]) {
      let c = 0;
      const g = gold[b];
      if (g !== s0 && (this.inBufferAfter(g) || (g > 0 && this.onStack[g]))) c++;
      for (let i = 0; i < this.sp; i++) {
        const k = this.stack[i];
        if (this.heads[k] === -1 && gold[k] === b) c++;
      }
      out[RIGHT] = c;
    }
    if (valid[REDUCE]) {
      let c = 0;
      for (let k = b; k <= n; k++) if (gold[k] === s0) c++;
      out[REDUCE] = c;
    }
    if (valid[SHIFT]) {
      let c = 0;
      const g = gold[b];
      for (let i = 0; i < this.sp; i++) {
        const k = this.stack[i];
        if ((this.heads[k] === -1 && gold[k] === b) || g === k) c++;
      }
      out[SHIFT] = c;
    }
  }

  /**
   * UD wants one root a sentence: when the root took several dependents, the leftmost
   * stays and the others hang from it (what follows a sentence's main clause is most
   * often a fragment or an afterthought of it).
   */
  finish(): void {
    let root = -1;
    for (let i = 1; i <= this.n; i++) {
      if (this.heads[i] === -1) this.heads[i] = 0;
      if (this.heads[i] !== 0) continue;
      if (root === -1) root = i;
      else this.heads[i] = root;
    }
  }
}

/** Hashed word/tag views of a sentence, with position 0 as the root. */
interface Sent {
  hs: WordHashes;
  tags: Uint32Array; // hashed tags, 1-based (index 0 unused)
  alts: Uint32Array; // hashed runner-up tags of the tagger (= tags when not given)
  cls: Uint8Array; // coarse tag class, 1-based (index 0: the root)
  qpar: Uint8Array; // 1 + parity of the double quotes before the position (0: root/none)
  groups: number; // the feature groups to compute (bits of FeatureGroup)
}

// Tag hashes, memoised: a tag set is small and every token needs one.
const tagHashCache = new Map<string, number>();
function tagHash(tag: string): number {
  let h = tagHashCache.get(tag);
  if (h === undefined) tagHashCache.set(tag, (h = hashString(tag)));
  return h;
}

function prepare(words: readonly string[], tags: readonly string[], alts: readonly string[] | undefined, groups: number): Sent {
  const t = new Uint32Array(words.length + 1);
  const a = new Uint32Array(words.length + 1);
  const cls = new Uint8Array(words.length + 1);
  for (let i = 0; i < tags.length; i++) {
    cls[i + 1] = tagClassOf(tags[i]);
    t[i + 1] = tagHash(tags[i]);
    a[i + 1] = alts && alts[i] !== undefined ? tagHash(alts[i]) : t[i + 1];
  }
  const qpar = new Uint8Array(words.length + 1);
  let q = 0;
  for (let i = 0; i < words.length; i++) {
    qpar[i + 1] = 1 + q;
    const w = words[i];
    if (w === '"' || w === '“' || w === '”' || w === '``' || w === "''" || w === '«' || w === '»') q ^= 1;
  }
  return { hs: wordHashes(words), tags: t, alts: a, cls, qpar, groups };
}

const tagClassCache = new Map<string, number>();
function tagClassOf(tag: string): number {
  let c = tagClassCache.get(tag);
  if (c === undefined) tagClassCache.set(tag, (c = tagClass(tag)));
  return c;
}

/** The runner-up tag of position p, or a marker for none/root. */
function A(s: Sent, p: number): number {
  return p < 0 ? NONE : p === 0 ? ROOT_W : s.alts[p];
}

function W(s: Sent, p: number): number {
  return p < 0 ? NONE : p === 0 ? ROOT_W : s.hs.lower[p - 1];
}
function T(s: Sent, p: number): number {
  return p < 0 ? NONE : p === 0 ? ROOT_W : s.tags[p];
}

/** Word-cluster prefix of position p (8 bits), or a marker for none/root. */
function C(s: Sent, p: number, len = 8): number {
  return p < 0 ? NONE : p === 0 ? ROOT_W : clusterPrefix(s.hs.cluster[p - 1], len) + 0x100000;
}

function distBucket(d: number): number {
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

/** Transition features (after Zhang & Nivre 2011, without label features). */
function transitionFeatures(st: State, s: Sent, out: Uint32Array): number {
  const s0 = st.s0;
  const s1 = st.s1;
  const s2 = st.s2;
  const b0 = st.buf(0);
  const b1 = st.buf(1);
  const b2 = st.buf(2);
  const s0h = s0 > 0 ? st.heads[s0] : -1;
  const s0l = s0 >= 0 ? st.lc1[s0] : -1;
  const s0r = s0 >= 0 ? st.rc1[s0] : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0] : -1;
  const s0r2 = s0 >= 0 ? st.rc2[s0] : -1;
  const b0l = b0 >= 0 ? st.lc1[b0] : -1;
  const b0l2 = b0 >= 0 ? st.lc2[b0] : -1;
  const s0hh = s0h > 0 ? st.heads[s0h] : -1;

  const s0w = W(s, s0), s0t = T(s, s0);
  const s1w = W(s, s1), s1t = T(s, s1);
  const b0w = W(s, b0), b0t = T(s, b0);
  const b1w = W(s, b1), b1t = T(s, b1);
  const b2w = W(s, b2), b2t = T(s, b2);
  const s0ht = T(s, s0h), s0hw = W(s, s0h);
  const s0lt = T(s, s0l), s0lw = W(s, s0l);
  const s0rt = T(s, s0r), s0rw = W(s, s0r);
  const b0lt = T(s, b0l), b0lw = W(s, b0l);
  const dist = s0 >= 0 && b0 >= 0 ? (b0 === 0 ? 8 : distBucket(b0 - s0)) : 0;
  const s0hasHead = s0 > 0 && st.heads[s0] !== -1 ? 1 : 0;
  const s0vl = s0 >= 0 ? st.nl[s0] : 0;
  const s0vr = s0 >= 0 ? st.nr[s0] : 0;
  const b0vl = b0 >= 0 ? st.nl[b0] : 0;

  let k = 0;
  out[k++] = feat1(1, 1);
  // single words
  out[k++] = feat2(2, s0w, s0t);
  out[k++] = feat1(3, s0w);
  out[k++] = feat1(4, s0t);
  out[k++] = feat2(5, b0w, b0t);
  out[k++] = feat1(6, b0w);
  out[k++] = feat1(7, b0t);
  out[k++] = feat2(8, b1w, b1t);
  out[k++] = feat1(9, b1w);
  out[k++] = feat1(10, b1t);
  out[k++] = feat2(11, b2w, b2t);
  out[k++] = feat1(12, b2t);
  out[k++] = feat2(13, s1w, s1t);
  out[k++] = feat1(14, s1t);
  // pairs
  out[k++] = feat4(15, s0w, s0t, b0w, b0t);
  out[k++] = feat3(16, s0w, s0t, b0w);
  out[k++] = feat3(17, s0w, b0w, b0t);
  out[k++] = feat3(18, s0w, s0t, b0t);
  out[k++] = feat3(19, s0t, b0w, b0t);
  out[k++] = feat2(20, s0w, b0w);
  out[k++] = feat2(21, s0t, b0t);
  out[k++] = feat2(22, b0t, b1t);
  // triples of tags
  out[k++] = feat3(23, b0t, b1t, b2t);
  out[k++] = feat3(24, s0t, b0t, b1t);
  out[k++] = feat3(25, s0ht, s0t, b0t);
  out[k++] = feat3(26, s0t, s0lt, b0t);
  out[k++] = feat3(27, s0t, s0rt, b0t);
  out[k++] = feat3(28, s0t, b0t, b0lt);
  out[k++] = feat3(29, s1t, s0t, b0t);
  // distance
  out[k++] = feat2(30, s0w, dist);
  out[k++] = feat2(31, s0t, dist);
  out[k++] = feat2(32, b0w, dist);
  out[k++] = feat2(33, b0t, dist);
  out[k++] = feat3(34, s0w, b0w, dist);
  out[k++] = feat3(35, s0t, b0t, dist);
  // valency
  out[k++] = feat2(36, s0w, s0vr);
  out[k++] = feat2(37, s0t, s0vr);
  out[k++] = feat2(38, s0w, s0vl);
  out[k++] = feat2(39, s0t, s0vl);
  out[k++] = feat2(40, b0w, b0vl);
  out[k++] = feat2(41, b0t, b0vl);
  // second order: heads and children
  out[k++] = feat1(42, s0hw);
  out[k++] = feat1(43, s0ht);
  out[k++] = feat1(44, s0lw);
  out[k++] = feat1(45, s0lt);
  out[k++] = feat1(46, s0rw);
  out[k++] = feat1(47, s0rt);
  out[k++] = feat1(48, b0lw);
  out[k++] = feat1(49, b0lt);
  // third order
  out[k++] = feat1(50, T(s, s0hh));
  out[k++] = feat3(51, s0t, s0ht, T(s, s0hh));
  out[k++] = feat1(52, T(s, s0l2));
  out[k++] = feat1(53, T(s, s0r2));
  out[k++] = feat1(54, T(s, b0l2));
  out[k++] = feat3(55, s0t, s0lt, T(s, s0l2));
  out[k++] = feat3(56, s0t, s0rt, T(s, s0r2));
  out[k++] = feat3(57, b0t, b0lt, T(s, b0l2));
  // state flags and wider context
  out[k++] = feat3(58, s0hasHead, s0t, b0t);
  out[k++] = feat2(59, s0hasHead, s0w);
  out[k++] = feat3(60, T(s, s2), s1t, s0t);
  out[k++] = feat3(61, s0t, b0w, b1t);
  out[k++] = feat3(62, s0w, b0t, b1t);
  out[k++] = feat3(63, s1w, s0t, b0t);
  out[k++] = feat3(64, st.b === st.n ? 1 : 0, s0t, b0t);
  out[k++] = feat2(65, b0 > 1 ? T(s, b0 - 1) : NONE, b0t);
  out[k++] = feat3(66, s0 >= 1 && s0 + 1 <= st.n ? T(s, s0 + 1) : NONE, s0t, b0t);
  // word clusters from unlabelled news text: back-off for rare words
  const s0c = C(s, s0), b0c = C(s, b0);
  out[k++] = feat1(67, s0c);
  out[k++] = feat1(68, b0c);
  out[k++] = feat1(69, C(s, b1));
  out[k++] = feat2(70, s0c, b0c);
  out[k++] = feat2(71, s0t, b0c);
  out[k++] = feat2(72, s0c, b0t);
  out[k++] = feat4(73, s0t, b0t, C(s, s0, 12), C(s, b0, 12));
  out[k++] = feat3(74, C(s, s0h), s0t, b0t);
  // the tagger's runner-up tags: lets the parser hedge on VBD/VBN, JJ/NN, IN/RP …
  const s0a = A(s, s0), b0a = A(s, b0);
  out[k++] = feat2(75, s0t, s0a);
  out[k++] = feat2(76, b0t, b0a);
  out[k++] = feat4(77, s0t, s0a, b0t, b0a);
  out[k++] = feat2(78, T(s, b1), A(s, b1));
  const g = s.groups;
  if (g & FeatureGroup.childKinds) {
    // children-class sets: which kinds of dependents s0 and b0 already have
    const s0ls = s0 >= 0 ? st.lset[s0] : -1, s0rs = s0 >= 0 ? st.rset[s0] : -1, b0ls = b0 >= 0 ? st.lset[b0] : -1;
    out[k++] = feat2(79, s0t, s0ls);
    out[k++] = feat2(80, s0t, s0rs);
    out[k++] = feat2(81, b0t, b0ls);
    out[k++] = feat3(82, s0t, s0rs, b0t);
    out[k++] = feat3(83, s0t, b0t, b0ls);
  }
  if (g & FeatureGroup.tagsWithKids) {
    // a participle-or-past tag with the dependents it already has: "the message claimed" (VBN
    // with a subject on its left is a finite verb the tagger mistook)
    out[k++] = feat4(94, b0t, b0a, b0lt, s0t);
    out[k++] = feat4(95, s0t, s0a, s0lt, b0t);
    out[k++] = feat4(96, b0t, b0a, b0vl, s0t);
    out[k++] = feat4(97, s0t, s0a, s0rt, b0t);
  }
  if (g & FeatureGroup.quotes) {
    // quotes: a verb inside a quotation and one outside it ("…," the minister said.)
    const qs = s0 > 0 ? s.qpar[s0] : 0, qb = b0 > 0 ? s.qpar[b0] : 0;
    out[k++] = feat4(90, qs, qb, s0t, b0t);
    out[k++] = feat3(91, qs * 4 + qb, s0t, b0w);
    // the word before b0's subtree, and how much of the sentence is left after b0
    let x = b0;
    if (x > 0) while (st.lc1[x] > 0) x = st.lc1[x];
    const before = x > 1 ? W(s, x - 1) : NONE;
    const rest = b0 > 0 ? Math.min(st.n - b0, 3) : 4;
    out[k++] = feat3(92, s0t, b0t, before);
    out[k++] = feat3(93, b0w, before, rest);
  }
  if (g & FeatureGroup.childWords) {
    out[k++] = feat1(84, W(s, s0l2));
    out[k++] = feat1(85, W(s, s0r2));
    out[k++] = feat1(86, W(s, b0l2));
    out[k++] = feat1(87, W(s, s0hh));
  }
  if (g & FeatureGroup.moreAlts) {
    out[k++] = feat2(88, s1t, A(s, s1));
    out[k++] = feat2(89, b2t, A(s, b2));
  }
  return k;
}

/** Labeller features for the arc h → d in a finished tree (positions 1-based, h ≥ 1). */
function labelFeatures(s: Sent, n: number, heads: Int32Array, kids: number[][], h: number, d: number, out: Uint32Array): number {
  const dir = d < h ? 1 : 2;
  const dist = distBucket(Math.abs(h - d));
  const dw = W(s, d), dt = T(s, d), hw = W(s, h), ht = T(s, h);
  const g = heads[h];
  const gt = g >= 0 ? T(s, g) : NONE;
  const hs = s.hs;
  let k = 0;
  out[k++] = feat1(101, 1);
  out[k++] = feat1(102, dt);
  out[k++] = feat1(103, dw);
  out[k++] = feat1(104, ht);
  out[k++] = feat1(105, hw);
  out[k++] = feat3(106, dt, ht, dir);
  out[k++] = feat3(107, dw, ht, dir);
  out[k++] = feat3(108, dt, hw, dir);
  out[k++] = feat3(109, dw, hw, dir);
  out[k++] = feat4(110, dt, ht, dir, dist);
  out[k++] = feat4(111, gt, ht, dt, dir);
  out[k++] = feat3(112, hs.suf3[d - 1], ht, dir);
  out[k++] = feat2(113, d > 1 ? W(s, d - 1) : NONE, dt);
  out[k++] = feat2(114, d < n ? W(s, d + 1) : NONE, dt);
  out[k++] = feat3(115, d > 1 ? T(s, d - 1) : NONE, dt, d < n ? T(s, d + 1) : NONE);
  out[k++] = feat3(116, dt, kids[d].length > 3 ? 3 : kids[d].length, dir);
  out[k++] = feat3(117, d === 1 ? 1 : 0, dt, ht);
  out[k++] = feat3(118, hs.flags[d - 1] & 17, dt, ht);
  out[k++] = feat3(123, C(s, d), ht, dir);
  out[k++] = feat3(124, dt, C(s, h), dir);
  out[k++] = feat2(125, C(s, d, 12), C(s, h, 12));
  out[k++] = feat4(126, hs.suf3[d - 1], dt, ht, dir);
  if (s.groups & FeatureGroup.labellerAlts) {
    out[k++] = feat4(127, dt, A(s, d), ht, dir);
    out[k++] = feat4(128, dt, ht, A(s, h), dir);
  }
  const dk = kids[d];
  for (let j = 0; j < dk.length && k < MAX_FEATS - 24; j++) {
    const c = dk[j];
    const cdir = c < d ? 1 : 2;
    out[k++] = feat3(119, dt, W(s, c), cdir);
    out[k++] = feat4(120, dt, T(s, c), cdir, ht);
  }
  const hk = kids[h];
  for (let j = 0; j < hk.length && k < MAX_FEATS - 4; j++) {
    const c = hk[j];
    if (c === d) continue;
    const side = c < d ? 1 : 2;
    out[k++] = feat4(121, dt, dir, W(s, c), side);
    out[k++] = feat4(122, dt, dir, T(s, c), side);
  }
  return k;
}

function childrenOf(heads: Int32Array, n: number): number[][] {
  const kids: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let i = 1; i <= n; i++) if (heads[i] >= 0) kids[heads[i]].push(i);
  return kids;
}

/**
 * Parses one sentence given its words and part-of-speech tags.
 *
 * @example
 * const { heads, rels } = parseWords(model, ['Police', 'arrested', 'him', '.'], ['NNS', 'VBD', 'PRP', '.']);
 * // heads: [1, -1, 1, 1]; rels: ['nsubj', 'root', 'obj', 'punct']
 */
export function parseWords(model: ParserModel, words: readonly string[], tags: readonly string[], alts?: readonly string[]): Parse {
  const n = words.length;
  const s = prepare(words, tags, alts, model.groups ?? 0);
  const st = new State(n, s.cls);
  const fs = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(model.labels.length > N_ACTIONS ? model.labels.length : N_ACTIONS);
  const valid = [false, false, false, false];
  while (!st.done) {
    st.valid(valid);
    const k = transitionFeatures(st, s, fs);
    model.transitions.scoreRaw(fs, k, scores);
    st.apply(argmax(scores, N_ACTIONS, valid));
  }
  st.finish();
  return { heads: shiftHeads(st.heads, n), rels: label(model, s, st.heads, n, fs, scores) };
}

function label(model: ParserModel, s: Sent, heads: Int32Array, n: number, fs: Uint32Array, scores: Float64Array): string[] {
  const kids = childrenOf(heads, n);
  const rels: string[] = new Array(n);
  const L = model.labels.length;
  for (let d = 1; d <= n; d++) {
    const h = heads[d];
    if (h === 0) {
      rels[d - 1] = 'root';
      continue;
    }
    const k = labelFeatures(s, n, heads, kids, h, d, fs);
    model.labeller.scoreRaw(fs, k, scores);
    rels[d - 1] = model.labels[argmax(scores, L)];
  }
  return rels;
}

function shiftHeads(heads: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 1; i <= n; i++) out[i - 1] = heads[i] - 1;
  return out;
}

// ---------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------

/** A training sentence: words, the tags the parser will see (predicted), gold tree. */
export interface ParseExample {
  words: string[];
  tags: string[];
  /** the tagger's runner-up tags (see `tagWordsWithAlts`); the tags themselves when absent */
  alts?: string[];
  heads: number[];
  rels: string[];
}

/** Options of {@link trainParser}. */
export interface TrainParserOptions {
  epochs?: number;
  labelEpochs?: number;
  seed?: number;
  /** Probability of following the model's own (wrong) action once exploring. */
  explore?: number;
  /** First epoch (1-based) with error exploration. */
  exploreFrom?: number;
  minWeight?: number;
  /** feature groups to train with (bits of {@link FeatureGroup}); none by default */
  groups?: number;
  onEpoch?: (what: 'parser' | 'labeller', epoch: number, trainScore: number) => void;
}

/**
 * Lifts non-projective arcs (reattaches the dependent to its head's head) until the tree
 * is projective, since arc-eager can only build projective trees. Positions are 1-based.
 */
export function projectivize(gold: Int32Array): Int32Array {
  const g = Int32Array.from(gold);
  const n = g.length - 1;
  const dominates = (h: number, x: number): boolean => {
    let steps = 0;
    while (x > 0 && steps++ <= n) {
      if (x === h) return true;
      x = g[x];
    }
    return h === 0;
  };
  for (let guard = 0; guard < n * 2; guard++) {
    let worst = -1;
    let worstLen = Infinity;
    for (let d = 1; d <= n; d++) {
      const h = g[d];
      const lo = Math.min(h, d);
      const hi = Math.max(h, d);
      for (let x = lo + 1; x < hi; x++) {
        if (!dominates(h, x)) {
          if (hi - lo < worstLen) {
            worstLen = hi - lo;
            worst = d;
          }
          break;
        }
      }
    }
    if (worst === -1) break;
    const h = g[worst];
    g[worst] = h > 0 ? g[h] : 0;
  }
  return g;
}

/**
 * Trains the transition model and the labeller.
 *
 * @example
 * const model = trainParser(examples, { epochs: 12, seed: 7 });
 */
export function trainParser(data: ParseExample[], opts: TrainParserOptions = {}): ParserModel & { transitions: CompactModel; labeller: CompactModel } {
  const rand = rng(opts.seed ?? 7);
  const epochs = opts.epochs ?? 12;
  const explore = opts.explore ?? 0.9;
  const exploreFrom = opts.exploreFrom ?? 2;
  const groups = opts.groups ?? 0;
  const sents = data.map((x) => prepare(x.words, x.tags, x.alts, groups));
  const golds = data.map((x) => {
    const g = new Int32Array(x.words.length + 1);
    g[0] = -1;
    for (let i = 0; i < x.heads.length; i++) g[i + 1] = x.heads[i] + 1;
    return g;
  });
  const projGolds = golds.map(projectivize);
  const order = data.map((_, i) => i);
  const fs = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(N_ACTIONS);
  const valid = [false, false, false, false];
  const costs = [0, 0, 0, 0];

  const tm = new TrainableModel(N_ACTIONS);
  for (let e = 1; e <= epochs; e++) {
    shuffle(order, rand);
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const s = sents[si];
      const gold = projGolds[si];
      const st = new State(data[si].words.length, s.cls);
      while (!st.done) {
        st.valid(valid);
        const k = transitionFeatures(st, s, fs);
        tm.score(fs, k, scores);
        const pred = argmax(scores, N_ACTIONS, valid);
        st.costs(gold, valid, costs);
        let minCost = Infinity;
        for (let a = 0; a < N_ACTIONS; a++) if (costs[a] < minCost) minCost = costs[a];
        let best = -1;
        let bestScore = -Infinity;
        for (let a = 0; a < N_ACTIONS; a++) {
          if (costs[a] === minCost && scores[a] > bestScore) {
            bestScore = scores[a];
            best = a;
          }
        }
        if (costs[pred] > minCost) tm.update(fs, k, best, pred);
        tm.tick();
        let next = best;
        if (e >= exploreFrom && costs[pred] > minCost && rand() < explore) next = pred;
        if (costs[pred] === minCost) next = pred;
        st.apply(next);
      }
      st.finish();
      for (let i = 1; i < gold.length; i++) {
        if (st.heads[i] === golds[si][i]) correct++;
        total++;
      }
    }
    opts.onEpoch?.('parser', e, correct / total);
  }

  // The labeller learns from the gold trees, with the same (predicted) tags.
  const labelSet = new Set<string>();
  for (const x of data) for (const r of x.rels) if (r !== 'root') labelSet.add(r);
  const labels = [...labelSet].sort();
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const lm = new TrainableModel(labels.length);
  const lscores = new Float64Array(labels.length);
  const kidsAll = golds.map((g) => childrenOf(g, g.length - 1));
  for (let e = 1; e <= (opts.labelEpochs ?? 8); e++) {
    shuffle(order, rand);
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const g = golds[si];
      const n = g.length - 1;
      for (let d = 1; d <= n; d++) {
        const h = g[d];
        if (h <= 0) continue;
        const k = labelFeatures(sents[si], n, g, kidsAll[si], h, d, fs);
        lm.score(fs, k, lscores);
        const pred = argmax(lscores, labels.length);
        const gl = labelId.get(data[si].rels[d - 1])!;
        if (pred !== gl) lm.update(fs, k, gl, pred);
        else correct++;
        total++;
        lm.tick();
      }
    }
    opts.onEpoch?.('labeller', e, correct / total);
  }
  return {
    transitions: tm.compact(opts.minWeight ?? 0),
    labels,
    labeller: lm.compact(opts.minWeight ?? 0),
    groups,
  };
}

/** Attachment scores of `model` over gold sentences (tags as given in `data`). */
export function attachmentScores(model: ParserModel, data: ParseExample[]): { uas: number; las: number; tokens: number } {
  let ua = 0;
  let la = 0;
  let total = 0;
  for (const x of data) {
    const p = parseWords(model, x.words, x.tags, x.alts);
    for (let i = 0; i < x.words.length; i++) {
      total++;
      if (p.heads[i] === x.heads[i]) {
        ua++;
        if (p.rels[i] === x.rels[i]) la++;
      }
    }
  }
  return { uas: total ? ua / total : 0, las: total ? la / total : 0, tokens: total };
}

/**
 * Averages the weights of several compact models over the same classes (parameter mixing):
 * a linear model's scores are linear in its weights, so this one table scores exactly as
 * the sum of the models' scores would, at the cost of one lookup per feature. Weights
 * whose average falls under `minWeight` are dropped.
 */
export function mixModels(models: CompactModel[], minWeight = 0): CompactModel {
  const C = models[0].nClasses;
  const index = new FeatureIndex(1 << 20);
  let acc = new Float64Array(C << 20);
  for (const m of models) {
    const f = m.scale / models.length;
    for (let i = 0; i < m.keys.length; i++) {
      const r = index.add(m.keys[i]);
      if ((r + 1) * C > acc.length) {
        const a = new Float64Array(acc.length * 2);
        a.set(acc);
        acc = a;
      }
      for (let p = m.offsets[i]; p < m.offsets[i + 1]; p++) acc[r * C + m.classes[p]] += m.qweights[p] * f;
    }
  }
  const keys = index.keysByRow();
  let maxAbs = 0;
  for (let i = 0; i < keys.length * C; i++) if (Math.abs(acc[i]) > maxAbs) maxAbs = Math.abs(acc[i]);
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const keep = (x: number) => Math.abs(x) >= minWeight && Math.round(x / scale) !== 0;
  const outKeys: number[] = [];
  const offsets: number[] = [];
  const classes: number[] = [];
  const weights: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let any = false;
    for (let j = 0; j < C; j++) {
      const x = acc[r * C + j];
      if (!keep(x)) continue;
      if (!any) {
        outKeys.push(keys[r]);
        offsets.push(classes.length);
        any = true;
      }
      classes.push(j);
      weights.push(Math.round(x / scale));
    }
  }
  offsets.push(classes.length);
  return new CompactModel(C, Uint32Array.from(outKeys), Uint32Array.from(offsets), Uint8Array.from(classes), Int16Array.from(weights), scale);
}
