/**
 * The seed report through the whole pipeline: the facts issue 2 lists, every layer at once.
 * The seed is read from ../shared/seeds (never copied into the project); the suite skips
 * where it is absent. Nothing in src/ knows this text: these facts must come from rules
 * and models.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { HAS_SEED, SEED, cli } from './helpers.js';
import { expectValidAnalysis } from './contract.js';
import type { Analysis, AnalysisAttribution, AnalysisEntity } from '../src/types.js';

describe.skipIf(!HAS_SEED)('the seed report, end to end', () => {
  let a: Analysis;
  const entity = (name: string): AnalysisEntity | undefined =>
    a.entities.find((e) => e.name === name || e.aliases.includes(name));
  const quoteStarting = (words: string): AnalysisAttribution | undefined =>
    a.attributions.find((x) => x.content.text.startsWith(words));

  beforeAll(async () => {
    const r = await cli(['extract', SEED]);
    expect(r.status).toBe(0);
    a = JSON.parse(r.stdout) as Analysis;
  });

  it('is valid Contract 1 with the text kept exactly', () => {
    expectValidAnalysis(a);
    expect(a.document.text).toBe(readFileSync(SEED, 'utf8'));
  });

  it('reads the date and the dateline', () => {
    expect(a.document.published).toBe('2025-04-28');
    expect(a.document.dateline).toMatchObject({ place: 'Moscow', country: 'RUS' });
  });

  it('finds the actors, each once, with their codes', () => {
    expect(entity('Vladimir Putin')).toMatchObject({ type: 'PERSON', country: 'RUS', sector: 'GOV' });
    const kim = entity('Kim Jong-un');
    expect(kim).toMatchObject({ type: 'PERSON', country: 'PRK', sector: 'GOV' });
    expect(entity('Kim Jong Un')?.id).toBe(kim?.id);
    const nk = entity('North Korea');
    expect(nk).toMatchObject({ type: 'GPE', country: 'PRK' });
    expect(entity('DPRK')?.id).toBe(nk?.id);
    expect(entity("Democratic People's Republic of Korea")?.id).toBe(nk?.id);
    const ru = entity('Russia');
    expect(ru).toMatchObject({ type: 'GPE', country: 'RUS' });
    expect(entity('Russian Federation')?.id).toBe(ru?.id);
    expect(entity('Ukraine')).toMatchObject({ type: 'GPE', country: 'UKR' });
    expect(entity('South Korea')).toMatchObject({ type: 'GPE', country: 'KOR' });
    expect(entity('Kursk Region')).toMatchObject({ type: 'LOC', country: 'RUS' });
    expect(entity('Kremlin')).toMatchObject({ country: 'RUS', sector: 'GOV' });
    expect(entity('KCNA')).toMatchObject({ country: 'PRK', sector: 'MED' });
    expect(entity('Yonhap')).toMatchObject({ country: 'KOR', sector: 'MED' });
    expect(entity("Korean People's Army")).toMatchObject({ country: 'PRK', sector: 'MIL' });
    expect(entity('Armed Forces of the Russian Federation')).toMatchObject({ country: 'RUS', sector: 'MIL' });
  });

  it('normalises the four time expressions against the report date', () => {
    const value = (text: string) => a.times.find((t) => t.text.toLowerCase().includes(text.toLowerCase()))?.value;
    expect(value('April 26, 2025')).toBe('2025-04-26');
    expect(value('June 19, 2024')).toBe('2024-06-19');
    expect(value('Monday')).toBe('2025-04-28');
    expect(value('Earlier today')).toBe('2025-04-28');
  });

  it("attributes the three long direct quotes to Putin, the second through 'The statement added'", () => {
    const putin = entity('Vladimir Putin')!.id;
    for (const start of ['On April 26, 2025', "Units of the Korean People's Army", 'The Russian people will never forget']) {
      const q = quoteStarting(start);
      expect(q, start).toBeDefined();
      expect(q!.kind).toBe('direct');
      expect(q!.source?.entity, start).toBe(putin);
    }
  });

  it("gives the praised words to Putin as a mixed quote", () => {
    const q = a.attributions.find((x) => x.content.text.includes('heroism, excellent training and dedication'));
    expect(q?.source?.entity).toBe(entity('Vladimir Putin')!.id);
  });

  it('finds the indirect reports, with "He" resolved to Putin', () => {
    const putin = entity('Vladimir Putin')!.id;
    const said = quoteStarting('the Russian people will always remember');
    expect(said).toMatchObject({ kind: 'indirect' });
    expect(said!.source?.entity).toBe(putin);
    const confident = quoteStarting('the close friendship');
    expect(confident).toMatchObject({ kind: 'indirect' });
    expect(confident!.source?.text).toBe('He');
    expect(confident!.source?.entity).toBe(putin);
  });

  it("follows the relay chain: the military's claim inside KCNA's report inside Yonhap's", () => {
    const military = a.attributions.find((x) => x.source?.text.includes('military'));
    expect(military).toBeDefined();
    const kcna = a.attributions.find((x) => x.id === military!.parent);
    expect(kcna?.source?.entity).toBe(entity('KCNA')!.id);
    const yonhap = a.attributions.find((x) => x.id === kcna!.parent);
    expect(yonhap?.source?.entity).toBe(entity('Yonhap')!.id);
  });

  it('codes the assault, the aid and the praise with their claimants', () => {
    const putin = entity('Vladimir Putin')!.id;
    const assault = a.events.find((v) => v.type === 'ASSAULT' && v.date === '2025-04-26');
    expect(assault).toBeDefined();
    expect(assault!.source.map((s) => [s.code, s.sector])).toContainEqual(['RUS', 'MIL']);
    expect(assault!.target.map((s) => s.code)).toContain('UKR');
    expect(assault!.claimants[0]).toBe(putin);
    expect(assault!.location).toBe(entity('Kursk Region')!.id);

    // "North Korea … confirmed it had sent troops to fight for Russia against Ukraine"
    const aid = a.events.find((v) => v.type === 'AID' && v.trigger.text.startsWith('sent'));
    expect(aid!.source.map((s) => s.code)).toContain('PRK');
    expect(aid!.target.map((s) => s.code)).toContain('RUS');
    expect(aid).toBeDefined();
    expect(aid!.claimants[0]).toBe(entity('North Korea')!.id);

    const support = a.events.find((v) => v.type === 'SUPPORT' && v.source.some((s) => s.entity === putin) && v.target.some((s) => s.code === 'PRK'));
    expect(support).toBeDefined();
  });
});
