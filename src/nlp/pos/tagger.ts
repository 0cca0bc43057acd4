/**
 * @module nlp/pos/tagger
 * A greedy left-to-right averaged-perceptron part-of-speech tagger (Collins 2002; the
 * feature set follows Honnibal's "A good POS tagger in about 200 lines", extended with
 * word shape, prefixes and a wider window). Output tags are Penn Treebank tags as in the
 * XPOS column of UD English-EWT.
 */
import { CompactModel, TrainableModel, argmax, feat1, feat2, rng, shuffle, type ScoringModel } from './perceptron.js';
import { clusterPrefix, wordHashes, type WordHashes } from './words.js';

/** What the tagger needs from a trained model: the tag set and the weights. */
export interface PosModel {
  tags: string[];
  weights: ScoringModel;
  /**
   * Tag dictionary: frequent words seen with one tag (≥ 97 % of ≥ 20 occurrences in
   * training), keyed by the hash of the normalised word (case kept) → tag index. They are
   * tagged without scoring (Honnibal's trick): about a third of news tokens, for free.
   */
  dict?: Map<number, number>;
}

const MAX_FEATS = 64;
/** Tag-dictionary thresholds (count, share of the majority tag). */
const DICT_MIN_COUNT = 20;
const DICT_MIN_SHARE = 0.97;
const START = 0x5ab7; // hash value of "before the sentence"
const END = 0x3e4d; // hash value of "after the sentence"

function at(a: Uint32Array, j: number): number {
  return j < 0 ? START : j >= a.length ? END : a[j];
}

/**
 * Features of token `i` that depend on its word alone (not on neighbours, position or
 * tags). Their summed weights are cached per word type at run time.
 */
function wordFeatures(hs: WordHashes, i: number, out: Uint32Array): number {
  const c = hs.cluster[i];
  let k = 0;
  out[k++] = feat1(1, 1);
  out[k++] = feat1(2, hs.word[i]);
  out[k++] = feat1(3, hs.lower[i]);
  out[k++] = feat1(4, hs.suf3[i]);
  out[k++] = feat1(5, hs.suf2[i]);
  out[k++] = feat1(6, hs.suf1[i]);
  out[k++] = feat1(7, hs.suf4[i]);
  out[k++] = feat1(8, hs.pre1[i]);
  out[k++] = feat1(9, hs.pre2[i]);
  out[k++] = feat1(10, hs.shape[i]);
  out[k++] = feat1(40, clusterPrefix(c, 4));
  out[k++] = feat1(41, clusterPrefix(c, 8));
  out[k++] = feat1(42, clusterPrefix(c, 12));
  out[k++] = feat1(43, c);
  // cached per word type, so free at run time: longer prefixes, the part after a hyphen
  // ("Russian-backed": VBN/JJ), a finer cluster, suffix × capitalisation
  out[k++] = feat1(50, hs.pre3[i]);
  out[k++] = feat1(51, hs.pre4[i]);
  out[k++] = feat1(52, hs.tail[i]);
  out[k++] = feat1(53, clusterPrefix(c, 16));
  out[k++] = feat2(54, hs.suf3[i], hs.flags[i] & 17);
  return k;
}

/** Features of token `i` in context: neighbours, position and the two previous predicted tags. */
function contextFeatures(hs: WordHashes, i: number, p1: number, p2: number, nd1: number, lv: number, lvWord: number, out: Uint32Array, k: number): number {
  const lower = hs.lower;
  const w = lower[i];
  const wm1 = at(lower, i - 1);
  const wp1 = at(lower, i + 1);
  out[k++] = feat2(11, hs.flags[i], i === 0 ? 1 : 0);
  out[k++] = feat1(12, p1);
  out[k++] = feat2(13, p1, p2);
  out[k++] = feat2(14, p1, w);
  out[k++] = feat1(15, wm1);
  out[k++] = feat1(16, at(hs.suf3, i - 1));
  out[k++] = feat1(17, at(lower, i - 2));
  out[k++] = feat1(18, wp1);
  out[k++] = feat1(19, at(hs.suf3, i + 1));
  out[k++] = feat1(20, at(lower, i + 2));
  out[k++] = feat2(21, wm1, w);
  out[k++] = feat2(22, w, wp1);
  out[k++] = feat2(23, p1, wp1);
  out[k++] = feat1(24, at(hs.shape, i + 1));
  out[k++] = feat1(25, at(hs.shape, i - 1));
  out[k++] = feat2(26, p1, hs.suf3[i]);
  out[k++] = feat2(27, at(hs.suf2, i + 1), hs.suf2[i]);
  out[k++] = feat2(28, wm1, wp1);
  out[k++] = feat2(29, hs.word[i], at(hs.word, i + 1));
  out[k++] = feat2(30, at(hs.suf1, i + 1), at(hs.suf1, i + 2));
  out[k++] = feat2(31, p1, hs.shape[i]);
  out[k++] = feat2(32, p2, wm1);
  // unlabelled-text knowledge: neighbours' clusters, capitalisation habits
  const c = hs.cluster[i];
  const cm1 = i > 0 ? clusterPrefix(hs.cluster[i - 1], 8) : START;
  const cp1 = i + 1 < lower.length ? clusterPrefix(hs.cluster[i + 1], 8) : END;
  out[k++] = feat2(44, hs.caps[i], (hs.flags[i] & 16) | (i === 0 ? 1 : 0));
  out[k++] = feat1(45, cp1);
  out[k++] = feat1(46, cm1);
  out[k++] = feat2(47, p1, clusterPrefix(c, 8));
  out[k++] = feat2(48, clusterPrefix(c, 8), cp1);
  // look-ahead: the next word's tag when it is a dictionary word (Ratnaparkhi's
  // ambiguity class, for "that"/"to"/"as" and VBD/VBN before a determiner)
  out[k++] = feat1(55, nd1);
  out[k++] = feat2(56, p1, nd1);
  // the last verb or modal to the left (tag, and its word): VBD vs VBN of an -ed word
  // ("the army killed" vs "the convoy was attacked"), VB vs VBP after a modal
  out[k++] = feat2(57, lv, hs.suf2[i]);
  out[k++] = feat2(58, lvWord, hs.suf2[i]);
  return k;
}

/** All features of token `i` (training sees them together). */
function features(hs: WordHashes, i: number, p1: number, p2: number, nd1: number, lv: number, lvWord: number, out: Uint32Array): number {
  return contextFeatures(hs, i, p1, p2, nd1, lv, lvWord, out, wordFeatures(hs, i, out));
}

/** Which tags are verbs or modals (for the last-verb features). */
function verbTags(tags: readonly string[]): Uint8Array {
  return Uint8Array.from(tags, (t) => (t.startsWith('VB') || t === 'MD' ? 1 : 0));
}
const verbTagCache = new WeakMap<readonly string[], Uint8Array>();

/** The dictionary tag of word i + 1 as a feature value (1-based tag; 0 = none; END after). */
function nextDictTag(dict: Map<number, number> | undefined, hs: WordHashes, i: number): number {
  if (i + 1 >= hs.word.length) return END;
  const t = dict?.get(hs.word[i + 1]);
  return t === undefined ? 0 : t + 1;
}

/** Builds the tag dictionary from training data (see {@link PosModel.dict}). */
function buildDict(data: TaggedSentence[], hashes: WordHashes[], tagId: Map<string, number>, nTags: number): Map<number, number> {
  const counts = new Map<number, Uint32Array>();
  data.forEach((s, si) => {
    const w = hashes[si].word;
    for (let i = 0; i < s.words.length; i++) {
      let c = counts.get(w[i]);
      if (!c) counts.set(w[i], (c = new Uint32Array(nTags)));
      c[tagId.get(s.tags[i])!]++;
    }
  });
  const dict = new Map<number, number>();
  for (const [w, c] of counts) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < nTags; t++) {
      total += c[t];
      if (c[t] > c[best]) best = t;
    }
    if (total >= DICT_MIN_COUNT && c[best] >= DICT_MIN_SHARE * total) dict.set(w, best);
  }
  return dict;
}

// Per-model cache of a word type's summed word-only scores, with its dictionary tag (or
// -1) in the last cell: news repeats its words, so most tokens cost one Map lookup plus
// the context features, and dictionary words nothing more. Keyed by the weights object.
const wordScoreCache = new WeakMap<object, Map<string, Float64Array>>();

/**
 * Tags one sentence.
 *
 * @example
 * tagWords(model, ['He', 'said', 'that', 'talks', 'failed', '.'])
 * // ['PRP', 'VBD', 'IN', 'NNS', 'VBD', '.']
 */
export function tagWords(model: PosModel, words: readonly string[]): string[] {
  return tagWordsWithAlts(model, words, null);
}

/**
 * {@link tagWords}, also writing into `alts` each token's runner-up tag (its own tag for
 * dictionary words): the parser reads both, so it can hedge on the tagger's usual
 * confusions (VBD/VBN, JJ/NN) instead of following one wrong tag.
 *
 * @example
 * const alts: string[] = [];
 * tagWordsWithAlts(model, ['Talks', 'resumed', '.'], alts) // ['NNS', 'VBD', '.']; alts[1] === 'VBN'
 */
export function tagWordsWithAlts(model: PosModel, words: readonly string[], alts: string[] | null): string[] {
  const n = words.length;
  const hs = wordHashes(words);
  const fs = new Uint32Array(MAX_FEATS);
  const T = model.tags.length;
  const out: string[] = new Array(n);
  const ctx = new Float64Array(T);
  const dict = model.dict;
  let cache = wordScoreCache.get(model.weights);
  if (!cache) wordScoreCache.set(model.weights, (cache = new Map()));
  // word-level scores of the whole sentence first, so the look-ahead can read the next
  // word's dictionary tag
  const rows: Float64Array[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let ws = cache.get(words[i]);
    if (!ws) {
      ws = new Float64Array(T + 1);
      const t = dict?.get(hs.word[i]);
      ws[T] = t === undefined ? -1 : t;
      if (t === undefined) model.weights.scoreRaw(fs, wordFeatures(hs, i, fs), ws);
      if (cache.size >= 50_000) cache.clear();
      cache.set(words[i], ws);
    }
    rows[i] = ws;
  }
  let isVerb = verbTagCache.get(model.tags);
  if (!isVerb) verbTagCache.set(model.tags, (isVerb = verbTags(model.tags)));
  let p1 = START;
  let p2 = START;
  let lv = START;
  let lvWord = START;
  for (let i = 0; i < n; i++) {
    const ws = rows[i];
    let t = ws[T];
    if (t < 0) {
      const nd1 = i + 1 < n ? rows[i + 1][T] + 1 : END;
      model.weights.scoreRaw(fs, contextFeatures(hs, i, p1, p2, nd1, lv, lvWord, fs, 0), ctx);
      let best = -Infinity;
      let second = -Infinity;
      let t2 = -1;
      for (let c = 0; c < T; c++) {
        const v = ws[c] + ctx[c];
        if (v > best) {
          second = best;
          t2 = t;
          best = v;
          t = c;
        } else if (v > second) {
          second = v;
          t2 = c;
        }
      }
      if (alts) alts[i] = model.tags[t2 >= 0 ? t2 : t];
    } else if (alts) {
      alts[i] = model.tags[t];
    }
    out[i] = model.tags[t];
    p2 = p1;
    p1 = t + 1;
    if (isVerb[t]) {
      lv = t + 1;
      lvWord = hs.lower[i];
    }
  }
  return out;
}

/** A tagged sentence for training. */
export interface TaggedSentence {
  words: string[];
  tags: string[];
}

/** Options of {@link trainTagger}. */
export interface TrainTaggerOptions {
  epochs?: number;
  seed?: number;
  /** Called after each epoch with its training accuracy (and dev accuracy when given). */
  onEpoch?: (epoch: number, trainAcc: number, devAcc: number | null) => void;
  dev?: TaggedSentence[];
  /** Drop averaged weights smaller than this when compacting. */
  minWeight?: number;
}

/**
 * Trains a tagger. The previous-tag features use the tagger's own predictions during
 * training (as at run time), so it learns to recover from its own mistakes.
 *
 * @example
 * const model = trainTagger(sentences, { epochs: 8, seed: 1 });
 */
export function trainTagger(data: TaggedSentence[], opts: TrainTaggerOptions = {}): PosModel & { weights: CompactModel; dict: Map<number, number> } {
  const tagSet = new Set<string>();
  for (const s of data) for (const t of s.tags) tagSet.add(t);
  const tags = [...tagSet].sort();
  const tagId = new Map(tags.map((t, i) => [t, i]));
  const model = new TrainableModel(tags.length);
  const rand = rng(opts.seed ?? 1);
  const order = data.map((_, i) => i);
  const fs = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(tags.length);
  const hashes = data.map((s) => wordHashes(s.words));
  const dict = buildDict(data, hashes, tagId, tags.length);
  const isVerb = verbTags(tags);
  const epochs = opts.epochs ?? 8;
  for (let e = 0; e < epochs; e++) {
    shuffle(order, rand);
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const s = data[si];
      const hs = hashes[si];
      let p1 = START;
      let p2 = START;
      let lv = START;
      let lvWord = START;
      for (let i = 0; i < s.words.length; i++) {
        const gold = tagId.get(s.tags[i])!;
        let guess = dict.get(hs.word[i]) ?? -1;
        if (guess < 0) {
          const k = features(hs, i, p1, p2, nextDictTag(dict, hs, i), lv, lvWord, fs);
          model.score(fs, k, scores);
          guess = argmax(scores, tags.length);
          if (guess !== gold) model.update(fs, k, gold, guess);
          model.tick();
        }
        if (guess === gold) correct++;
        total++;
        p2 = p1;
        p1 = guess + 1;
        if (isVerb[guess]) {
          lv = guess + 1;
          lvWord = hs.lower[i];
        }
      }
    }
    let devAcc: number | null = null;
    if (opts.dev && opts.onEpoch) {
      const snap = { tags, weights: model.compact(0), dict };
      devAcc = accuracy(snap, opts.dev);
    }
    opts.onEpoch?.(e + 1, correct / total, devAcc);
  }
  return { tags, weights: model.compact(opts.minWeight ?? 0), dict };
}

/** Token accuracy of `model` on `data`. */
export function accuracy(model: PosModel, data: TaggedSentence[]): number {
  let correct = 0;
  let total = 0;
  for (const s of data) {
    const pred = tagWords(model, s.words);
    for (let i = 0; i < pred.length; i++) if (pred[i] === s.tags[i]) correct++;
    total += pred.length;
  }
  return total ? correct / total : 0;
}
