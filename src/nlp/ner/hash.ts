/**
 * @module nlp/ner/hash
 * 32-bit integer hashing for features: a feature is never a string at run time, only a
 * number made from a template id and the hashes of its parts. Collisions at 32 bits are rare
 * enough (a few in millions) that the tagger does not notice them.
 */

/**
 * FNV-1a over the UTF-16 code units of `s`.
 *
 * @example
 * strHash('Korea') === strHash('Korea') // true
 */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Combines two 32-bit values into one (murmur3's finaliser over a multiply-xor), never 0,
 * since 0 marks an empty slot in the hash tables.
 *
 * @example
 * mix(1, strHash('korea')) !== mix(2, strHash('korea')) // true
 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/**
 * An open-addressing map from non-zero 32-bit keys to row numbers, in typed arrays: the
 * lookup the tagger does tens of times per token.
 */
export class HashIndex {
  keys: Uint32Array;
  rows: Int32Array;
  /**
   * The same table interleaved (key as int32, row) for `get`: a lookup then touches one
   * cache line instead of two, which matters since the model tables are megabytes and the
   * lookups land at random.
   */
  private slots: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** The row of `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const k32 = key | 0;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = slots[i << 1];
      if (k === k32) return slots[(i << 1) + 1];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Sets the row of `key` (adds it when absent). */
  set(key: number, row: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) { this.rows[i] = row; this.slots[(i << 1) + 1] = row; return; }
      if (k === 0) { keys[i] = key; this.rows[i] = row; this.slots[i << 1] = key | 0; this.slots[(i << 1) + 1] = row; this.size++; return; }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.rows = new Int32Array(oldKeys.length * 2);
    this.slots = new Int32Array(oldKeys.length * 4);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i], oldRows[i]);
  }
}

/**
 * A frozen open-addressing key set whose slot number is the row: the weights of key `k` sit at
 * row `get(k)` of arrays sized `capacity` rows. A lookup reads only the key array (4 bytes a
 * slot, so the probe stays in one cache line and the whole key array in the core's L2), and
 * the weight row's address is known as soon as the key matches, instead of after a second
 * load of the row number (`HashIndex`'s two dependent loads per hit). Filled up to 80 %.
 */
export class SlotTable {
  /** keys by slot (0: empty), as int32 for the probe */
  readonly keys32: Int32Array;
  /** `HashIndex`-style views: the key and row (= slot) of every occupied slot */
  readonly keys: Uint32Array;
  readonly rows: Int32Array;
  readonly mask: number;
  readonly size: number;

  constructor(keys: ArrayLike<number>) {
    let cap = 16;
    while (cap * 0.8 < keys.length) cap <<= 1;
    this.keys32 = new Int32Array(cap);
    this.keys = new Uint32Array(this.keys32.buffer);
    this.rows = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    let n = 0;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j] | 0;
      if (key === 0) continue;
      let i = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
      while (this.keys32[i] !== 0 && this.keys32[i] !== key) i = (i + 1) & this.mask;
      if (this.keys32[i] === 0) { this.keys32[i] = key; this.rows[i] = i; n++; }
    }
    this.size = n;
  }

  /** Number of slots (rows of the weight arrays). */
  get capacity(): number { return this.mask + 1; }

  /** The slot (row) of `key`, or -1. */
  get(key: number): number {
    const keys = this.keys32;
    const mask = this.mask;
    const k32 = key | 0;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i];
      if (k === k32) return i;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }
}
