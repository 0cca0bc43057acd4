/**
 * @module nlp/ner/tags
 * The tagger's internal tag set. Shipped: IOB2 (O, B-X, I-X). `NER_TAGS=BILOU` (read when
 * this module loads, for training experiments) switches to BILOU (Begin, Inside, Last,
 * Unit-length, Outside; Ratinov & Roth 2009), which tells the model where a name ends as
 * well as where it begins. On CoNLL-2003 dev it did not beat IOB2 with this Viterbi tagger
 * (92.87 against 93.02, both passes) and it costs ~1.8× the per-feature work, so it is not
 * shipped (bench/results/ner.md). Output is IOB2 either way (Contract 2): B and U are
 * written B-X, I and L are written I-X. A model file records its tag set; loading one made
 * for the other fails with a message.
 */

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const SCHEME: 'IOB2' | 'BILOU' = process.env.NER_TAGS === 'BILOU' ? 'BILOU' : 'IOB2';
/** Parts of a name, in class order within a type. */
const PARTS = SCHEME === 'BILOU' ? ['B', 'I', 'L', 'U'] : ['B', 'I'];

/** Class ids: 0 O, then per type (PER ORG LOC MISC) its parts (B I, or B I L U). */
export const CLASSES: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => PARTS.map((p) => p + '-' + t))];
export const NC = CLASSES.length; // 9 (IOB2) or 17 (BILOU)
/** The previous-tag index before a sentence's first token. */
export const START = NC;
/** Previous-tag values: the NC classes and START. */
export const NPREV = NC + 1;

const TYPE_OF = Int8Array.from({ length: NPREV }, (_, c) => (c === 0 || c === START ? 0 : Math.floor((c - 1) / PARTS.length) + 1));
const PART_OF = Array.from({ length: NPREV }, (_, c) => (c === 0 || c === START ? 'O' : PARTS[(c - 1) % PARTS.length]));

/** Entity type index of a class: 0 O, 1 PER, 2 ORG, 3 LOC, 4 MISC. */
export const typeOfClass = (c: number): number => TYPE_OF[c];
/** Does class `c` begin a name (B-X, or U-X in BILOU)? */
export const beginsName = (c: number): boolean => PART_OF[c] === 'B' || PART_OF[c] === 'U';

/** May the next token begin a name or be O after class `c` (or START)? In IOB2 always. */
export const closes = (c: number): boolean => SCHEME === 'IOB2' || PART_OF[c] === 'O' || PART_OF[c] === 'L' || PART_OF[c] === 'U';
/** Is `c` O or the first tag of a name (the classes that may follow a closed name)? */
const opens = (c: number): boolean => PART_OF[c] === 'O' || beginsName(c);

/** May class `c` follow `prev` (a class or START)? */
export function allowedAfter(prev: number, c: number): boolean {
  if (opens(c)) return closes(prev);
  // I-X (and L-X): only after B-X or I-X of the same type
  return (PART_OF[prev] === 'B' || PART_OF[prev] === 'I') && TYPE_OF[prev] === TYPE_OF[c];
}

/** allowedAfter as a table: ALLOWED[prev * NC + c]. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array(NPREV * NC);
  for (let p = 0; p < NPREV; p++) for (let c = 0; c < NC; c++) a[p * NC + c] = allowedAfter(p, c) ? 1 : 0;
  return a;
})();

const classRange = Array.from({ length: NC }, (_, c) => c);
/** Classes that may end a sentence (no name left open). */
export const END_OK = Uint8Array.from(classRange, (c) => (closes(c) ? 1 : 0));
/** The classes O and the first tags of names, whose allowed previous tags are `OUTSIDE`. */
export const OPENING = Int8Array.from(classRange.filter((c) => opens(c)));
/** Classes after which a name may begin (all of them in IOB2; O, L-X, U-X in BILOU). */
export const OUTSIDE = Int8Array.from(classRange.filter((c) => closes(c)));
/** The other classes (I-X, and L-X in BILOU), each allowed only after B-X or I-X of its type. */
export const INSIDE = Int8Array.from(classRange.filter((c) => !opens(c)));
/** B-X of each `INSIDE` class's type. */
export const INSIDE_B = Int8Array.from(INSIDE, (c) => 1 + (TYPE_OF[c] - 1) * PARTS.length);

/**
 * Classes for IOB2 tags, sentence by sentence (`ranges`: [start, end) token ranges). In BILOU
 * a name of one token is U, a longer one B I… L; an I-X that does not continue a name of its
 * type starts one, as conlleval reads it.
 *
 * @example
 * encodeTags(['B-PER', 'I-PER', 'O', 'B-LOC'], [[0, 4]]) // IOB2: [1, 2, 0, 5]
 */
export function encodeTags(iob2: readonly string[], ranges: readonly (readonly [number, number])[]): Int8Array {
  const out = new Int8Array(iob2.length);
  const typeIndex = (tag: string) => ENTITY_TYPES.indexOf(tag.slice(2) as typeof ENTITY_TYPES[number]);
  for (const [s, e] of ranges) {
    for (let i = s; i < e; i++) {
      const tag = iob2[i];
      const t = tag.length > 2 ? typeIndex(tag) : -1;
      if (t < 0) { out[i] = 0; continue; }
      if (SCHEME === 'IOB2') { out[i] = 1 + t * 2 + (tag[0] === 'I' ? 1 : 0); continue; }
      const continues = tag[0] === 'I' && i > s && iob2[i - 1].length > 2 && iob2[i - 1].slice(2) === tag.slice(2);
      const goesOn = i + 1 < e && iob2[i + 1] === 'I-' + tag.slice(2);
      const part = continues ? (goesOn ? 1 : 2) : (goesOn ? 0 : 3);
      out[i] = 1 + t * 4 + part;
    }
  }
  return out;
}

/** The IOB2 tag written for each class. */
export const IOB2_OF: readonly string[] = CLASSES.map((c) => (c === 'O' ? 'O' : (c[0] === 'B' || c[0] === 'U' ? 'B' : 'I') + c.slice(1)));

/** IOB2 tags for classes. */
export function toIob2(classes: ArrayLike<number>): string[] {
  const out = new Array<string>(classes.length);
  for (let i = 0; i < classes.length; i++) out[i] = IOB2_OF[classes[i]];
  return out;
}
