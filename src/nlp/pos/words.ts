/**
 * @module nlp/pos/words
 * Word normalisation and per-token string hashes shared by the tagger and the parser.
 *
 * Why: the treebanks are mostly in straight ASCII quotes while news uses typographic ones
 * (“ ” ‘ ’ « » „), so the models see one spelling of each; digits are folded so "1,200"
 * and "3,450" share features, while shape features keep what kind of number it was.
 */
import { hashString } from './perceptron.js';
import { Lexicon, normKey, strHash } from '../ner/lexicon.js';
import { findModelFile } from './model.js';

/**
 * Word clusters and mid-sentence capitalisation rates learned from unlabelled news text
 * (Reuters-21578 and PolNeAR, by `scripts/build-clusters.ts`, the NER area's lexicon).
 * The tagger keeps its own copy (`models/pos/lexicon.bin`, copied when it is trained) so a
 * rebuilt NER lexicon cannot silently change the features the tagger was trained with.
 * Why: most tagging errors on web and news text are NN/NNP/JJ confusions of rare or
 * capitalised words, which clusters and capitalisation habits resolve.
 */
let lexicon: Lexicon | undefined;
function lex(): Lexicon {
  if (!lexicon) {
    const file = findModelFile('pos/lexicon.bin');
    lexicon = file ? Lexicon.load(file) : Lexicon.empty();
  }
  return lexicon;
}

// A Map, not an object literal: a token is arbitrary text, and "constructor" or "__proto__"
// must not find Object.prototype's members.
const QUOTE_MAP: ReadonlyMap<string, string> = new Map([
  ['“', '"'], ['”', '"'], ['„', '"'], ['‟', '"'], ['«', '"'], ['»', '"'], ['″', '"'], ['``', '"'], ["''", '"'],
  ['‘', "'"], ['’', "'"], ['‚', "'"], ['‛', "'"], ['‹', "'"], ['›', "'"],
  ['–', '-'], ['—', '--'], ['―', '--'], ['…', '...'],
]);

/**
 * The spelling the models see for a token.
 *
 * @example
 * normalizeWord('“') // '"'
 * normalizeWord('n’t') // "n't"
 */
export function normalizeWord(w: string): string {
  const mapped = QUOTE_MAP.get(w);
  if (mapped !== undefined) return mapped;
  if (w.includes('’') || w.includes('‘')) w = w.replace(/[’‘]/g, "'");
  return w;
}

/** Letters → X/x, digits → d, others kept; runs longer than two collapsed ("Xxx", "dd,ddd"). */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length && out.length < 8; i++) {
    const ch = w[i];
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else c = ch;
    if (c === last) {
      run++;
      if (run >= 2) continue;
    } else {
      run = 0;
    }
    last = c;
    out += c;
  }
  return out;
}

/** Hashed views of a sentence's words that the feature templates combine. */
export interface WordHashes {
  /** the normalised word, case kept */
  word: Uint32Array;
  /** lower-cased, digits folded to 0 */
  lower: Uint32Array;
  suf1: Uint32Array;
  suf2: Uint32Array;
  suf3: Uint32Array;
  suf4: Uint32Array;
  pre1: Uint32Array;
  pre2: Uint32Array;
  shape: Uint32Array;
  /** flags: 1 = has upper, 2 = has digit, 4 = has hyphen, 8 = all upper, 16 = first upper */
  flags: Uint32Array;
  /** word-cluster path with a leading 1 bit (0 = unknown word) */
  cluster: Uint32Array;
  /** capitalisation bucket in running news text (0 = unseen … 4 = always capitalised) */
  caps: Uint32Array;
  pre3: Uint32Array;
  pre4: Uint32Array;
  /** the lower-cased part after the last hyphen ("Russian-backed" → "backed"), or 0 */
  tail: Uint32Array;
}

/** The first `len` bits of a cluster path (which carries a leading 1 bit). */
export function clusterPrefix(path: number, len: number): number {
  if (path === 0) return 0;
  const bits = 31 - Math.clz32(path);
  return bits > len ? path >>> (bits - len) : path;
}

// The hashes of a word, memoised: a news text repeats its words, and a cache hit is
// one Map lookup instead of ten string operations. Bounded, so a long-running server
// does not grow without limit.
const VIEWS = 15;
const wordCache = new Map<string, Uint32Array>();

function views(raw: string): Uint32Array {
  let v = wordCache.get(raw);
  if (v) return v;
  v = new Uint32Array(VIEWS);
  const w = normalizeWord(raw);
  const lower = w.toLowerCase().replace(/[0-9]/g, '0');
  v[0] = hashString(w);
  v[1] = hashString(lower);
  v[2] = hashString(lower.slice(-1));
  v[3] = hashString(lower.slice(-2));
  v[4] = hashString(lower.slice(-3));
  v[5] = hashString(lower.slice(-4));
  v[6] = hashString(w.slice(0, 1));
  v[7] = hashString(lower.slice(0, 2));
  v[8] = hashString(wordShape(w));
  let f = 0;
  if (/\p{Lu}/u.test(w)) f |= 1;
  if (/[0-9]/.test(w)) f |= 2;
  if (w.includes('-')) f |= 4;
  if (/\p{Lu}/u.test(w) && w === w.toUpperCase()) f |= 8;
  if (/^\p{Lu}/u.test(w)) f |= 16;
  v[9] = f;
  const key = strHash(normKey(raw));
  const lx = lex();
  v[10] = lx.clusterOf(key);
  v[11] = lx.capsOf(key);
  v[12] = hashString(lower.slice(0, 3));
  v[13] = hashString(lower.slice(0, 4));
  const dash = lower.lastIndexOf('-');
  v[14] = dash > 0 && dash < lower.length - 1 ? hashString(lower.slice(dash + 1)) : 0;
  if (wordCache.size >= 100_000) wordCache.clear();
  wordCache.set(raw, v);
  return v;
}

/**
 * Computes the hashed views of `words` once, so each feature is an integer mix.
 *
 * @example
 * wordHashes(['The', 'talks', 'ended']).lower[1] === hashString('talks') // true
 */
export function wordHashes(words: readonly string[]): WordHashes {
  const n = words.length;
  const out: WordHashes = {
    word: new Uint32Array(n), lower: new Uint32Array(n), suf1: new Uint32Array(n), suf2: new Uint32Array(n),
    suf3: new Uint32Array(n), suf4: new Uint32Array(n), pre1: new Uint32Array(n), pre2: new Uint32Array(n),
    shape: new Uint32Array(n), flags: new Uint32Array(n), cluster: new Uint32Array(n), caps: new Uint32Array(n),
    pre3: new Uint32Array(n), pre4: new Uint32Array(n), tail: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const v = views(words[i]);
    out.word[i] = v[0];
    out.lower[i] = v[1];
    out.suf1[i] = v[2];
    out.suf2[i] = v[3];
    out.suf3[i] = v[4];
    out.suf4[i] = v[5];
    out.pre1[i] = v[6];
    out.pre2[i] = v[7];
    out.shape[i] = v[8];
    out.flags[i] = v[9];
    out.cluster[i] = v[10];
    out.caps[i] = v[11];
    out.pre3[i] = v[12];
    out.pre4[i] = v[13];
    out.tail[i] = v[14];
  }
  return out;
}
