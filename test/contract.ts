/**
 * Contract 1 invariants every analysis must keep, checked by any test that produces one.
 */
import { expect } from 'vitest';
import type { Analysis } from '../src/types.js';

/** Contract 1 invariants every analysis must keep. */
export function expectValidAnalysis(a: Analysis) {
  expect(a.schema).toBe('dateline/analysis@1');
  const text = a.document.text;
  const spans: { start: number; end: number; text: string }[] = [...a.sentences, ...a.mentions, ...a.times];
  for (const at of a.attributions) {
    spans.push(at.content, ...(at.content.parts ?? []));
    if (at.source) spans.push(at.source);
    if (at.cue) spans.push(at.cue);
  }
  for (const v of a.events) spans.push(v.trigger, ...v.source, ...v.target);
  if (a.document.dateline) spans.push(a.document.dateline);
  for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  const ids = [...a.entities, ...a.mentions, ...a.times, ...a.attributions, ...a.events].map((x) => x.id);
  expect(new Set(ids).size).toBe(ids.length);
  const entityIds = new Set(a.entities.map((e) => e.id));
  for (const m of a.mentions) if (m.entity) expect(entityIds.has(m.entity)).toBe(true);
  const attributionIds = new Set(a.attributions.map((x) => x.id));
  for (const at of a.attributions) if (at.parent) expect(attributionIds.has(at.parent)).toBe(true);
  for (const v of a.events) {
    if (v.claimedIn) expect(attributionIds.has(v.claimedIn)).toBe(true);
    for (const c of v.claimants) expect(entityIds.has(c)).toBe(true);
  }
  expect(a.document.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
}

