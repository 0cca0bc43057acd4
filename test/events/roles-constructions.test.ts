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

describe('a role word before a person\'s name', () => {
  it('"Opposition leader X demanded": one source, the person, with the person\'s codes', () => {
    const e = byTrigger('STOCKHOLM, March 4 : Opposition leader Marta Lindqvist demanded that the government call an early election.', 'demanded')!;
    expect(e.source).toHaveLength(1);
    expect(e.source[0]).toMatchObject({ code: 'SWE', sector: 'OPP' });
    expect(e.source[0].text).toContain('Marta Lindqvist');
    expect(e.source[0].entity).not.toBeNull();
  });
  it('"The regional president, X, has defended": the appositive is the same one source', () => {
    const e = byTrigger("SANTIAGO, March 4 : The regional president, Ines Carvajal, has defended the government's response to the fires.", 'defended')!;
    expect(e.source).toHaveLength(1);
    expect(e.source[0]).toMatchObject({ code: 'CHL', sector: 'GOV' });
    expect(e.source[0].text).toContain('Ines Carvajal');
  });
  it('negative: a plural role before a name set off by commas is someone else', () => {
    const e = byTrigger('SANTIAGO, March 4 : Firefighters, Ines Carvajal said, rescued 40 people.', 'rescued')!;
    expect(e.source.map((a) => a.text)).not.toContain('Firefighters, Ines Carvajal');
  });
});

describe('a closing reporting clause', () => {
  it('", the ministry said" after the target is the claimant, not a second target', () => {
    const e = byTrigger('BRASILIA, May 13 : Federal police raided illegal mining camps and arrested 23 people, the Justice Ministry said.', 'arrested')!;
    expect(e.target.map((a) => a.text)).toEqual(['23 people']);
  });
  it('", X said" after an object: X is no target', () => {
    const e = byTrigger('LIMA, March 4 : Protesters clashed with soldiers, Ana Ruiz said.', 'clashed')!;
    expect(e.target.map((a) => a.text)).not.toContain('Ana Ruiz');
  });
  it('negative: a list closed by "and" before the verb stays coordinated', () => {
    const e = byTrigger('ACCRA, May 13 : Ghana, Togo and Benin condemned the coup.', 'condemned')!;
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
