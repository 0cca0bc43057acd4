import { describe, it, expect } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { readReport } from '../../src/ingest/report.js';
import type { AnalysisEvent } from '../../src/types.js';

/** Whole pipeline (tagger, parser, resolve), as the events stage sees real reports. */
const full = (() => {
  let engine: ReturnType<typeof createEngine> | null = null;
  return (text: string): AnalysisEvent[] => (engine ??= createEngine()).analyse(readReport(text, { date: '2024-03-05' })).events;
})();
const codes = (xs: { code: string | null }[]) => xs.map((x) => x.code);
const byTrigger = (text: string, trigger: string) => full(text).find((e) => e.trigger.text.startsWith(trigger));

describe('appositives', () => {
  it('the actor an appositive describes is the subject, not a name inside it', () => {
    const e = byTrigger('Kenya, a close French partner in the region, has refused to send troops to Mali.', 'refused')!;
    expect(codes(e.source)[0]).toBe('KEN');
  });
  it('a person takes the country of a possessive appositive, which is no second source', () => {
    const e = full("Fatima Keita, Mali's leading human rights lawyer, staged a hunger strike on Friday.")[0];
    expect(e?.type).toBe('PROTEST');
    expect(codes(e.source)).toEqual(['MLI']);
  });
  it('negative: a plain list of countries stays coordinated', () => {
    const e = byTrigger('Ghana, Togo and Benin condemned the coup.', 'condemned')!;
    expect(codes(e.source)).toEqual(['GHA', 'TGO', 'BEN']);
  });
});

describe('partitives', () => {
  it('"scores of X" as object: the target is X', () => {
    const e = byTrigger('Police in Chad have beaten scores of Sudanese refugees, Amnesty International said.', 'beaten')!;
    expect(codes(e.target)[0]).toBe('SDN');
  });
});

describe('threats with a condition', () => {
  it('"X threatened to … unless Y …": Y is the target', () => {
    const e = byTrigger('Ethiopia threatened to launch a fresh offensive unless Eritrea withdrew its troops from the border.', 'threatened')!;
    expect(e.type).toBe('THREATEN');
    expect(codes(e.source)[0]).toBe('ETH');
    expect(codes(e.target)[0]).toBe('ERI');
  });
  it('negative: a threat with a named target keeps it', () => {
    const e = byTrigger('Ethiopia threatened to attack Somalia unless Eritrea withdrew its troops.', 'threatened')!;
    expect(codes(e.target)[0]).toBe('SOM');
  });
});
