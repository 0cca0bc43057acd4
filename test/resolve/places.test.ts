import { describe, it, expect } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { tokenizeStage, sentenceStage } from '../../src/nlp/stages.js';
import { readReport } from '../../src/ingest/report.js';
import { resolveStage } from '../../src/resolve/index.js';
import { placeInDocument } from '../../src/resolve/places.js';
import type { WorkingDoc } from '../../src/types.js';
import { actorOf, entityOfText } from './helpers.js';

// Sentences written for these tests: role and group actors that take their country from a
// city whose name several countries share (Valencia: Spain and Venezuela; Paris: France and
// Texas). The city's country is the one the document gives it, for the city and for them.
const rules = createEngine({ stages: [tokenizeStage, sentenceStage, resolveStage] });
const full = createEngine();
const run = (engine: typeof rules, text: string, date = '2024-10-07'): WorkingDoc => engine.process(readReport(text, { date }));

describe('a city shared by several countries, as the document places it', () => {
  it('places a namesake by the dateline country, then by countries named, then by size', () => {
    const hints = (countries: string[], datelineCountry: string | null) => ({ countries: new Set(countries), usStates: new Set<string>(), datelineCountry });
    expect(placeInDocument({ kind: 'city', lookup: 'Valencia' }, 'VEN', hints(['ESP'], 'ESP')).country).toBe('ESP');
    expect(placeInDocument({ kind: 'city', lookup: 'Valencia' }, 'VEN', hints(['VEN'], null)).country).toBe('VEN');
    expect(placeInDocument({ kind: 'city', lookup: 'Valencia' }, 'VEN', hints([], null)).country).toBe('VEN');
  });
  it('gives groups near a dateline-placed city that city\'s country, not its larger namesake\'s', () => {
    const doc = run(full, 'Valencia [Spain], October 7 : Hundreds of residents walked across the bridge from Valencia on Saturday, according to the city council. Protesters marched through the centre of Valencia on Sunday.');
    expect(entityOfText(doc, 'Valencia')?.country).toBe('ESP');
    expect(actorOf(doc, 'Hundreds of residents').code).toBe('ESP');
    expect(actorOf(doc, 'the city council')).toMatchObject({ code: 'ESP', sector: 'GOV' });
    expect(actorOf(doc, 'Protesters')).toMatchObject({ code: 'ESP', sector: 'OPP' });
  });
  it('takes the country the report names when no dateline says it', () => {
    const doc = run(full, 'Residents of Valencia lined up for bread on Monday. Prices have tripled across Spain this year, the city council said.');
    expect(entityOfText(doc, 'Valencia')?.country).toBe('ESP');
    expect(actorOf(doc, 'Residents of Valencia').code).toBe('ESP');
  });
  it('negative: a report on Venezuela keeps Venezuela\'s Valencia, and its groups with it', () => {
    const doc = run(full, 'Protesters marched through Valencia on Sunday as Venezuela\'s opposition called for new elections.');
    expect(entityOfText(doc, 'Valencia')?.country).toBe('VEN');
    expect(actorOf(doc, 'Protesters').code).toBe('VEN');
  });
  it('places Paris in Texas for the people in it when the report names Texas', () => {
    const doc = run(full, 'Residents of Paris, Texas, were told to boil their water on Friday, the city council said.');
    expect(entityOfText(doc, 'Paris')?.country).toBe('USA');
    expect(actorOf(doc, 'Residents of Paris').code).toBe('USA');
    expect(actorOf(doc, 'the city council')).toMatchObject({ code: 'USA', sector: 'GOV' });
  });
  it('negative: Paris with no other place named is the capital of France', () => {
    const doc = run(full, 'Residents of Paris were told to boil their water on Friday, the city council said.');
    expect(entityOfText(doc, 'Paris')?.country).toBe('FRA');
    expect(actorOf(doc, 'Residents of Paris').code).toBe('FRA');
  });
  it('says which rule moved a city from its most populous namesake', () => {
    const doc = run(rules, 'Valencia [Spain], October 7 : Rain fell on Valencia again.');
    const later = doc.mentions.filter((m) => m.text === 'Valencia').pop()!;
    expect(later.by).toMatch(/\+document-place$/);
  });
});

describe('a dateline that names only a city', () => {
  it('places the dateline\'s city by the countries the report names, and its region and groups with it', () => {
    const doc = run(full, 'VALENCIA, Oct 7 (Reuters) - Protesters marched on Sunday against Spain\'s government. Police said 2,000 people came from the Valencia region.');
    expect(entityOfText(doc, 'VALENCIA')?.country).toBe('ESP');
    expect(entityOfText(doc, 'Valencia region')?.country).toBe('ESP');
    expect(actorOf(doc, 'Protesters')).toMatchObject({ code: 'ESP', sector: 'OPP' });
    // a sentence naming only the dateline's own country points nowhere else
    expect(actorOf(doc, 'Police')).toMatchObject({ code: 'ESP', sector: 'COP' });
  });
  it('negative: police in a sentence naming another country than the dateline\'s stay unplaced', () => {
    const doc = run(full, 'VALENCIA, Oct 7 (Reuters) - Protesters marched against Spain\'s government. Police said 2,000 people came from Portugal.');
    expect(actorOf(doc, 'Police').code).toBeNull();
  });
});

describe('a settlement the gazetteer lacks, introduced as one ("the village of …")', () => {
  it('takes the country of a place named in its sentence, else the dateline\'s', () => {
    const doc = run(full, 'Tyre [Lebanon], February 19 : The Israeli army said its jets struck a depot near the village of Deir Qanoun overnight.');
    expect(entityOfText(doc, 'Deir Qanoun')?.country).toBe('LBN');
    const named = run(full, 'Shelling hit the village of Deir Qanoun in southern Lebanon overnight, the Israeli army said.');
    expect(entityOfText(named, 'Deir Qanoun')?.country).toBe('LBN');
  });
  it('negative: a demonym says who acted, not where the village is (no dateline, no place named: no country)', () => {
    const doc = run(full, 'The Israeli army said its jets struck a depot near the village of Deir Qanoun overnight.');
    expect(entityOfText(doc, 'Deir Qanoun')?.country ?? null).toBeNull();
  });
});

describe('place names are capitalised', () => {
  it('negative: a lower-case word the name model might read as a place is no place ("a baker in Paiporta")', () => {
    const doc = run(full, '"The water came in at night," said Rosa Ortega, a 61-year-old baker in Paiporta, near Valencia in Spain.');
    expect(doc.mentions.some((m) => m.text === 'baker' && (m.type === 'GPE' || m.type === 'LOC'))).toBe(false);
    expect(doc.entities.some((e) => e.country === 'USA')).toBe(false);
  });
});
