/**
 * @module nlp/parse/tree
 * Small read-only helpers over a parsed document (`doc.heads`, `doc.deprels`), for the
 * stages that read the dependency tree: events (subject/object, passives, "by" agents,
 * coordination, prepositional targets) and attributions (speaker, cue, content clause).
 *
 * Token indexes are indexes into `doc.tokens`; a head of -1 marks a sentence's root.
 * Every helper returns empty results (or -1) when the document has no parse, so callers
 * can fall back to other evidence without checks of their own.
 *
 * @example
 * // "Police were attacked by protesters."
 * const v = doc.tokens.findIndex((t) => t.text === 'attacked');
 * dependentsByRel(doc, v, 'nsubj:pass')            // [index of "Police"]
 * const agent = dependentsByRel(doc, v, 'obl:agent')[0]; // "protesters"
 * dependentsByRel(doc, agent, 'case')              // [index of "by"]
 * subtreeSpan(doc, agent)                          // { start, end } of "by protesters"
 */
import type { WorkingDoc } from '../../types.js';

type ParsedDoc = Pick<WorkingDoc, 'tokens' | 'heads' | 'deprels'> & Partial<Pick<WorkingDoc, 'pos'>>;

// Children lists, computed once per parse (keyed by the heads array itself, so a new
// parse gets a new index and nothing is kept alive after the document is dropped).
const childIndex = new WeakMap<Int32Array, number[][]>();

function kidsOf(doc: ParsedDoc): number[][] | null {
  const heads = doc.heads;
  if (!heads) return null;
  let kids = childIndex.get(heads);
  if (!kids) {
    kids = Array.from({ length: heads.length }, () => [] as number[]);
    for (let i = 0; i < heads.length; i++) if (heads[i] >= 0 && heads[i] < heads.length) kids[heads[i]].push(i);
    childIndex.set(heads, kids);
  }
  return kids;
}

/**
 * Whether relation `rel` matches `wanted`: exactly, or — when `wanted` has no subtype —
 * any of its subtypes (`'obl'` matches `'obl:agent'`; `'obl:agent'` matches only itself).
 *
 * @example
 * relMatches('nsubj:pass', 'nsubj') // true
 * relMatches('nsubj', 'nsubj:pass') // false
 */
export function relMatches(rel: string | undefined, wanted: string): boolean {
  if (rel === undefined) return false;
  if (rel === wanted) return true;
  return !wanted.includes(':') && rel.startsWith(wanted) && rel.charCodeAt(wanted.length) === 58; // ':'
}

/**
 * The dependents of token `i`, in text order.
 *
 * @example
 * // "Hungarian and Romanian officials met."
 * children(doc, officials) // [Hungarian] — its amod; "Romanian" is a conj under "Hungarian"
 * children(doc, met)       // [officials, .]
 */
export function children(doc: ParsedDoc, i: number): number[] {
  const kids = kidsOf(doc);
  return kids && i >= 0 && i < kids.length ? kids[i] : [];
}

/**
 * The dependents of token `i` whose relation matches `rel` (see {@link relMatches});
 * `rel` may be a list of relations.
 *
 * @example
 * // "Russia attacked Ukraine."
 * dependentsByRel(doc, attacked, 'nsubj') // [Russia]
 * dependentsByRel(doc, attacked, 'obj')   // [Ukraine]
 * dependentsByRel(doc, attacked, ['nsubj', 'obj']) // [Russia, Ukraine]
 */
export function dependentsByRel(doc: ParsedDoc, i: number, rel: string | readonly string[]): number[] {
  const rels = doc.deprels;
  if (!rels) return [];
  const wanted = typeof rel === 'string' ? [rel] : rel;
  return children(doc, i).filter((c) => wanted.some((w) => relMatches(rels[c], w)));
}

/**
 * The first and last token index of the subtree headed by `i` (inclusive). Projective
 * trees make this a contiguous span; otherwise it is the hull of the subtree.
 *
 * @example
 * // "the talks between Russia and Ukraine" — subtreeTokens(doc, talks) → [the, Ukraine]
 */
export function subtreeTokens(doc: ParsedDoc, i: number): [number, number] {
  if (!doc.heads || i < 0 || i >= doc.tokens.length) return [i, i];
  let lo = i;
  let hi = i;
  const todo = [i];
  let guard = 0;
  while (todo.length && guard++ < doc.tokens.length) {
    const x = todo.pop()!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    for (const c of children(doc, x)) todo.push(c);
  }
  return [lo, hi];
}

/**
 * Start and end character offsets (UTF-16, end exclusive) of the subtree headed by `i`.
 *
 * @example
 * // "Putin said that the talks failed."
 * const c = dependentsByRel(doc, said, 'ccomp')[0];       // "failed"
 * doc.text.slice(...Object.values(subtreeSpan(doc, c))) // "that the talks failed"
 */
export function subtreeSpan(doc: ParsedDoc, i: number): { start: number; end: number } {
  const [lo, hi] = subtreeTokens(doc, i);
  const a = doc.tokens[lo];
  const b = doc.tokens[hi];
  return a && b ? { start: a.start, end: b.end } : { start: -1, end: -1 };
}

/**
 * The root token of the sentence holding token `i` (following heads up), or -1.
 *
 * @example
 * rootOf(doc, indexOf('Ukraine')) // index of the main verb
 */
export function rootOf(doc: ParsedDoc, i: number): number {
  const heads = doc.heads;
  if (!heads || i < 0 || i >= heads.length) return -1;
  for (let steps = 0; steps <= heads.length; steps++) {
    if (heads[i] < 0) return i;
    i = heads[i];
  }
  return -1;
}

/**
 * Whether token `a` is token `k` or one of its ancestors (following heads up from `k`).
 * False without a parse.
 *
 * @example
 * // "A teacher from the town echoed:"
 * dominates(doc, teacher, town) // true
 * dominates(doc, town, teacher) // false
 */
export function dominates(doc: ParsedDoc, a: number, k: number): boolean {
  const heads = doc.heads;
  if (!heads || a < 0 || k < 0 || k >= heads.length) return false;
  for (let steps = 0; steps <= heads.length && k >= 0; steps++) {
    if (k === a) return true;
    k = heads[k];
  }
  return false;
}

/** Whether token `i` heads a clause: a verb, or a predicate with a copula ("is president"). */
function headsClause(doc: ParsedDoc, i: number): boolean {
  const tag = doc.pos?.[i];
  if (tag && (tag.startsWith('VB') || tag === 'MD')) {
    // an auxiliary attached to its verb is not the clause's head
    const rel = doc.deprels?.[i] ?? '';
    return !(rel.startsWith('aux') || rel === 'cop');
  }
  return dependentsByRel(doc, i, 'cop').length > 0 || doc.heads?.[i] === -1;
}

/**
 * The predicate that governs token `i`: the nearest token at or above `i` that heads a
 * clause (a verb, a predicate with a copula, or the sentence root). -1 without a parse.
 * Pass `includeSelf: false` to start from `i`'s head.
 *
 * @example
 * // "Protesters were killed by police in Kyiv."
 * headVerbOf(doc, police)      // killed
 * headVerbOf(doc, killed)      // killed
 * // "Zelensky is the president."
 * headVerbOf(doc, Zelensky)    // president (the copular predicate)
 */
export function headVerbOf(doc: ParsedDoc, i: number, opts: { includeSelf?: boolean } = {}): number {
  const heads = doc.heads;
  if (!heads || i < 0 || i >= heads.length) return -1;
  let x = opts.includeSelf === false ? heads[i] : i;
  for (let steps = 0; x >= 0 && steps <= heads.length; steps++) {
    if (headsClause(doc, x)) return x;
    x = heads[x];
  }
  return -1;
}
