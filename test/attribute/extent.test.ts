import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { createWorkingDoc } from '../../src/doc.js';
import { readReport } from '../../src/ingest/report.js';
import { tokenizeStage, sentenceStage } from '../../src/nlp/stages.js';
import { posStage } from '../../src/nlp/pos/stage.js';
import { parseStage } from '../../src/nlp/parse/stage.js';
import { attributionCandidates, attributionStage, createAttributionStage } from '../../src/attribute/stage.js';
import { defaultLexicon } from '../../src/attribute/lexicon.js';
import { cueContext, featureBucket } from '../../src/attribute/model.js';
import { END_HASH_BITS, endChoice, endFeatures, refineContentEnds, splitsApposition, startChoice, type EndModel } from '../../src/attribute/extent.js';
import { sourceChoice, sourceFeatures } from '../../src/attribute/source.js';
import type { Stage, WorkingDoc } from '../../src/types.js';

const haveModels = ['models/pos/pos.bin', 'models/parser/parser.bin'].every((f) => existsSync(f));
const haveTrained = haveModels && ['cue', 'start', 'end', 'source'].every((m) => existsSync(`models/attribution/${m}.json`));

/** Tokens, sentences, tags and parse, then the stage given (none: the layers only). */
function parsed(text: string, stage?: Stage): WorkingDoc {
  const doc = createWorkingDoc(readReport(text, { id: 't', date: '2024-03-05' }));
  for (const s of [tokenizeStage, sentenceStage, posStage, parseStage, ...(stage ? [stage] : [])]) s.run(doc);
  return doc;
}
const rulesOnly = createAttributionStage({ cueModel: null, startModel: null, endModel: null, sourceModel: null });
const contentOf = (doc: WorkingDoc, cue: string) => doc.attributions.find((a) => a.cue?.text === cue)?.content.text;
const lex = defaultLexicon();

/** A ranking model that likes the features named (weight 1 each). */
function modelLiking(names: string[]): EndModel {
  const weights = new Float32Array(1 << END_HASH_BITS);
  for (const n of names) weights[featureBucket(n, END_HASH_BITS)] += 1;
  return { version: 1, bits: END_HASH_BITS, weights };
}

describe('content ends: candidate cut points', () => {
  it.skipIf(!haveModels)('offers the rules’ end, the sentence end and the cuts before right-hand phrases', () => {
    const doc = parsed('The senator said the budget was too small during a hearing on Tuesday.');
    const ctx = cueContext(doc, lex)!;
    const found = attributionCandidates(doc, lex, null);
    const said = found.find((c) => c.cue?.text === 'said')!;
    const ch = endChoice(ctx, said, found)!;
    const text = (e: number) => doc.text.slice(doc.tokens[ch.lo].start, doc.tokens[e - 1].end);
    const ends = ch.ends.map(text);
    expect(ends).toContain('the budget was too small');
    expect(ends).toContain('the budget was too small during a hearing on Tuesday');
    expect(ends).toContain(text(ch.ruleEnd));
  });

  it.skipIf(!haveModels)('never reaches past another attribution’s cue, a closing relative clause or a cue participle', () => {
    for (const [sentence, stop] of [
      ['The governor said the bridge would reopen in May, according to a local newspaper.', 'according'],
      ['The mayor said the council would meet in Dover, which has hosted the talks before.', 'which'],
      ['The coach said the team had played badly, blaming the wet pitch.', 'blaming'],
    ] as const) {
      const doc = parsed(sentence);
      const ctx = cueContext(doc, lex)!;
      const found = attributionCandidates(doc, lex, null);
      const ch = endChoice(ctx, found.find((c) => c.cue?.text === 'said')!, found);
      const stopAt = doc.tokens.findIndex((t) => t.text === stop);
      expect(ch === null || ch.ends.every((e) => e <= stopAt)).toBe(true);
    }
  });

  it.skipIf(!haveModels)('leaves direct quotes to the rules', () => {
    const doc = parsed('“We will rebuild the bridge by May,” the governor said.');
    const ctx = cueContext(doc, lex)!;
    const found = attributionCandidates(doc, lex, null);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(endChoice(ctx, c, found)).toBeNull();
  });

  it.skipIf(!haveModels)('moves an end where the model scores it higher, and says so in `by`', () => {
    const doc = parsed('The senator said the budget was too small during a hearing on Tuesday.');
    const ctx = cueContext(doc, lex)!;
    const found = attributionCandidates(doc, lex, null);
    const c = found.find((x) => x.cue?.text === 'said')!;
    const ch = endChoice(ctx, c, found)!;
    const shortest = ch.ends[0];
    // a model that likes ending right before a prepositional phrase
    const liked = endFeatures(ctx, ch, shortest, c.by).filter((f) => f.startsWith('xr='));
    refineContentEnds(ctx, found, modelLiking(liked));
    expect(c.content.text).toBe(doc.text.slice(doc.tokens[ch.lo].start, doc.tokens[shortest - 1].end));
    expect(c.by).toContain('+end/model/attribution-end@1');
  });
});

describe('content starts', () => {
  it.skipIf(!haveModels)('offers every token between the cue and a quoted fragment', () => {
    const doc = parsed('Ms. Lee called the new stadium “a waste of money” at a town meeting.');
    const ctx = cueContext(doc, lex)!;
    const found = attributionCandidates(doc, lex, null);
    const c = found.find((x) => x.cue?.text === 'called')!;
    const ch = startChoice(ctx, c)!;
    expect(ch.starts[0]).toBe(ch.afterCue);
    expect(doc.tokens[ch.afterCue].text).toBe('the');
    // negative: a direct quote's start is the quote's
    const d2 = parsed('“The stadium is a waste,” Ms. Lee said.');
    const c2 = cueContext(d2, lex)!;
    for (const x of attributionCandidates(d2, lex, null)) expect(startChoice(c2, x)).toBeNull();
  });
});

describe('the trained choosers in the stage (shipped models)', () => {
  it.skipIf(!haveTrained)('keeps a stance’s reason and drops a closing aside', () => {
    const mocked = parsed('The senator mocked the governor for skipping the hearing on Tuesday.', attributionStage);
    expect(contentOf(mocked, 'mocked')).toBe('the governor for skipping the hearing on Tuesday');
    const praised = parsed('The union praised the deal, which was signed after months of talks.', attributionStage);
    expect(contentOf(praised, 'praised')).toBe('the deal');
  });

  it.skipIf(!haveTrained)('starts a said-content after the occasion and its "that"', () => {
    const doc = parsed('The senator said during a news conference on Monday that the bill would pass.', attributionStage);
    expect(contentOf(doc, 'said')).toBe('the bill would pass');
    // the rules alone leave a time phrase out of cue and content too ("said during …, that")
    expect(contentOf(parsed('The senator said during a news conference on Monday that the bill would pass.', rulesOnly), 'said')).toBe('the bill would pass');
  });

  it.skipIf(!haveTrained)('gives a mixed quote its verb’s whole complement, marks included', () => {
    const doc = parsed('Ms. Lee called the new stadium “a waste of money” at a town meeting.', attributionStage);
    expect(contentOf(doc, 'called')).toBe('the new stadium “a waste of money”');
    // the rules alone take the quoted words only
    expect(contentOf(parsed('Ms. Lee called the new stadium “a waste of money” at a town meeting.', rulesOnly), 'called')).toBe('a waste of money');
  });

  it.skipIf(!haveModels)('without the models the rules’ spans stand', () => {
    const doc = parsed('The union praised the deal, which was signed after months of talks.', createAttributionStage({ startModel: null, endModel: null, sourceModel: null }));
    const a = doc.attributions.find((x) => x.cue?.text === 'praised');
    expect(a?.by ?? '').not.toMatch(/(start|end|source)\/model/);
  });
});

describe('source options of a model cue', () => {
  it.skipIf(!haveModels)('lists none, the parse subject and the sentence’s other noun phrases, never a bare "by"', () => {
    const doc = parsed('The plan was criticized by a group of farmers at the meeting.');
    const ctx = cueContext(doc, lex)!;
    const c = { kind: 'indirect' as const, source: null, cue: { start: doc.text.indexOf('criticized'), end: doc.text.indexOf('criticized') + 10, text: 'criticized' }, content: { start: 0, end: 8, text: 'The plan' }, by: 'model/attribution-cue@2' };
    const ch = sourceChoice(ctx, c)!;
    const texts = ch.options.map((o) => (o.range ? doc.text.slice(doc.tokens[o.range[0]].start, doc.tokens[o.range[1] - 1].end) : null));
    expect(texts[0]).toBeNull();
    expect(ch.options[0].kind).toBe('none');
    expect(texts.some((t) => t?.startsWith('a group of farmers'))).toBe(true);
    expect(texts.every((t) => !t?.startsWith('by '))).toBe(true);
    // the content's own words are no source
    expect(texts).not.toContain('The plan');
    expect(sourceFeatures(ctx, ch, ch.options[0])).toContain('k=none');
  });

  it.skipIf(!haveModels)('is only asked for model cues', () => {
    const doc = parsed('The mayor said the council would meet on Monday.');
    const ctx = cueContext(doc, lex)!;
    for (const c of attributionCandidates(doc, lex, null)) expect(sourceChoice(ctx, c)).toBeNull();
  });
});

describe('inverted speakers (rules with tags)', () => {
  const sentence = 'Dana Ruiz, senior organizer for housing campaigns at the Tenants Alliance of Eastern Ohio, said renters still want lower deposits.';

  it.skipIf(!haveModels)('a noun phrase followed by its own verb is the reported clause’s subject, not an inverted speaker', () => {
    const rules = parsed(sentence, rulesOnly);
    expect(rules.attributions.some((a) => a.source?.text === 'renters')).toBe(false);
    // positive: a speaker that ends the sentence is still inverted
    const inverted = parsed('The talks failed, said Ms. Vega, a spokeswoman for the union.', rulesOnly);
    expect(inverted.attributions.map((a) => [a.source?.text, a.content.text])).toContainEqual(['Ms. Vega', 'The talks failed']);
  });

  it.skipIf(!haveTrained)('leaves such a sentence to the cue model, which reads the parse', () => {
    const doc = parsed(sentence, attributionStage);
    const a = doc.attributions.find((x) => x.cue?.text === 'said');
    expect([a?.source?.text, a?.content.text]).toEqual(['Dana Ruiz', 'renters still want lower deposits']);
  });
});

describe('content ends: a closed apposition is not cut off', () => {
  const at = (doc: WorkingDoc, word: string) => doc.tokens.findIndex((t) => t.text === word);
  const show = (text: string) => {
    const doc = parsed(text);
    // the rules' end: before the full stop
    return { doc, ctx: cueContext(doc, lex)!, comma: at(doc, ','), end: doc.tokens.length - 1 };
  };

  it.skipIf(!haveModels)('refuses an end at the comma that opens "the founder, Peter Mills, of misleading …"', () => {
    const a = show('The agency has accused the company’s founder, Peter Mills, of misleading investors.');
    expect(a.doc.deprels![at(a.doc, 'Peter')]).toBe('appos');
    expect(splitsApposition(a.ctx, a.comma, a.end)).toBe(true);
    const b = show('The report blamed the city’s housing chief, Dana Ruiz, for the delays.');
    expect(b.doc.deprels![at(b.doc, 'Dana')]).toBe('appos');
    expect(splitsApposition(b.ctx, b.comma, b.end)).toBe(true);
  });

  it.skipIf(!haveModels)('allows it where nothing of the verb follows the apposition, or a relative does', () => {
    const a = show('The report blamed the city’s housing chief, Dana Ruiz.');
    expect(splitsApposition(a.ctx, a.comma, a.end)).toBe(false);
    const b = show('The report blamed the city’s housing chief, Dana Ruiz, who resigned in May.');
    expect(splitsApposition(b.ctx, b.comma, b.end)).toBe(false);
    // an end that is not at a comma is none of its business
    const c = show('The report blamed the city’s housing chief, Dana Ruiz, for the delays.');
    expect(splitsApposition(c.ctx, at(c.doc, 'for'), c.end)).toBe(false);
  });
});
