import { describe, it, expect } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { readReport } from '../../src/ingest/report.js';
import type { WorkingDoc } from '../../src/types.js';
import { actorOf, entityOfText } from './helpers.js';

// Sentences written for these tests: bodies and groups that take their country from the
// report around them, national branches of an international body, and a dateline's
// capitals.
const full = createEngine();
const run = (text: string, date = '2025-05-13'): WorkingDoc => full.process(readReport(text, { date }));

describe('a capitalised state body no lexicon knows ("the Justice Ministry")', () => {
  it('takes the country its sentence names, like "the Interior Ministry" ("the Water Commission")', () => {
    const doc = run('Peruvian soldiers destroyed two illegal dams on Tuesday, the Water Commission said.');
    expect(entityOfText(doc, 'Water Commission')).toMatchObject({ country: 'PER', sector: 'GOV' });
  });
  it('negative: a body named for a continent keeps no country', () => {
    const doc = run('Peruvian lawyers filed a complaint on Tuesday, the African Commission said.');
    expect(entityOfText(doc, 'African Commission')?.country ?? null).toBeNull();
  });
});

describe('counted groups of ordinary people', () => {
  it('"two people" takes the country of its sentence, as "23 people" does', () => {
    const doc = run('Chile\'s health ministry said two people were wounded and 23 people were evacuated.');
    expect(actorOf(doc, 'two people')).toMatchObject({ code: 'CHL', sector: 'CVL' });
    expect(actorOf(doc, '23 people')).toMatchObject({ code: 'CHL', sector: 'CVL' });
  });
  it('negative: "both governments" stays no one country\'s', () => {
    const doc = run('Chile and Peru met on Tuesday, and both governments agreed to talk again.');
    expect(actorOf(doc, 'both governments').code).toBeNull();
  });
});

describe('a lexicon body seated in another country\'s capital', () => {
  it('is that country\'s when the text places it there ("the Joint Chiefs of Staff in Seoul")', () => {
    const doc = run('The Joint Chiefs of Staff in Seoul said three missiles were fired on Sunday.', '2025-06-02');
    expect(entityOfText(doc, 'Joint Chiefs of Staff')).toMatchObject({ country: 'KOR', sector: 'MIL' });
    // the capital after "in" is where they sit, not Seoul speaking for its government
    expect(doc.mentions.find((m) => m.text === 'Seoul')?.kind).toBe('name');
  });
  it('negative: with no capital, or its own, the lexicon\'s country stands', () => {
    const doc = run('The Joint Chiefs of Staff said three missiles were fired. The Joint Chiefs of Staff in Washington declined to comment.', '2025-06-02');
    expect(doc.entities.filter((e) => e.name === 'Joint Chiefs of Staff').map((e) => e.country)).toEqual(['USA']);
  });
  it('negative: a capital after "in" is still a government when nothing is placed in it ("relations with Seoul")', () => {
    const doc = run('Tokyo said relations with Seoul had improved.', '2025-06-02');
    expect(doc.mentions.find((m) => m.text === 'Tokyo')?.kind).toBe('metonym');
  });
});

describe('a national branch of an international body', () => {
  it('"the Kenyan Red Cross" is one Kenyan non-governmental body, not the Red Cross beside Kenya', () => {
    const doc = run('The Kenyan Red Cross said it had delivered food to 3,000 families in Garissa.');
    const e = entityOfText(doc, 'Kenyan Red Cross');
    expect(e).toMatchObject({ type: 'ORG', country: 'KEN', sector: 'NGO' });
    expect(doc.entities.some((x) => x.sector === 'IGO')).toBe(false);
  });
  it('negative: the international body named alone stays international', () => {
    const doc = run('The International Committee of the Red Cross said it had visited the prison.');
    expect(entityOfText(doc, 'International Committee of the Red Cross')).toMatchObject({ country: null, sector: 'IGO' });
  });
});

describe('a dateline written in capitals', () => {
  it('names the entity as the text writes the name elsewhere, or as the gazetteer spells it', () => {
    const one = run('LIMA, May 12 (Reuters) - Talks were held in Lima on Monday.');
    expect(entityOfText(one, 'LIMA')?.name).toBe('Lima');
    const two = run('NAIROBI, May 12 (Reuters) - Kenya and Ethiopia signed a deal on Monday.');
    expect(entityOfText(two, 'NAIROBI')?.name).toBe('Nairobi');
  });
  it('negative: an acronym keeps its capitals', () => {
    const doc = run('LIMA, May 12 (Reuters) - OSINERGMIN, the energy regulator, fined the company.');
    expect(entityOfText(doc, 'OSINERGMIN')?.name).toBe('OSINERGMIN');
  });
});

describe('misspelt role words', () => {
  it('still reads a long role word one edit off ("the commision said")', () => {
    const doc = run('LIMA, May 12 (Reuters) - The commision said the vote would be held in June.');
    expect(actorOf(doc, 'The commision')).toMatchObject({ code: 'PER', sector: 'GOV' });
  });
  it('negative: a plural is no misspelling ("the commissions will meet" names no one state\'s commission)', () => {
    const doc = run('LIMA, May 12 (Reuters) - Chile and Bolivia said the commissions will meet again in April.');
    expect(doc.mentions.some((m) => m.text === 'the commissions')).toBe(false);
  });
});
