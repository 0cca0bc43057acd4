import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { createWorkingDoc } from '../../src/doc.js';
import { tokenizeStage, sentenceStage } from '../../src/nlp/stages.js';
import { posStage, createPosStage, MSG_NO_POS_MODEL } from '../../src/nlp/pos/stage.js';
import { findModelFile, shippedPosModel } from '../../src/nlp/pos/model.js';
import { tagWords } from '../../src/nlp/pos/tagger.js';
import { normalizeWord, wordShape } from '../../src/nlp/pos/words.js';
import type { DocumentMeta } from '../../src/types.js';

const meta = (text: string): DocumentMeta => ({
  id: 't', hash: 'sha256:0', title: null, url: null, source: null, published: '2025-04-28', dateline: null, language: 'en', text,
});
const docOf = (text: string) => {
  const doc = createWorkingDoc(meta(text));
  for (const s of [tokenizeStage, sentenceStage, posStage]) s.run(doc);
  return doc;
};
/** "word/TAG word/TAG …" for a text. */
const tagged = (text: string) => {
  const doc = docOf(text);
  return doc.tokens.map((t, i) => `${t.text}/${doc.pos![i]}`).join(' ');
};
const noModel = !findModelFile('pos/pos.bin');

describe('pos: words', () => {
  it('folds typographic quotes and apostrophes to the treebank spelling', () => {
    expect(normalizeWord('“')).toBe('"');
    expect(normalizeWord('n’t')).toBe("n't");
    expect(normalizeWord('—')).toBe('--');
  });
  it('leaves words that name object members alone', () => {
    expect(normalizeWord('constructor')).toBe('constructor');
    expect(normalizeWord('__proto__')).toBe('__proto__');
  });
  it('computes collapsed word shapes', () => {
    expect(wordShape('Kyiv')).toBe('Xxx');
    expect(wordShape('1,200')).toBe('d,dd');
    expect(wordShape('U.S.')).toBe('X.X.');
  });
});

describe.skipIf(noModel)('pos: tagging sentences', () => {
  it('tags an active sentence', () => {
    expect(tagged('The rebels attacked the village on Tuesday.')).toBe(
      'The/DT rebels/NNS attacked/VBD the/DT village/NN on/IN Tuesday/NNP ./.',
    );
  });
  it('tags a passive with a by-agent', () => {
    expect(tagged('The convoy was attacked by armed men.')).toBe('The/DT convoy/NN was/VBD attacked/VBN by/IN armed/JJ men/NNS ./.');
  });
  it('tags reported speech', () => {
    expect(tagged('The minister said that the talks had failed.')).toBe(
      'The/DT minister/NN said/VBD that/IN the/DT talks/NNS had/VBD failed/VBN ./.',
    );
  });
  it('tags clitics split by the tokenizer, and curly quotes', () => {
    const doc = docOf('“We don’t accept Russia’s terms,” he said.');
    const tags = Object.fromEntries(doc.tokens.map((t, i) => [t.text, doc.pos![i]]));
    expect(tags['do']).toBe('VBP');
    expect(tags['n’t']).toBe('RB');
    expect(tags['’s']).toBe('POS');
    expect(tags['Russia']).toBe('NNP');
    expect(tags['said']).toBe('VBD');
  });
  it('tells the noun from the verb by context', () => {
    expect(tagWords(shippedPosModel()!, ['They', 'attack', 'at', 'night'])[1]).toBe('VBP');
    expect(tagWords(shippedPosModel()!, ['The', 'attack', 'was', 'repelled'])[1]).toBe('NN');
  });
});

describe.skipIf(noModel)('pos: output shape', () => {
  it('gives one tag per token over several sentences', () => {
    const doc = docOf('Kyiv, April 28 : Talks resumed. Officials from both sides met in Istanbul.\n\nNo deal was reached.');
    expect(doc.pos).not.toBeNull();
    expect(doc.pos!.length).toBe(doc.tokens.length);
    for (const t of doc.pos!) expect(t).toMatch(/^[A-Z$,.:`'()#-]+[A-Z$]*$|^-[LR]RB-$/);
    expect(doc.data.posBy).toBe('model/pos-perceptron@2');
  });
  it('gives an empty tag list for an empty document', () => {
    const doc = docOf('');
    expect(doc.pos).toEqual([]);
  });
  it('tags tokens that were given without sentences', () => {
    const doc = createWorkingDoc(meta('They left'), { tokens: [{ start: 0, end: 4, text: 'They' }, { start: 5, end: 9, text: 'left' }] });
    posStage.run(doc);
    expect(doc.pos).toEqual(['PRP', 'VBD']);
  });
});

describe.skipIf(noModel)('pos: tokens outside every sentence', () => {
  it('still get a tag', () => {
    const text = 'Talks failed. They left.';
    const doc = createWorkingDoc(meta(text));
    tokenizeStage.run(doc);
    // a sentence list that covers only the second sentence
    doc.sentences = [{ start: 14, end: 24, text: 'They left.', tokenStart: 3, tokenEnd: 6 }];
    posStage.run(doc);
    expect(doc.pos!.length).toBe(6);
    expect(doc.pos!.every((t) => /^[A-Z.]+$/.test(t))).toBe(true);
  });
});

describe('pos: negative cases', () => {
  it('leaves pos null and says why when there is no model', () => {
    const doc = createWorkingDoc(meta('Talks failed.'));
    tokenizeStage.run(doc);
    sentenceStage.run(doc);
    createPosStage(() => null).run(doc);
    expect(doc.pos).toBeNull();
    expect(doc.messages).toEqual([{ stage: 'nlp/pos', reason: MSG_NO_POS_MODEL }]);
  });
  it('keeps tags that were already there', () => {
    const doc = createWorkingDoc(meta('Talks failed'));
    tokenizeStage.run(doc);
    doc.pos = ['NN', 'NN'];
    posStage.run(doc);
    expect(doc.pos).toEqual(['NN', 'NN']);
  });
  it.skipIf(!existsSync('models/pos/pos.bin'))('does not tag a capitalised common word at the start as a name', () => {
    expect(tagWords(shippedPosModel()!, ['Officials', 'denied', 'it', '.'])[0]).toBe('NNS');
  });
});
