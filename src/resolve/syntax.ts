/**
 * @module resolve/syntax
 * The few dependency-tree questions the resolver asks (when the parse stage ran): does one
 * token govern another, and which subjects govern a pronoun. Every helper answers "no" or
 * nothing when the document has no parse, so callers keep their surface fallbacks.
 */
import type { WorkingDoc } from '../types.js';
import { dependentsByRel } from '../nlp/parse/tree.js';

type Parsed = Pick<WorkingDoc, 'tokens' | 'heads' | 'deprels'>;

/**
 * Whether token `anc` is `i` itself or one of its ancestors (within 12 steps).
 *
 * @example
 * // "refugees fleeing the war in Liberia": dominates(doc, refugees, Liberia) === true
 */
export function dominates(doc: Parsed, anc: number, i: number): boolean {
  const heads = doc.heads;
  if (!heads) return false;
  for (let k = i, steps = 0; k >= 0 && steps < 12; k = heads[k], steps++) if (k === anc) return true;
  return false;
}

/**
 * The subjects of the clauses above token `i`, nearest clause first, leaving out any subject
 * that contains `i` ("its soldiers helped": not "soldiers" for "its", but the subject of the
 * clause above, "Pyongyang's military claimed …").
 *
 * @example
 * // "The army said its soldiers helped."
 * governingSubjects(doc, its) // [index of "army"]
 */
export function governingSubjects(doc: Parsed, i: number): number[] {
  const heads = doc.heads;
  if (!heads || !doc.deprels) return [];
  const out: number[] = [];
  for (let k = heads[i], steps = 0; k >= 0 && steps < 12; k = heads[k], steps++) {
    for (const s of dependentsByRel(doc, k, ['nsubj', 'nsubj:pass'])) {
      if (dominates(doc, s, i)) continue;
      // "those who sacrificed their lives": a relative pronoun's clause belongs to the noun
      // it modifies, so the subjects above it are not the pronoun's
      if (/^(who|which|that|whom)$/i.test(doc.tokens[s]?.text ?? '')) return out;
      out.push(s);
    }
  }
  return out;
}

/**
 * The subject of the verb a non-possessive, non-reflexive pronoun is the object of
 * ("Israel attacked it": "Israel"), which that pronoun cannot refer to; -1 when none.
 *
 * @example
 * coargumentSubject(doc, it) // index of "Israel"
 */
export function coargumentSubject(doc: Parsed, i: number): number {
  const rel = doc.deprels?.[i];
  const head = doc.heads?.[i] ?? -1;
  if (!rel || head < 0 || !/^(obj|iobj)$/.test(rel)) return -1;
  return dependentsByRel(doc, head, 'nsubj')[0] ?? -1;
}
