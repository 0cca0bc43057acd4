import { describe, it, expect } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { tokenizeStage, sentenceStage } from '../../src/nlp/stages.js';
import { readReport } from '../../src/ingest/report.js';
import { actorForSpan, resolveStage } from '../../src/resolve/index.js';
import type { WorkingDoc } from '../../src/types.js';

// Sentences written for these tests (issue 6, round 5): how news names international bodies,
// peoples, places and armed groups as actors, coded the way PLOVER codes them.
const rules = createEngine({ stages: [tokenizeStage, sentenceStage, resolveStage] });
const full = createEngine();
const run = (engine: typeof rules, text: string, date = '2025-04-28'): WorkingDoc => engine.process(readReport(text, { date }));
const actorOf = (doc: WorkingDoc, text: string, from = 0) => {
  const at = doc.text.indexOf(text, from);
  return actorForSpan(doc, at, at + text.length);
};

describe('international bodies: IGO with a second code for what they do', () => {
  it('gives a governing organ, a refugee agency and a court their second code', () => {
    const doc = run(rules, 'The UN Security Council met on Tuesday. The UN refugee agency said camps were full. The International Criminal Court opened a case.');
    expect(actorOf(doc, 'UN Security Council')).toMatchObject({ code: null, sector: 'IGO', subSector: 'GOV' });
    expect(actorOf(doc, 'UN refugee agency')).toMatchObject({ code: null, sector: 'IGO', subSector: 'REF' });
    expect(actorOf(doc, 'International Criminal Court')).toMatchObject({ code: null, sector: 'IGO', subSector: 'JUD' });
  });
  it('leaves the second code out for a body with none of those roles', () => {
    const doc = run(rules, 'The United Nations and the IAEA issued a joint statement.');
    expect(actorOf(doc, 'United Nations')).toMatchObject({ sector: 'IGO', subSector: null });
    expect(actorOf(doc, 'IAEA')).toMatchObject({ sector: 'IGO', subSector: null });
  });
  it('codes the Red Cross as an international body doing medical relief', () => {
    const doc = run(rules, 'The Red Cross delivered medicine to the hospital.');
    expect(actorOf(doc, 'Red Cross')).toMatchObject({ code: null, sector: 'IGO', subSector: 'HLH' });
  });
  it('reads "UN peacekeepers" as the UN acting as a force, but not "UN officials"', () => {
    const doc = run(rules, 'Forty UN peacekeepers left the town. Later, UN officials met the mayor.');
    expect(actorOf(doc, 'UN')).toMatchObject({ sector: 'IGO', subSector: 'MIL' });
    expect(actorOf(doc, 'UN peacekeepers')).toMatchObject({ sector: 'IGO', subSector: 'MIL' });
    const second = doc.text.indexOf('UN officials');
    expect(actorOf(doc, 'UN', second)).toMatchObject({ sector: 'IGO', subSector: null });
  });
  it('gives the head of an international body no country, even with a country named nearby', () => {
    const doc = run(rules, 'U.N. Secretary-General Kofi Annan said inspectors would leave Iraq.', '1998-02-01');
    expect(actorOf(doc, 'Kofi Annan')).toMatchObject({ code: null, sector: 'IGO', subSector: 'GOV' });
  });
});
