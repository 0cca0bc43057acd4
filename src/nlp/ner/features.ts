/**
 * @module nlp/ner/features
 * Integer feature extraction for the NER tagger. Features fall in three groups, so that the
 * tagger can cache what does not change:
 * - word features (form, shape, affixes, clusters, capitalisation habit): depend on the
 *   word alone, computed once per distinct word (`WordEntry`);
 * - neighbour features: depend on one neighbouring word and its offset (-2…+2), also per word;
 * - position features: bigrams, the sentence (headline, first token), gazetteer matches and
 *   the document (how the same word is cased elsewhere in it).
 * Tag features (previous tags, what the same word was tagged earlier in the document) are
 * added by the decoder in `model.ts`.
 */
import { mix, strHash } from './hash.js';
import { GAZ_BITS, GAZ_MASK, GAZ_PREFIX, type Lexicon, PHRASE_SEED, normKey, phraseStep } from './lexicon.js';
import { NC, NPREV, START, beginsName, typeOfClass } from './tags.js';

// Template ids: any distinct constants; changing one changes the model.
const T = {
  BIAS: 1, W: 2, LW: 3, SHAPE: 4, SHAPE_LONG: 5, PRE: 6, SUF: 10, CL: 14, CAPS: 20, LEN: 21,
  CTX_LW: 30, CTX_SHAPE: 35, CTX_CL: 40, CTX_SUF: 50,
  BI_L: 60, BI_R: 61, SH3: 62, FIRST: 63, HEAD: 64, HEAD_LW: 65, GAZ: 66, GAZ_CAP: 67, DOCCASE: 68,
  SH_L: 69, SH_R: 70, CL_BI: 71,
  XF: 72, XC: 73, CTX_XF: 74, CTX_XC: 80, X_BI: 86,
} as const;

/** Sentinel words at sentence edges. */
export const BOS = '\u0002<S>';
export const EOS = '\u0003</S>';

/** Everything about one distinct word string the tagger needs. */
export interface WordEntry {
  word: string;
  /** this entry's number in its `FeatureExtractor` (`byId`), for models' per-word tables */
  id: number;
  key: number; // strHash(normKey(word))
  shape: number; // hash of the short shape
  cluster: number;
  /** exchange classes, packed as `Lexicon.xclassOf` returns them (0: none) */
  xclass: number;
  /** 0 other, 1 lower, 2 Initial cap, 3 ALL CAPS (with ≥2 letters), 4 single capital */
  caseClass: number;
  hasLetter: boolean;
  intr: Uint32Array;
  /** neighbour features for offsets -2, -1, +1, +2 */
  ctx: Uint32Array[];
  /**
   * The word's half of the position features it takes part in, mixed once: `mix(T.BI_L,
   * key)` (as the left word of a bigram), `mix(T.BI_R, key)`, `mix(T.SH3, shape)`,
   * `mix(T.SH_L, shape)`, `mix(T.SH_R, shape)`.
   */
  biL: number; biR: number; sh3: number; shL: number; shR: number;
  /** the gazetteer bits of the word alone as a phrase (`GAZ_PREFIX` when longer phrases start with it) */
  gaz1: number;
  /** cached scores per model slot (inference only): 9 for the word, then 9 per neighbour offset */
  scores: (Float32Array | null)[];
  /** which model (its uid) filled each slot of `scores` */
  owner: number[];
  /** per slot, a bit per previous tag whose (previous tag, word) sums are in `scores` */
  pwDone: number[];
}

/**
 * The Unicode class of one character as the shapes need it: 1 upper-case letter (Lu), 2
 * lower-case letter (Ll), 3 other letter, 4 number (N), 0 anything else. ASCII is answered
 * from the code (in ASCII only A–Z are Lu, a–z Ll, 0–9 N); other characters by the regexes.
 */
function charKind(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : c >= 48 && c <= 57 ? 4 : 0;
  if (/\p{Lu}/u.test(ch)) return 1;
  if (/\p{Ll}/u.test(ch)) return 2;
  if (/\p{L}/u.test(ch)) return 3;
  return /\p{N}/u.test(ch) ? 4 : 0;
}

function shortShape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const k = charKind(ch);
    // a letter that is neither upper nor lower case counts as lower case here
    const c = k === 1 ? 'X' : k === 2 || k === 3 ? 'x' : k === 4 ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function longShape(w: string): string {
  let out = '';
  let n = 0;
  for (const ch of w) {
    if (++n > 8) break;
    const k = charKind(ch);
    out += k === 1 ? 'X' : k === 2 || k === 3 ? 'x' : k === 4 ? 'd' : ch;
  }
  return out;
}

function caseClassOf(w: string): number {
  let up = 0;
  let low = 0;
  for (const ch of w) {
    const k = charKind(ch);
    if (k === 1) up++;
    else if (k === 2) low++;
  }
  if (up === 0 && low === 0) return 0;
  if (up === 0) return 1;
  if (low === 0) return up >= 2 ? 3 : 4;
  return /^\P{L}*\p{Lu}/u.test(w) ? 2 : 1;
}

const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
};

const clusterPrefix = (path: number, len: number): number => {
  const depth = 31 - Math.clz32(path);
  return depth <= len ? path : path >>> (depth - len);
};
const CL_LENS = [4, 6, 10, 14];

/** Builds and caches `WordEntry`s; one per model (the lexicon is fixed). */
export class FeatureExtractor {
  private cache = new Map<string, WordEntry>();
  /** the cached entries by `id` */
  readonly byId: WordEntry[] = [];
  /**
   * Bumped when the cache is cleared (ids start again from 0): a model's tables keyed by
   * entry id are valid for one generation.
   */
  generation = 0;
  constructor(readonly lexicon: Lexicon) {}

  get cacheSize(): number { return this.cache.size; }
  clearCache(): void { this.cache.clear(); this.byId.length = 0; this.generation++; }

  entry(word: string): WordEntry {
    let e = this.cache.get(word);
    if (e) return e;
    e = this.build(word);
    e.id = this.byId.length;
    this.byId.push(e);
    this.cache.set(word, e);
    return e;
  }

  private build(word: string): WordEntry {
    const lower = normKey(word);
    const key = strHash(lower);
    const sentinel = word === BOS || word === EOS;
    const shapeStr = sentinel ? word : shortShape(word);
    const shape = strHash(shapeStr);
    const cluster = sentinel ? 0 : this.lexicon.clusterOf(key);
    const xclass = sentinel ? 0 : this.lexicon.xclassOf(key);
    const caps = sentinel ? 0 : this.lexicon.capsOf(key);
    const caseClass = sentinel ? 0 : caseClassOf(word);
    const intr: number[] = [mix(T.BIAS, 0), mix(T.W, strHash(word)), mix(T.LW, key), mix(T.SHAPE, shape)];
    if (!sentinel) {
      intr.push(mix(T.SHAPE_LONG, strHash(longShape(word))));
      // affixes by code point; an ASCII word's code points are its UTF-16 units, so plain
      // slices give the same strings without an array of characters
      const ascii = isAscii(lower);
      const chars = ascii ? null : [...lower];
      const nChars = chars ? chars.length : lower.length;
      for (let n = 1; n <= 4; n++) {
        if (nChars <= n) break;
        intr.push(mix(T.PRE + n, strHash(chars ? chars.slice(0, n).join('') : lower.slice(0, n))));
        intr.push(mix(T.SUF + n, strHash(chars ? chars.slice(-n).join('') : lower.slice(-n))));
      }
      if (cluster) for (let j = 0; j < CL_LENS.length; j++) intr.push(mix(T.CL + j, clusterPrefix(cluster, CL_LENS[j])));
      else intr.push(mix(T.CL + 5, 0));
      if (xclass) { intr.push(mix(T.XF, xclass & 0xfff)); intr.push(mix(T.XC, xclass >>> 12)); }
      intr.push(mix(T.CAPS, caps * 8 + caseClass));
      intr.push(mix(T.LEN, Math.min(nChars, 12) * 8 + caseClass));
    }
    const ctx: Uint32Array[] = [];
    const offsets = [-2, -1, 1, 2];
    for (let j = 0; j < 4; j++) {
      const o = offsets[j];
      const f = [mix(T.CTX_LW + j, key), mix(T.CTX_SHAPE + j, shape)];
      if (o === -1 || o === 1) {
        if (cluster) { f.push(mix(T.CTX_CL + j, clusterPrefix(cluster, 6))); f.push(mix(T.CTX_CL + 5 + j, clusterPrefix(cluster, 12))); }
        if (!sentinel && lower.length > 3) f.push(mix(T.CTX_SUF + j, strHash(lower.slice(-3))));
        if (xclass) f.push(mix(T.CTX_XF + j, xclass & 0xfff));
      } else if (xclass) f.push(mix(T.CTX_XC + j, xclass >>> 12));
      ctx.push(Uint32Array.from(f));
    }
    return {
      word, id: -1, key, shape, cluster, xclass, caseClass, hasLetter: /\p{L}/u.test(word), intr: Uint32Array.from(intr), ctx,
      biL: mix(T.BI_L, key), biR: mix(T.BI_R, key), sh3: mix(T.SH3, shape), shL: mix(T.SH_L, shape), shR: mix(T.SH_R, shape),
      gaz1: this.lexicon.phraseOf(phraseStep(PHRASE_SEED, key)),
      scores: [null, null], owner: [0, 0], pwDone: [0, 0],
    };
  }
}

/** A document prepared for tagging: entries per token and flat position features. */
export interface PreparedDoc {
  entries: WordEntry[];
  /** sentence boundaries: [start, end) token ranges, flat */
  sentences: Int32Array;
  /** position features of token i: feats[off[i] .. off[i+1]) */
  feats: Uint32Array;
  off: Int32Array;
  /** per token: bit 1 first word of its sentence, bit 2 in an ALL-CAPS headline */
  flags: Uint8Array;
  /** per token: a document-local id of its word key (same id for the same key) */
  wid: Int32Array;
  /** number of distinct word keys in the document */
  nWords: number;
  /** per token: its entry's id (`WordEntry.id`, valid for `gen`) */
  eid: Int32Array;
  /** per token: the case class when the same-word history feature applies (a capitalised word with a letter), else -1 */
  hc: Int8Array;
  /** the extractor's `generation` when the document was prepared */
  gen: number;
}

const isSentenceInitialPunct = (w: string) => w === '"' || w === "'" || w === '(' || w === '``' || w === '-' || w === '--';

/** A growable Uint32 buffer, reused across documents (prepareDoc copies out what it keeps). */
class U32Buf {
  a = new Uint32Array(1 << 16);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) { const b = new Uint32Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = x;
  }
  /** Room for `k` more values after the first `n`; returns the (possibly new) array. */
  room(n: number, k: number): Uint32Array<ArrayBuffer> {
    if (n + k > this.a.length) {
      let len = this.a.length * 2;
      while (n + k > len) len *= 2;
      const b = new Uint32Array(len); b.set(this.a.subarray(0, n)); this.a = b;
    }
    return this.a;
  }
}
/** Most position features one token adds before its gazetteer matches (and stacked ones, at most 24). */
const TOKEN_ROOM = 32;
const featBuf = new U32Buf();
const gazBuf = new U32Buf(); // matches as triples: start, length, gazetteer bits
let widKeys = new Int32Array(0);
let widIds = new Int32Array(0);

/**
 * Prepares a document: `words` are the tokens, `sentences` pairs of [start, end) token
 * indices covering them in order. `gazKeep` masks the gazetteer kinds the document may
 * match (all by default); training hides the organisation lists from a fixed share of
 * documents, so the model keeps learning the other cues of names that no list holds
 * (Sutton, Sindelar & McCallum 2006's weight undertraining).
 */
export function prepareDoc(fx: FeatureExtractor, words: readonly string[], sentences: readonly (readonly [number, number])[], gazKeep: number = GAZ_MASK): PreparedDoc {
  const n = words.length;
  // bound memory on very long inputs: the cache is cleared between documents, never inside
  // one (entry ids must stay valid while the document is tagged)
  if (fx.cacheSize > 300_000) fx.clearCache();
  const entries = new Array<WordEntry>(n);
  const eid = new Int32Array(n);
  const hc = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const e = fx.entry(words[i]);
    entries[i] = e;
    eid[i] = e.id;
    hc[i] = e.caseClass >= 2 && e.hasLetter ? e.caseClass : -1;
  }
  const bos = fx.entry(BOS);
  const eos = fx.entry(EOS);
  const lex = fx.lexicon;

  const firstOfSentence = new Uint8Array(n);
  const headline = new Uint8Array(n);
  const sentArr = new Int32Array(sentences.length * 2);
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k][0];
    const e = sentences[k][1];
    sentArr[2 * k] = s; sentArr[2 * k + 1] = e;
    let i = s;
    while (i < e && isSentenceInitialPunct(words[i])) i++;
    if (i < e) firstOfSentence[i] = 1;
    // a headline: mostly ALL-CAPS words
    let up = 0; let low = 0;
    for (let j = s; j < e; j++) { const c = entries[j].caseClass; if (c === 3) up++; else if (c === 1 || c === 2) low++; }
    if (up >= 1 && up > low * 2) headline.fill(1, s, e);
  }
  // Document casing evidence: for each word key, was it seen in lower case, with an initial
  // capital not at a sentence start, or in capitals outside a headline, anywhere in the document?
  // ids in first-seen order, through an open-addressing table of typed arrays (a Map keyed
  // by uint32 keys boxes every key above 2^31)
  const wid = new Int32Array(n);
  let cap = 64;
  while (cap < n * 2) cap <<= 1;
  if (widKeys.length < cap) { widKeys = new Int32Array(cap); widIds = new Int32Array(cap); }
  widIds.fill(-1, 0, cap);
  const mask = cap - 1;
  let nWords = 0;
  for (let i = 0; i < n; i++) {
    const k = entries[i].key | 0;
    let h = Math.imul(k, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const id = widIds[h];
      if (id < 0) { widKeys[h] = k; widIds[h] = nWords; wid[i] = nWords++; break; }
      if (widKeys[h] === k) { wid[i] = id; break; }
      h = (h + 1) & mask;
    }
  }
  const docCase = new Uint8Array(nWords);
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (!e.hasLetter || headline[i]) continue;
    let bit = 0;
    if (e.caseClass === 1) bit = 1;
    else if (e.caseClass === 2 && !firstOfSentence[i]) bit = 2;
    else if (e.caseClass === 3) bit = 4;
    if (bit) docCase[wid[i]] |= bit;
  }

  // Gazetteer matches (start, length, mask); prefixes stop the scan at the first miss.
  gazBuf.n = 0;
  for (let k = 0; k < sentences.length; k++) {
    const e = sentences[k][1];
    for (let i = sentences[k][0]; i < e; i++) {
      // the one-word phrase's bits come from the word's entry (no lookup for most tokens)
      const g1 = entries[i].gaz1;
      if (g1 & gazKeep) { gazBuf.push(i); gazBuf.push(1); gazBuf.push(g1 & gazKeep); }
      if (!(g1 & GAZ_PREFIX)) continue;
      let h = phraseStep(PHRASE_SEED, entries[i].key);
      for (let L = 2; L <= lex.maxPhraseLen && i + L <= e; L++) {
        h = phraseStep(h, entries[i + L - 1].key);
        const mask = lex.phraseOf(h);
        if (mask & gazKeep) { gazBuf.push(i); gazBuf.push(L); gazBuf.push(mask & gazKeep); }
        if (!(mask & GAZ_PREFIX)) break;
      }
    }
  }
  const gaz = gazBuf.a;
  const nGaz = gazBuf.n;

  const off = new Int32Array(n + 1);
  // features written straight into the shared buffer through a local array and index, with
  // room for one token's non-gazetteer features checked once per token
  let a = featBuf.a;
  let m = 0;
  let g0 = 0; // first match that may still cover the current token
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k][0];
    const e = sentences[k][1];
    for (let i = s; i < e; i++) {
      off[i] = m;
      if (m + TOKEN_ROOM > a.length) a = featBuf.room(m, TOKEN_ROOM);
      const w = entries[i];
      const p = i > s ? entries[i - 1] : bos;
      const nx = i + 1 < e ? entries[i + 1] : eos;
      const hd = headline[i];
      const fs = firstOfSentence[i];
      a[m++] = mix(p.biL, w.key);
      a[m++] = mix(w.biR, nx.key);
      a[m++] = mix(mix(p.sh3, w.shape), nx.shape);
      a[m++] = mix(p.shL, w.shape);
      a[m++] = mix(w.shR, nx.shape);
      if (p.cluster && w.cluster) a[m++] = mix(mix(T.CL_BI, clusterPrefix(p.cluster, 8)), clusterPrefix(w.cluster, 8));
      if (w.xclass) a[m++] = mix(mix(T.X_BI, p.xclass & 0xfff), w.xclass & 0xfff);
      if (fs) { a[m++] = mix(T.FIRST, w.shape); a[m++] = mix(T.FIRST + 100, w.key); }
      if (hd) { a[m++] = mix(T.HEAD, w.shape); a[m++] = mix(T.HEAD_LW, w.key); }
      while (g0 < nGaz && gaz[g0] + gaz[g0 + 1] <= i && gaz[g0] + 5 < i) g0 += 3;
      for (let q = g0; q < nGaz && gaz[q] <= i; q += 3) {
        const ms = gaz[q]; const L = gaz[q + 1]; const mask = gaz[q + 2];
        if (ms + L <= i) continue;
        const pos = L === 1 ? 0 : i === ms ? 1 : i === ms + L - 1 ? 3 : 2;
        for (let b = 0; b < GAZ_BITS; b++) {
          if (!(mask & (1 << b))) continue;
          if (m + TOKEN_ROOM > a.length) a = featBuf.room(m, TOKEN_ROOM);
          const gf = b * 4 + pos;
          a[m++] = mix(T.GAZ, gf);
          a[m++] = mix(T.GAZ_CAP, gf * 8 + w.caseClass + (hd ? 5 : 0));
        }
      }
      if (w.caseClass >= 2 && w.hasLetter) {
        const bits = docCase[wid[i]];
        a[m++] = mix(T.DOCCASE, bits * 16 + w.caseClass * 2 + (fs || hd ? 1 : 0));
      }
    }
  }
  featBuf.n = m;
  off[n] = m;
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) flags[i] = firstOfSentence[i] | (headline[i] << 1);
  return { entries, sentences: sentArr, feats: featBuf.a.slice(0, featBuf.n), off, flags, wid, nWords, eid, hc, gen: fx.generation };
}

const S = {
  CUR: 201, LR: 202, RR: 203, MAJ: 204, MAJC: 205, ANY: 206, FIRSTOCC: 207, LRR: 208,
  SUPER: 209, SUPER_CUR: 210, SUPER_LAST: 211, ACRO: 212, ACRO_CUR: 213,
} as const;
/**
 * How many values each stacked template (`S.CUR` … `S.ACRO_CUR`, in id order) can take:
 * every one is a small product of classes, previous tags (`NPREV`), entity types (5), case
 * classes (< 8) and flags (< 4), so the stacked features can also be numbered densely
 * ("codes": the template's first code + its value) for models that read them from a table.
 */
const S_SIZES = [
  NC * 8, NPREV * NPREV, NPREV * NPREV, 5 * 4, 5 * 8 * 4, 5 * 8, 5 * 8, NPREV * NPREV * NPREV,
  5 * 8, 5 * NPREV * 2, 5 * 8, 5, 5 * NPREV,
];
const S_BASE = new Int32Array(S_SIZES.length);
for (let j = 1; j < S_SIZES.length; j++) S_BASE[j] = S_BASE[j - 1] + S_SIZES[j - 1];
/** Number of stacked-feature codes. */
export const STACK_CODES = S_BASE[S_SIZES.length - 1] + S_SIZES[S_SIZES.length - 1];
/** The feature hash of each stacked-feature code: `mix(template, value)`. */
export const STACK_CODE_HASH: Uint32Array = (() => {
  const h = new Uint32Array(STACK_CODES);
  for (let j = 0; j < S_SIZES.length; j++) for (let v = 0; v < S_SIZES[j]; v++) h[S_BASE[j] + v] = mix(S.CUR + j, v);
  return h;
})();
/** whether the running `stackFeatures` call writes codes (true) or hashes */
let stackCodes = false;
/** One stacked feature, as its hash or its code (`stackCodes`). */
const sf = (t: number, v: number): number => (stackCodes ? S_BASE[t - S.CUR] + v : mix(t, v));
let typeCounts = new Int32Array(1 << 12);
let superCounts = new Int32Array(1 << 12);
let lastCounts = new Int32Array(1 << 12);
let inName = new Int8Array(1 << 10);
/** Letters that make up an acronym's key: upper case, dots dropped. */
const acronymKey = (w: string): number => strHash(w.replace(/\./g, '').toUpperCase());
let firstType = new Int8Array(1 << 10);

/**
 * Document-level features from a first tagging pass (`first`: class per token), for the
 * stacked second pass (Ratinov & Roth 2009's context aggregation and two-stage prediction):
 * the first-pass class of the token and its neighbours, the majority first-pass entity
 * type of the same word's other occurrences in the document (case-insensitive, so a
 * headline's GERMANY sees the body's Germany), which types they got at all, and the type
 * given to the word's first occurrence. Also, after Krishnan & Manning (2006)'s
 * "superentity" majority: the type of the first-pass names of two or more words elsewhere in
 * the document that contain the word (a lone "Clinton" after "Bill Clinton"), and of those it
 * ends; and whether an ALL-CAPS word spells the initials of such a name ("PLO" after
 * "Palestine Liberation Organisation").
 */
export function stackFeatures(doc: PreparedDoc, first: Int8Array, codes = false): { feats: Uint32Array; off: Int32Array; codes?: boolean } {
  const { entries, sentences, wid, flags, nWords } = doc;
  stackCodes = codes;
  const n = entries.length;
  if (typeCounts.length < nWords * 5) typeCounts = new Int32Array(nWords * 10);
  if (firstType.length < nWords) firstType = new Int8Array(nWords * 2);
  const counts = typeCounts;
  counts.fill(0, 0, nWords * 5);
  firstType.fill(-1, 0, nWords);
  for (let i = 0; i < n; i++) {
    const t = typeOfClass(first[i]);
    counts[wid[i] * 5 + t]++;
    if (firstType[wid[i]] < 0) firstType[wid[i]] = t;
  }
  // first-pass names of two or more tokens: which words they contain and end with, by type,
  // and the initials of their capitalised words
  if (superCounts.length < nWords * 5) { superCounts = new Int32Array(nWords * 10); lastCounts = new Int32Array(nWords * 10); }
  if (inName.length < n) inName = new Int8Array(n * 2);
  superCounts.fill(0, 0, nWords * 5);
  lastCounts.fill(0, 0, nWords * 5);
  inName.fill(0, 0, n);
  let acronyms: Map<number, number> | null = null;
  for (let si = 0; si < sentences.length; si += 2) {
    const e = sentences[si + 1];
    for (let i = sentences[si]; i < e; i++) {
      const t = typeOfClass(first[i]);
      if (t === 0) continue;
      let j = i + 1;
      while (j < e && typeOfClass(first[j]) === t && !beginsName(first[j])) j++;
      if (j - i >= 2) {
        let initials = '';
        for (let k = i; k < j; k++) {
          inName[k] = 2 + (k === j - 1 ? 1 : 0);
          superCounts[wid[k] * 5 + t]++;
          const cc = entries[k].caseClass;
          if (cc >= 2) initials += entries[k].word[0].toUpperCase();
        }
        lastCounts[wid[j - 1] * 5 + t]++;
        if (initials.length >= 2 && initials.length <= 6) {
          acronyms ??= new Map();
          const h = strHash(initials);
          acronyms.set(h, (acronyms.get(h) ?? 0) | (1 << t));
        }
      }
      i = j - 1;
    }
  }
  const off = new Int32Array(n + 1);
  let a = featBuf.a;
  let m = 0;
  for (let si = 0; si < sentences.length; si += 2) {
    const s = sentences[si];
    const e = sentences[si + 1];
    for (let i = s; i < e; i++) {
      off[i] = m;
      if (m + TOKEN_ROOM > a.length) a = featBuf.room(m, TOKEN_ROOM);
      const w = entries[i];
      const c = first[i];
      const l = i > s ? first[i - 1] : START;
      const r = i + 1 < e ? first[i + 1] : START;
      const f = flags[i];
      a[m++] = sf(S.CUR, c * 8 + w.caseClass);
      a[m++] = sf(S.LR, l * NPREV + c);
      a[m++] = sf(S.RR, c * NPREV + r);
      a[m++] = sf(S.LRR, (l * NPREV + c) * NPREV + r);
      if (!w.hasLetter) continue;
      const b = wid[i] * 5;
      const own = typeOfClass(c);
      let nOther = 0;
      let maj = -1;
      let majN = 0;
      for (let t = 0; t < 5; t++) {
        const k = counts[b + t] - (t === own ? 1 : 0);
        nOther += k;
        if (k > majN) { majN = k; maj = t; }
        if (t > 0 && k > 0) a[m++] = sf(S.ANY, t * 8 + w.caseClass);
      }
      if (nOther > 0) {
        const frac = majN === nOther ? 2 : majN * 2 > nOther ? 1 : 0;
        a[m++] = sf(S.MAJ, maj * 4 + frac);
        a[m++] = sf(S.MAJC, (maj * 8 + w.caseClass) * 4 + f);
        a[m++] = sf(S.FIRSTOCC, firstType[wid[i]] * 8 + w.caseClass);
      }
      // superentity: longer first-pass names elsewhere that contain (or end with) this word
      let sup = -1; let supN = 0; let last = -1; let lastN = 0;
      for (let t = 1; t < 5; t++) {
        const own2 = t === own ? 1 : 0;
        const k = superCounts[b + t] - (inName[i] >= 2 ? own2 : 0);
        if (k > supN) { supN = k; sup = t; }
        const kl = lastCounts[b + t] - (inName[i] === 3 ? own2 : 0);
        if (kl > lastN) { lastN = kl; last = t; }
      }
      if (sup > 0) {
        a[m++] = sf(S.SUPER, sup * 8 + w.caseClass);
        a[m++] = sf(S.SUPER_CUR, (sup * NPREV + c) * 2 + (inName[i] >= 2 ? 1 : 0));
      }
      if (last > 0) a[m++] = sf(S.SUPER_LAST, last * 8 + w.caseClass);
      // an ALL-CAPS word spelling the initials of a longer name in the document
      if (acronyms && w.caseClass === 3 && !(f & 2) && w.word.length <= 8) {
        const bits = acronyms.get(acronymKey(w.word)) ?? 0;
        for (let t = 1; t < 5; t++) {
          if (!(bits & (1 << t))) continue;
          a[m++] = sf(S.ACRO, t);
          a[m++] = sf(S.ACRO_CUR, t * NPREV + c);
        }
      }
    }
  }
  featBuf.n = m;
  off[n] = m;
  return codes ? { feats: featBuf.a.slice(0, featBuf.n), off, codes } : { feats: featBuf.a.slice(0, featBuf.n), off };
}
