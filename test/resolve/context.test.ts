import { describe, it, expect } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { tokenizeStage, sentenceStage } from '../../src/nlp/stages.js';
import { readReport } from '../../src/ingest/report.js';
import { actorForSpan, resolveStage } from '../../src/resolve/index.js';
import { fuzzyCountry, oneEditApart, orgHead } from '../../src/resolve/detect.js';
import type { AnalysisEntity, WorkingDoc } from '../../src/types.js';

// Sentences written for these tests: misspelt country names and groups that take their
// country from the report around them.
const rules = createEngine({ stages: [tokenizeStage, sentenceStage, resolveStage] });
const full = createEngine();
const run = (engine: typeof rules, text: string, date = '2025-04-28'): WorkingDoc => engine.process(readReport(text, { date }));
const entityOfText = (doc: WorkingDoc, text: string): AnalysisEntity | undefined => {
  const m = doc.mentions.find((x) => x.text === text);
  return m ? doc.entities.find((e) => e.id === m.entity) : undefined;
};
const mentionBy = (doc: WorkingDoc, text: string) => doc.mentions.find((x) => x.text === text)?.by;
const actorOf = (doc: WorkingDoc, text: string) => {
  const at = doc.text.indexOf(text);
  return actorForSpan(doc, at, at + text.length);
};

describe('misspelt country names (one edit, six letters or more)', () => {
  it('counts one insertion, deletion, substitution or swap as one edit', () => {
    expect(oneEditApart('ethiopia', 'ethopia')).toBe(true);
    expect(oneEditApart('germany', 'germnay')).toBe(true);
    expect(oneEditApart('qatar', 'quatar')).toBe(true);
    expect(oneEditApart('kathmandu', 'khatmandu')).toBe(false);
  });
  it('finds the one country a word misspells', () => {
    expect(fuzzyCountry('ethopia')?.rec.cca3).toBe('ETH');
    expect(fuzzyCountry('afghanstan')?.rec.cca3).toBe('AFG');
    expect(fuzzyCountry('police')).toBeNull();
    expect(fuzzyCountry('either')).toBeNull();
    expect(fuzzyCountry('aymara')).toBeNull(); // a people, one edit from the capital Asmara
  });
  it('places a misspelt country and says the match was inferred', () => {
    const doc = run(rules, 'Aid convoys reached Ethopia on Monday, and the Quatar government sent food.');
    expect(entityOfText(doc, 'Ethopia')?.country).toBe('ETH');
    expect(mentionBy(doc, 'Ethopia')).toBe('rule/misspelt-country');
    expect(actorOf(doc, 'Quatar government')).toMatchObject({ code: 'QAT', sector: 'GOV' });
  });
  it('negative: a short word or a word beside another name is left alone', () => {
    const doc = run(rules, 'Frances Carter met Iraan officials on Monday.');
    expect(doc.entities.some((e) => e.country === 'FRA')).toBe(false);
    expect(doc.entities.some((e) => e.country === 'IRN')).toBe(false);
  });
});

describe('groups with no country of their own take the report\'s', () => {
  it('takes the country named nearest in the sentence', () => {
    const doc = run(full, 'Thousands of demonstrators marched through the capital of Kenya on Monday.');
    expect(entityOfText(doc, 'Thousands of demonstrators')?.country).toBe('KEN');
    expect(mentionBy(doc, 'Thousands of demonstrators')).toMatch(/\+nearest-country$/);
  });
  it('takes the dateline\'s country when its sentence names none', () => {
    const doc = run(full, 'LIMA, April 27 (Reuters) - Demonstrators blocked a highway on Sunday, witnesses said.');
    expect(entityOfText(doc, 'Demonstrators')?.country).toBe('PER');
    expect(mentionBy(doc, 'Demonstrators')).toMatch(/\+dateline-country$/);
  });
  it('else the country the document names most', () => {
    const doc = run(full, 'Nepal held a vote on Sunday. Officials in Nepal said turnout was high, and India sent observers. Later, protesters blocked a road.');
    expect(entityOfText(doc, 'protesters')?.country).toBe('NPL');
    expect(mentionBy(doc, 'protesters')).toMatch(/\+document-country$/);
  });
  it('a capitalised organisation the lexicon lacks takes its sentence\'s country', () => {
    const doc = run(full, 'Turkish police stopped a march by students of Karadere University on Monday.');
    expect(entityOfText(doc, 'Karadere University')?.country).toBe('TUR');
  });
  it('negative: no country anywhere leaves the group unplaced', () => {
    const doc = run(full, 'Protesters blocked a road on Sunday, witnesses said.');
    expect(entityOfText(doc, 'Protesters')?.country ?? null).toBeNull();
  });
  it('negative: a tie between two countries gives no document country', () => {
    const doc = run(full, 'Chile and Peru signed a deal. Later, protesters gathered outside.');
    expect(entityOfText(doc, 'protesters')?.country ?? null).toBeNull();
  });
  it('negative: a named international organisation stays without a country', () => {
    const doc = run(full, 'Amnesty International criticised the government of Kenya on Monday.');
    expect(entityOfText(doc, 'Amnesty International')?.country ?? null).toBeNull();
  });
  it('new group words: fundamentalists and looters take the country of their sentence', () => {
    const doc = run(full, 'Police in Algeria said fundamentalists and looters attacked a market on Monday.');
    expect(entityOfText(doc, 'fundamentalists')).toMatchObject({ country: 'DZA', sector: 'REL' });
    expect(entityOfText(doc, 'looters')).toMatchObject({ country: 'DZA', sector: 'CRM' });
  });
  it('"X-led forces" are the leading country\'s; "X-backed" ones are not', () => {
    const doc = run(rules, 'Kenyan-led forces entered the town, and Chad-backed militias fled.');
    expect(actorOf(doc, 'Kenyan-led forces')).toMatchObject({ code: 'KEN', sector: 'MIL' });
    expect(entityOfText(doc, 'militias')?.country ?? null).not.toBe('TCD');
  });
  it('a person no lexicon or title places takes the nearest country of the sentence, inferred', () => {
    const doc = run(full, 'Tariq Mansour told reporters in Lebanon that the talks had failed.');
    expect(entityOfText(doc, 'Tariq Mansour')?.country).toBe('LBN');
    expect(mentionBy(doc, 'Tariq Mansour')).toMatch(/\+nearest-country$/);
  });
  it('negative: with no country in the sentence or dateline the person stays unplaced', () => {
    const doc = run(full, 'Tariq Mansour told reporters that the talks had failed.');
    expect(entityOfText(doc, 'Tariq Mansour')?.country ?? null).toBeNull();
  });
  it('a span whose head no inside mention reaches takes the mention around it that ends there', () => {
    const doc = run(full, 'The Chilean army is holding hundreds of Mapuche civilian refugees near the border.');
    expect(actorOf(doc, 'Mapuche civilian refugees')).toMatchObject({ code: 'CHL', sector: 'REF' });
    // negative: a span whose head is covered keeps the mention inside
    expect(actorOf(doc, 'The Chilean army')).toMatchObject({ code: 'CHL', sector: 'MIL' });
  });
});

describe('role words: websites are media', () => {
  it('codes "Kenyan websites" and "a Peruvian web site" as media of their country', () => {
    const doc = run(rules, 'Several Kenyan websites and a Peruvian web site reported the vote.');
    expect(actorOf(doc, 'Kenyan websites')).toMatchObject({ code: 'KEN', sector: 'MED' });
    expect(actorOf(doc, 'Peruvian web site')).toMatchObject({ code: 'PER', sector: 'MED' });
  });
});

describe('misspelt organisation head words', () => {
  it('reads "Commision" as a commission head (one edit, 8 letters or more)', () => {
    expect(orgHead('commision')).toBe('GOV');
    expect(orgHead('univercity')).toBe('EDU');
    expect(orgHead('commuter')).toBeUndefined();
    const doc = run(rules, 'The Zambia Fisheries Commision said on Monday it would act.');
    expect(entityOfText(doc, 'Zambia Fisheries Commision')).toMatchObject({ country: 'ZMB', sector: 'GOV' });
  });
});

describe('dates are not organisations', () => {
  it('negative: "November 17" in a date is not the Greek armed group; its full name is', () => {
    const doc = run(rules, 'Voters in Chile went to the polls in November 17 municipal elections.');
    expect(doc.entities.some((e) => e.country === 'GRC')).toBe(false);
    const doc2 = run(rules, 'Police blamed the Revolutionary Organization 17 November for the bombing.');
    expect(entityOfText(doc2, 'Revolutionary Organization 17 November')).toMatchObject({ country: 'GRC', sector: 'REB' });
  });
});

describe('a person\'s possessive before a role', () => {
  it('makes the role an actor with the person\'s country ("Putin\'s spokesman")', () => {
    const doc = run(rules, "Putin's spokesman said on Monday that the talks had failed.");
    expect(actorOf(doc, "Putin's spokesman")).toMatchObject({ code: 'RUS', sector: 'GOV' });
    expect(mentionBy(doc, "Putin's spokesman")).toBe('rule/possessive-role');
  });
  it('negative: a weak role with no possessive, determiner or country is no actor', () => {
    const doc = run(rules, 'Coalition talks failed on Monday.');
    expect(doc.entities).toHaveLength(0);
  });
});

describe('a model name around a lexicon name', () => {
  it('is one person, the lexicon\'s, under the fuller span', () => {
    const doc = run(full, 'Sheikh Hamad bin Khalifa al-Thani met envoys in Doha on Monday. Later Hamad bin Khalifa said the talks would go on.', '2000-05-01');
    const people = doc.entities.filter((e) => e.type === 'PERSON');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ country: 'QAT', sector: 'GOV' });
    expect(doc.mentions.some((m) => m.text === 'Hamad bin Khalifa al-Thani')).toBe(true);
  });
});
