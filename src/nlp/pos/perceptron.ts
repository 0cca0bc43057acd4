/**
 * @module nlp/pos/perceptron
 * The averaged perceptron shared by the tagger, the parser and the labeller: integer
 * feature hashing, a trainable weight table, and a compact read-only model that is
 * saved as one gzipped binary file (quantised to 16-bit weights).
 *
 * Why this shape: features are 32-bit hashes (no strings kept, so a shipped model holds
 * no word list from the treebank), looked up in an open-addressing table of typed arrays,
 * and a feature's weights are one short sparse row (class index + weight). Scoring a
 * token is a few dozen lookups and adds, which is what makes the tagger and parser fast
 * in plain JavaScript.
 */
import { strHash } from '../ner/hash.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

// ---------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------

/**
 * FNV-1a over UTF-16 code units, as an unsigned 32-bit integer: the NER model's string hash,
 * shared so the two taggers hash words alike.
 *
 * @example
 * hashString('said') === hashString('said') // true; differs from hashString('says')
 */
export const hashString = strHash;

/** Mixes one more integer into a running hash (murmur3-style round). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche, so near-equal inputs land far apart in the table. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A feature id from a template number and up to four hashed values.
 *
 * @example
 * feat(3, hashString('the'), hashString('NN')) // a uint32
 */
export function feat(template: number, a: number, b = 0, c = 0, d = 0): number {
  let h = mix(0x9747b28c, template);
  h = mix(h, a);
  h = mix(h, b);
  h = mix(h, c);
  h = mix(h, d);
  return fmix(h);
}

/** {@link feat} with one value: fewer mixing rounds, for the tagger's hot loop. */
export function feat1(template: number, a: number): number {
  return fmix(mix(mix(0x3c6ef372, template), a));
}

/** {@link feat} with two values. */
export function feat2(template: number, a: number, b: number): number {
  return fmix(mix(mix(mix(0x3c6ef372, template), a), b));
}

/** {@link feat} with three values. */
export function feat3(template: number, a: number, b: number, c: number): number {
  return fmix(mix(mix(mix(mix(0x3c6ef372, template), a), b), c));
}

/** {@link feat} with four values. */
export function feat4(template: number, a: number, b: number, c: number, d: number): number {
  return fmix(mix(mix(mix(mix(mix(0x3c6ef372, template), a), b), c), d));
}

/** A small seeded PRNG (mulberry32), so training runs are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle in place with the given PRNG. */
export function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
  return xs;
}

// ---------------------------------------------------------------------------
// Open-addressing table: uint32 feature → row number
// ---------------------------------------------------------------------------

/** Maps uint32 keys to dense row numbers (0, 1, 2, …) with linear probing. */
export class FeatureIndex {
  private keys: Uint32Array;
  private rows: Int32Array; // row + 1; 0 = empty
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The row of `key`, or -1. */
  get(key: number): number {
    let i = key & this.mask;
    for (;;) {
      const r = this.rows[i];
      if (r === 0) return -1;
      if (this.keys[i] === key) return r - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** The row of `key`, adding it (as the next row) when new. */
  add(key: number): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let i = key & this.mask;
    for (;;) {
      const r = this.rows[i];
      if (r === 0) {
        this.keys[i] = key;
        this.rows[i] = ++this.size;
        return this.size - 1;
      }
      if (this.keys[i] === key) return r - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** All keys, indexed by row. */
  keysByRow(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let i = 0; i <= this.mask; i++) if (this.rows[i] !== 0) out[this.rows[i] - 1] = this.keys[i];
    return out;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    const cap = (this.mask + 1) * 2;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldRows.length; j++) {
      const r = oldRows[j];
      if (r === 0) continue;
      let i = oldKeys[j] & this.mask;
      while (this.rows[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = oldKeys[j];
      this.rows[i] = r;
    }
  }
}

// ---------------------------------------------------------------------------
// Training-time weights (dense rows, averaged lazily)
// ---------------------------------------------------------------------------

/**
 * Averaged perceptron weights while training. A row (one per feature seen in an update)
 * holds a weight per class. Averaging uses the "w − u/c" trick: `u` accumulates
 * `c · Δw`, so the average is computed once at the end instead of on every step.
 */
export class TrainableModel {
  readonly nClasses: number;
  private index = new FeatureIndex(1 << 18);
  private w: Float32Array;
  private u: Float64Array;
  /** Counts instances seen; the averaging clock. */
  clock = 1;

  constructor(nClasses: number) {
    this.nClasses = nClasses;
    this.w = new Float32Array(nClasses * (1 << 16));
    this.u = new Float64Array(nClasses * (1 << 16));
  }

  /** Adds the current weights of `n` features into `scores` (which it first zeroes). */
  score(feats: Uint32Array, n: number, scores: Float64Array): void {
    const C = this.nClasses;
    scores.fill(0, 0, C);
    for (let f = 0; f < n; f++) {
      const r = this.index.get(feats[f]);
      if (r < 0) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) scores[c] += this.w[base + c];
    }
  }

  /** Perceptron update: +1 for `good`, −1 for `bad` on every feature. */
  update(feats: Uint32Array, n: number, good: number, bad: number): void {
    if (good === bad) return;
    const C = this.nClasses;
    const c = this.clock;
    for (let f = 0; f < n; f++) {
      const r = this.index.add(feats[f]);
      if ((r + 1) * C > this.w.length) this.growTo((r + 1) * C);
      const base = r * C;
      this.w[base + good] += 1;
      this.u[base + good] += c;
      this.w[base + bad] -= 1;
      this.u[base + bad] -= c;
    }
  }

  /** Advances the averaging clock; call once per training instance. */
  tick(): void {
    this.clock++;
  }

  /** The number of feature rows. */
  get rows(): number {
    return this.index.size;
  }

  /**
   * The averaged weights as a compact model. Weights whose magnitude is below
   * `minWeight` are dropped (pruning), and what is left is quantised to int16.
   */
  compact(minWeight = 0): CompactModel {
    const C = this.nClasses;
    const keys = this.index.keysByRow();
    const rows = keys.length;
    const c = this.clock;
    let maxAbs = 0;
    const avg = new Float32Array(rows * C);
    for (let i = 0; i < rows * C; i++) {
      const a = this.w[i] - this.u[i] / c;
      avg[i] = a;
      const m = Math.abs(a);
      if (m > maxAbs) maxAbs = m;
    }
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const keep: number[] = [];
    let nnz = 0;
    for (let r = 0; r < rows; r++) {
      let k = 0;
      for (let j = 0; j < C; j++) if (Math.abs(avg[r * C + j]) >= minWeight && Math.round(avg[r * C + j] / scale) !== 0) k++;
      if (k > 0) {
        keep.push(r);
        nnz += k;
      }
    }
    const outKeys = new Uint32Array(keep.length);
    const offsets = new Uint32Array(keep.length + 1);
    const classes = new Uint8Array(nnz);
    const qweights = new Int16Array(nnz);
    let p = 0;
    keep.forEach((r, i) => {
      outKeys[i] = keys[r];
      offsets[i] = p;
      for (let j = 0; j < C; j++) {
        const a = avg[r * C + j];
        const q = Math.round(a / scale);
        if (Math.abs(a) >= minWeight && q !== 0) {
          classes[p] = j;
          qweights[p] = q;
          p++;
        }
      }
    });
    offsets[keep.length] = p;
    return new CompactModel(C, outKeys, offsets, classes, qweights, scale);
  }

  private growTo(min: number): void {
    let len = this.w.length;
    while (len < min) len *= 2;
    const w = new Float32Array(len);
    w.set(this.w);
    const u = new Float64Array(len);
    u.set(this.u);
    this.w = w;
    this.u = u;
  }
}

// ---------------------------------------------------------------------------
// Run-time model (sparse rows, read-only)
// ---------------------------------------------------------------------------

/**
 * A trained linear model: feature hash → row of class weights. Read-only once built, so
 * one instance can be shared by every engine in the process.
 *
 * Why this layout: scoring is bound by cache misses, not arithmetic (a parser transition
 * looks up ~75 features in tables of tens of MB), so each feature should cost one miss.
 * - Few classes (the parser's 4 actions): one open-addressing slot holds the key and all
 *   class weights as int16 (12 bytes), so a hit reads one cache line.
 * - Many classes (tags, relations): a slot is 16 bytes — key, entry count and up to two
 *   (class, weight) entries inline; only rows with more entries point into a pool.
 * Tables are sized to a load of at most 0.7: a miss (most conjunction features) ends after
 * a few probes within one or two cache lines, and the tagger's table stays at 8 MB, which
 * matters in the pipeline where the other stages' tables compete for the same cache (0.6
 * doubled it to 16 MB and cost ~15 % of the tagger's time there). Key 0 marks an empty
 * slot; a real key 0 is stored as 1.
 */
export class CompactModel {
  readonly nClasses: number;
  private table: Int32Array;
  private table16: Int16Array;
  private mask: number;
  private stride: number;
  private dense: boolean;
  private pool: Int32Array;

  constructor(
    nClasses: number,
    readonly keys: Uint32Array,
    readonly offsets: Uint32Array,
    readonly classes: Uint8Array,
    readonly qweights: Int16Array,
    readonly scale: number,
  ) {
    this.nClasses = nClasses;
    this.dense = nClasses <= 4;
    this.stride = this.dense ? 3 : 4;
    let cap = 1;
    while (cap * 0.7 < keys.length) cap <<= 1;
    this.mask = cap - 1;
    const S = this.stride;
    this.table = new Int32Array(cap * S);
    this.table16 = new Int16Array(this.table.buffer);
    // rows with more than two entries go to the pool: size it first, then fill in one pass
    let poolSize = 0;
    if (!this.dense) for (let r = 0; r < keys.length; r++) if (offsets[r + 1] - offsets[r] > 2) poolSize += offsets[r + 1] - offsets[r];
    const pool = new Int32Array(poolSize);
    let poolAt = 0;
    const table = this.table;
    const t16 = this.table16;
    const mask = this.mask;
    for (let r = 0; r < keys.length; r++) {
      const key = keys[r] | 0 || 1;
      let i = key & mask;
      while (table[i * S] !== 0) i = (i + 1) & mask;
      const b = i * S;
      table[b] = key;
      const from = offsets[r];
      const to = offsets[r + 1];
      if (this.dense) {
        for (let p = from; p < to; p++) t16[2 * b + 2 + classes[p]] = qweights[p];
        continue;
      }
      const n = to - from;
      table[b + 1] = n;
      if (n <= 2) {
        if (n > 0) table[b + 2] = (classes[from] << 16) | (qweights[from] & 0xffff);
        if (n > 1) table[b + 3] = (classes[from + 1] << 16) | (qweights[from + 1] & 0xffff);
      } else {
        table[b + 2] = poolAt;
        for (let p = from; p < to; p++) pool[poolAt++] = (classes[p] << 16) | (qweights[p] & 0xffff);
      }
    }
    this.pool = pool;
  }

  /**
   * Sums the int16 weights of `n` features into `scores` (which it first zeroes), without
   * the scale: enough for an argmax, and scores of one model can be added up.
   */
  scoreRaw(feats: Uint32Array, n: number, scores: Float64Array): void {
    const table = this.table;
    const mask = this.mask;
    if (this.dense) {
      const t16 = this.table16;
      let a = 0, b = 0, c = 0, d = 0;
      for (let f = 0; f < n; f++) {
        const key = feats[f] | 0 || 1;
        let i = key & mask;
        for (;;) {
          const s = i * 3;
          const k = table[s];
          if (k === key) {
            const w = 2 * s + 2;
            a += t16[w];
            b += t16[w + 1];
            c += t16[w + 2];
            d += t16[w + 3];
            break;
          }
          if (k === 0) break;
          i = (i + 1) & mask;
        }
      }
      scores[0] = a;
      scores[1] = b;
      scores[2] = c;
      scores[3] = d;
      return;
    }
    scores.fill(0, 0, this.nClasses);
    const pool = this.pool;
    for (let f = 0; f < n; f++) {
      const key = feats[f] | 0 || 1;
      let i = key & mask;
      for (;;) {
        const s = i << 2;
        const k = table[s];
        if (k === key) {
          const cnt = table[s + 1];
          if (cnt <= 2) {
            if (cnt > 0) {
              const x = table[s + 2];
              scores[x >>> 16] += (x << 16) >> 16;
              if (cnt > 1) {
                const y = table[s + 3];
                scores[y >>> 16] += (y << 16) >> 16;
              }
            }
          } else {
            for (let p = table[s + 2], e = p + cnt; p < e; p++) {
              const x = pool[p];
              scores[x >>> 16] += (x << 16) >> 16;
            }
          }
          break;
        }
        if (k === 0) break;
        i = (i + 1) & mask;
      }
    }
  }

  /** Sums the weights of `n` features into `scores` (which it first zeroes). */
  score(feats: Uint32Array, n: number, scores: Float64Array): void {
    this.scoreRaw(feats, n, scores);
    const sc = this.scale;
    for (let c = 0; c < this.nClasses; c++) scores[c] *= sc;
  }

  /** Number of features kept and of non-zero weights. */
  get stats(): { features: number; weights: number } {
    return { features: this.keys.length, weights: this.qweights.length };
  }

  /** The arrays to save (see {@link saveModelFile}). */
  toArrays(prefix: string): Record<string, Uint32Array | Uint8Array | Int16Array> {
    return {
      [`${prefix}.keys`]: this.keys,
      [`${prefix}.offsets`]: this.offsets,
      [`${prefix}.classes`]: this.classes,
      [`${prefix}.weights`]: this.qweights,
    };
  }

  /** Rebuilds a model from {@link toArrays}' output. */
  static fromArrays(prefix: string, nClasses: number, scale: number, arrays: Record<string, ArrayBufferView>): CompactModel {
    const get = <T>(name: string): T => {
      const a = arrays[`${prefix}.${name}`];
      if (!a) throw new Error(`model file lacks array ${prefix}.${name}`);
      return a as T;
    };
    return new CompactModel(nClasses, get<Uint32Array>('keys'), get<Uint32Array>('offsets'), get<Uint8Array>('classes'), get<Int16Array>('weights'), scale);
  }
}

/** What decoding needs from a linear model (a trained {@link CompactModel}). */
export interface ScoringModel {
  /** Scores in the model's own units (for argmax and sums within one model). */
  scoreRaw(feats: Uint32Array, n: number, scores: Float64Array): void;
}

/** Index of the highest score among `n` classes, restricted to `allowed` when given. */
export function argmax(scores: Float64Array, n: number, allowed?: ArrayLike<boolean>): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (allowed && !allowed[c]) continue;
    if (scores[c] > bestScore) {
      bestScore = scores[c];
      best = c;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Model files: magic, JSON header, then raw little-endian arrays; gzipped.
// ---------------------------------------------------------------------------

const MAGIC = 'DLNMODEL1';
type ArrayKind = 'u32' | 'u8' | 'i16' | 'f32' | 'i32';

function kindOf(a: ArrayBufferView): ArrayKind {
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Int16Array) return 'i16';
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Int32Array) return 'i32';
  throw new Error('unsupported array type');
}

/**
 * Writes `header` (any JSON) and named typed arrays to one gzipped file.
 *
 * @example
 * saveModelFile('models/pos/pos.bin', { tags }, model.toArrays('tag'))
 */
export function saveModelFile(path: string, header: unknown, arrays: Record<string, ArrayBufferView>): void {
  const layout = Object.entries(arrays).map(([name, a]) => ({ name, kind: kindOf(a), length: a.byteLength / (a as Uint8Array).BYTES_PER_ELEMENT }));
  const head = Buffer.from(JSON.stringify({ header, layout }), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'ascii'), Buffer.alloc(4), head];
  parts[1].writeUInt32LE(head.length, 0);
  let offset = MAGIC.length + 4 + head.length;
  for (const [, a] of Object.entries(arrays)) {
    // pad to 4 bytes so each array can be viewed in place after loading
    const pad = (4 - (offset % 4)) % 4;
    if (pad) parts.push(Buffer.alloc(pad));
    offset += pad;
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    offset += a.byteLength;
  }
  writeFileSync(path, gzipSync(Buffer.concat(parts), { level: 9 }));
}

/** Reads a file written by {@link saveModelFile}. */
export function loadModelFile<H>(path: string): { header: H; arrays: Record<string, ArrayBufferView> } {
  const raw = gunzipSync(readFileSync(path));
  // copy into a fresh, aligned ArrayBuffer
  const buf = new Uint8Array(raw.length);
  buf.set(raw);
  const magic = Buffer.from(buf.buffer, 0, MAGIC.length).toString('ascii');
  if (magic !== MAGIC) throw new Error(`${path}: not a dateline model file`);
  const headLen = new DataView(buf.buffer).getUint32(MAGIC.length, true);
  const start = MAGIC.length + 4;
  const { header, layout } = JSON.parse(Buffer.from(buf.buffer, start, headLen).toString('utf8')) as {
    header: H;
    layout: { name: string; kind: ArrayKind; length: number }[];
  };
  let offset = start + headLen;
  const arrays: Record<string, ArrayBufferView> = {};
  for (const { name, kind, length } of layout) {
    offset += (4 - (offset % 4)) % 4;
    const ctor = { u32: Uint32Array, u8: Uint8Array, i16: Int16Array, f32: Float32Array, i32: Int32Array }[kind];
    arrays[name] = new ctor(buf.buffer, offset, length);
    offset += length * ctor.BYTES_PER_ELEMENT;
  }
  return { header, arrays };
}
