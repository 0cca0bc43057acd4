/**
 * @module nlp/pos/stage
 * The part-of-speech stage: tags each sentence of `doc.sentences` with the shipped
 * averaged-perceptron tagger and sets `doc.pos` (one Penn Treebank tag per token).
 */
import type { Stage, WorkingDoc } from '../../types.js';
import { POS_MODEL_ID, shippedPosModel } from './model.js';
import { tagWordsWithAlts, type PosModel } from './tagger.js';

/** Message when the model file is missing. */
export const MSG_NO_POS_MODEL = 'POS model not found (models/pos/pos.bin); run `npm run train:pos`';

/**
 * Token ranges to tag and parse: the sentences, plus any run of tokens that no sentence
 * covers (given input may leave gaps), so every token gets a tag and a head.
 *
 * @example
 * sentenceRanges(doc) // [[0, 12], [12, 30]]
 */
export function sentenceRanges(doc: WorkingDoc): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  const sorted = [...doc.sentences].sort((a, b) => a.tokenStart - b.tokenStart);
  for (const s of sorted) {
    const from = Math.max(s.tokenStart, next);
    const to = Math.min(s.tokenEnd, doc.tokens.length);
    if (from > next) out.push([next, from]);
    if (to > from) out.push([from, to]);
    next = Math.max(next, to);
  }
  if (next < doc.tokens.length) out.push([next, doc.tokens.length]);
  return out;
}

/**
 * Tags every token of `doc` with `model`.
 *
 * @example
 * tagDoc(doc, shippedPosModel()!); doc.pos // ['NNP', 'VBD', …]
 */
export function tagDoc(doc: WorkingDoc, model: PosModel, alts?: string[]): string[] {
  const pos: string[] = new Array(doc.tokens.length).fill('NN');
  const sentAlts: string[] = [];
  for (const [from, to] of sentenceRanges(doc)) {
    const words = doc.tokens.slice(from, to).map((t) => t.text);
    const tags = tagWordsWithAlts(model, words, sentAlts);
    for (let i = 0; i < tags.length; i++) {
      pos[from + i] = tags[i];
      if (alts) alts[from + i] = sentAlts[i];
    }
  }
  if (alts) for (let i = 0; i < pos.length; i++) alts[i] ??= pos[i];
  return pos;
}

/** Key of `doc.data` where the POS stage leaves each token's runner-up tag for the parser. */
export const POS_ALTS_KEY = 'posAlts';

/**
 * A POS stage with a given model (for tests or another language); `posStage` uses the
 * shipped one. Provenance: `doc.data.posBy`.
 */
export function createPosStage(getModel: () => PosModel | null, by = POS_MODEL_ID): Stage {
  return {
    name: 'nlp/pos',
    run(doc: WorkingDoc) {
      if (doc.pos) return;
      const model = getModel();
      if (!model) {
        doc.messages.push({ stage: 'nlp/pos', reason: MSG_NO_POS_MODEL });
        return;
      }
      const alts: string[] = new Array(doc.tokens.length);
      doc.pos = tagDoc(doc, model, alts);
      doc.data[POS_ALTS_KEY] = alts;
      doc.data.posBy = by;
    },
  };
}

/** The part-of-speech stage with the shipped model, loaded on first use. */
export const posStage: Stage = createPosStage(shippedPosModel);
