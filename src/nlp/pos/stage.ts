/**
 * @module nlp/pos/stage
 * The part-of-speech stage: tags each sentence of `doc.sentences` with the shipped
 * averaged-perceptron tagger and sets `doc.pos` (one Penn Treebank tag per token).
 */
import type { Stage, WorkingDoc } from '../../types.js';
import { POS_MODEL_ID, shippedPosModel } from './model.js';
import { tagWords, type PosModel } from './tagger.js';

/** Message when the model file is missing. */
export const MSG_NO_POS_MODEL = 'POS model not found (models/pos/pos.bin); run `npm run train:pos`';

/** Token ranges to tag: the sentences, or the whole document when there are none. */
export function sentenceRanges(doc: WorkingDoc): [number, number][] {
  if (doc.sentences.length === 0) return doc.tokens.length ? [[0, doc.tokens.length]] : [];
  return doc.sentences.map((s) => [s.tokenStart, s.tokenEnd]);
}

/**
 * Tags every token of `doc` with `model`.
 *
 * @example
 * tagDoc(doc, shippedPosModel()!); doc.pos // ['NNP', 'VBD', …]
 */
export function tagDoc(doc: WorkingDoc, model: PosModel): string[] {
  const pos: string[] = new Array(doc.tokens.length).fill('XX');
  for (const [from, to] of sentenceRanges(doc)) {
    const words = doc.tokens.slice(from, to).map((t) => t.text);
    const tags = tagWords(model, words);
    for (let i = 0; i < tags.length; i++) pos[from + i] = tags[i];
  }
  return pos;
}

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
      doc.pos = tagDoc(doc, model);
      doc.data.posBy = by;
    },
  };
}

/** The part-of-speech stage with the shipped model, loaded on first use. */
export const posStage: Stage = createPosStage(shippedPosModel);
