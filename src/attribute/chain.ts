/**
 * @module attribute/chain
 * Relay chains: which attribution holds a span, and who claims it through whom.
 * Events use this to fill `claimedIn` and `claimants`.
 */
import type { AnalysisAttribution, WorkingDoc } from '../types.js';

function contentHolds(a: AnalysisAttribution, start: number, end: number): boolean {
  const parts = a.content.parts && a.content.parts.length > 0 ? a.content.parts : [a.content];
  return parts.some((p) => p.start <= start && end <= p.end);
}

/** The innermost attribution whose content holds [start, end), or null (the publisher's voice). */
export function innermostAttribution(doc: WorkingDoc, start: number, end: number): AnalysisAttribution | null {
  let best: AnalysisAttribution | null = null;
  for (const a of doc.attributions) {
    if (!contentHolds(a, start, end)) continue;
    if (!best || a.content.end - a.content.start < best.content.end - best.content.start) best = a;
  }
  return best;
}

/**
 * Entity ids from the claimant outward through each relay: for "KCNA said, as per Yonhap,
 * that the military claimed X", X's claimants are [military, KCNA, Yonhap].
 * Sources without an entity are skipped; a cycle in `parent` links stops the walk.
 */
export function claimantsOf(doc: WorkingDoc, attributionId: string | null): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let id = attributionId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const a = doc.attributions.find((x) => x.id === id);
    if (!a) break;
    const e = a.source?.entity;
    if (e && out[out.length - 1] !== e) out.push(e);
    id = a.parent;
  }
  return out;
}
