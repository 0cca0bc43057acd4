import { describe, it, expect } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { readReport } from '../../src/ingest/report.js';
import { actorLexicon } from '../../src/resolve/lexicon.js';
import type { WorkingDoc } from '../../src/types.js';
import { actorOf, entityOfText } from './helpers.js';

// Sentences written for these tests: "agency" says an institution, not which kind. A news
// agency is one only when the text says news, press or wire agency or names one.
const full = createEngine();
const run = (text: string, date = '2024-11-05'): WorkingDoc => full.process(readReport(text, { date }));

describe('agencies by what they do', () => {
  it('reads the words from the lexicon: a bare "agency" has no sector of its own', () => {
    const lex = actorLexicon();
    expect(lex.roles.get('agency')?.sector).toBeNull();
    expect(lex.roles.get('weather agency')?.sector).toBe('GOV');
    expect(lex.roles.get('press agency')?.sector).toBe('MED');
  });
  it('codes a weather, space or statistics agency as a state body of the report\'s country', () => {
    const doc = run('Lisbon [Portugal], November 5 : The national weather agency issued a red alert on Tuesday. The space agency delayed a launch, and the statistics agency revised its figures.');
    expect(actorOf(doc, 'The national weather agency')).toMatchObject({ code: 'PRT', sector: 'GOV' });
    expect(actorOf(doc, 'The space agency')).toMatchObject({ code: 'PRT', sector: 'GOV' });
    expect(actorOf(doc, 'the statistics agency')).toMatchObject({ code: 'PRT', sector: 'GOV' });
  });
  it('codes an intelligence agency SPY, a law-enforcement agency COP and a UN agency IGO', () => {
    const doc = run('Chile\'s intelligence agency and a law enforcement agency in Chile opened an inquiry, and a UN agency sent experts.');
    expect(actorOf(doc, 'Chile\'s intelligence agency')).toMatchObject({ code: 'CHL', sector: 'SPY' });
    expect(actorOf(doc, 'a law enforcement agency in Chile')).toMatchObject({ code: 'CHL', sector: 'COP' });
    expect(actorOf(doc, 'a UN agency')).toMatchObject({ code: null, sector: 'IGO' });
  });
  it('keeps MED where the text says news or press agency or names a news agency', () => {
    const doc = run('The Portuguese news agency Lusa reported the fire. The agency said two people were hurt. A French press agency later confirmed it.');
    expect(entityOfText(doc, 'The agency')?.name).toBe('Lusa');
    expect(actorOf(doc, 'A French press agency')).toMatchObject({ code: 'FRA', sector: 'MED' });
  });
  it('names an unknown acronym renamed by an agency phrase between commas, and "the agency" refers back to it', () => {
    const doc = run('Lisbon [Portugal], November 5 : IPMA, the national weather agency, said it had warned of the storm. The agency\'s director defended the warning.');
    const e = entityOfText(doc, 'IPMA');
    expect(e).toMatchObject({ type: 'ORG', country: 'PRT', sector: 'GOV' });
    expect(entityOfText(doc, 'the national weather agency')?.id).toBe(e!.id);
    expect(entityOfText(doc, 'The agency')?.id).toBe(e!.id);
  });
  it('negative: a bare "the agency" with no agency named before is no news agency', () => {
    const doc = run('Lisbon [Portugal], November 5 : The agency said the water was safe to drink.');
    // an institution of the report's country, of no sector the text gives; not the country itself
    expect(entityOfText(doc, 'The agency')).toMatchObject({ type: 'ORG', country: 'PRT', sector: null });
    expect(actorOf(doc, 'The agency').sector).not.toBe('MED');
  });
  it('negative: a word in capitals before an appositive that names no institution ("OPORTO, the city in the north") is no organisation', () => {
    const doc = run('Residents of OPORTO, the city in the north, said the river rose.');
    expect(doc.mentions.some((m) => m.by === 'rule/acronym-appositive')).toBe(false);
  });
  it('negative: a named agency does not take other state bodies of its country ("the city council", "the government")', () => {
    const doc = run('Lisbon [Portugal], November 5 : IPMA, the national weather agency, said it had warned of the storm. The city council said 400 homes were flooded, and the government promised aid.');
    const agency = entityOfText(doc, 'IPMA')!;
    expect(entityOfText(doc, 'The city council')?.id).not.toBe(agency.id);
    expect(entityOfText(doc, 'the government')?.id).not.toBe(agency.id);
    expect(actorOf(doc, 'The city council')).toMatchObject({ code: 'PRT', sector: 'GOV' });
  });
});
