/**
 * @module nlp/stages
 * The tokenizer and sentence splitter as pipeline stages. Tokens given by the input
 * (CoNLL) are kept as they are: no stage re-tokenises.
 */
import type { Stage, WorkingDoc } from '../types.js';
import { tokenize } from './tokenize.js';
import { splitSentences } from './sentences.js';

export const tokenizeStage: Stage = {
  name: 'nlp/tokenize',
  run(doc: WorkingDoc) {
    if (doc.tokens.length > 0) return;
    doc.tokens = tokenize(doc.text);
  },
};

export const sentenceStage: Stage = {
  name: 'nlp/sentences',
  run(doc: WorkingDoc) {
    if (doc.sentences.length > 0) return;
    // The header and dateline end a sentence of their own, so "… April 28 :" does not
    // run into the first sentence of the body.
    const breaks = doc.document.dateline ? [doc.document.dateline.end] : [];
    doc.sentences = splitSentences(doc.text, doc.tokens, breaks);
  },
};
