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

/** Reporting verbs that tie a quotation to its speaker ("…," Putin said). */
const REPORTING = 'said|says|say|added|adds|told|tells|asked|asks|wrote|writes|continued|noted|notes|declared|stressed|insisted|explained|replied|warned|recalled';

/**
 * The quotations of a text as character spans (inside the quote marks): curly pairs, and
 * straight double quotes taken in turns.
 *
 * @example
 * quoteSpans('He said: "We will win."') // [{ start: 10, end: 22 }]
 */
export function quoteSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = -1;
  let curly = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open < 0 && (ch === '“' || ch === '"')) { open = i + 1; curly = ch === '“'; continue; }
    if (open >= 0 && ((curly && ch === '”') || (!curly && ch === '"'))) {
      if (i - open <= 3000) out.push({ start: open, end: i });
      open = -1;
    }
  }
  return out;
}

/**
 * Where the speaker of a quotation may stand: right after it ("…," Putin said / said Putin)
 * or right before it (Putin said: "…"). Returns a predicate on a mention's [start, end).
 *
 * @example
 * const at = speakerSlot(text, quote); at(m.start, m.end) // true for "Putin" in '"…," Putin said.'
 */
export function speakerSlot(text: string, q: { start: number; end: number }): (start: number, end: number) => boolean {
  const after = new RegExp(`^[\\s,]*(?:(?:${REPORTING})\\s+)?$`);
  const verbAfter = new RegExp(`^\\s+(?:${REPORTING})\\b`);
  const before = new RegExp(`^\\s+(?:${REPORTING})(?:\\s+\\w+)?\\s*[:,]?\\s*[“"]?$`);
  return (start, end) => {
    if (start >= q.end && start - q.end <= 40) {
      const between = text.slice(q.end + 1, start);
      if (!after.test(between)) return false;
      return /(?:said|says|say|added|adds|told|tells|asked|asks|wrote|writes|continued|noted|notes|declared|stressed|insisted|explained|replied|warned|recalled)\s+$/.test(between) || verbAfter.test(text.slice(end, end + 30));
    }
    if (end <= q.start && q.start - end <= 40) return before.test(text.slice(end, q.start));
    return false;
  };
}
