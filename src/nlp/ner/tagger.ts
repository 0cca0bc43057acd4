/**
 * @module nlp/ner/tagger
 * The shipped NER tagger: loaded from `models/ner/` on first use (never at import time),
 * then shared read-only by every engine in the process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Lexicon } from './lexicon.js';
import { FeatureExtractor, prepareDoc, stackFeatures } from './features.js';
import { NC, PerceptronModel } from './model.js';
import { toIob2 } from './tags.js';

/** Where the shipped model lives (src/ and dist/ are both two levels below the root). */
export const MODEL_DIR = fileURLToPath(new URL('../../../models/ner/', import.meta.url));

export interface NerTagger {
  /** `by` provenance: `model/ner@<version>` */
  readonly by: string;
  readonly lexicon: Lexicon;
  /**
   * IOB2 tags for a document's tokens; `sentences` are [start, end) token ranges covering them.
   *
   * @example
   * loadTagger()!.tag(['Kim', 'Jong-un', 'met', 'Putin', '.'], [[0, 5]]) // ['B-PER', 'I-PER', 'O', 'B-PER', 'O']
   */
  tag(words: readonly string[], sentences: readonly (readonly [number, number])[]): string[];
}

/** Builds a tagger from model files in `dir`. */
export function createTagger(dir: string): NerTagger {
  const lexFile = join(dir, 'lexicon.bin');
  const lexicon = existsSync(lexFile) ? Lexicon.load(lexFile) : Lexicon.empty();
  const fx = new FeatureExtractor(lexicon);
  const { model, meta } = PerceptronModel.load(join(dir, 'model.bin'), fx);
  // the stacked second pass (optional: without it the first pass's tags are final)
  const file2 = join(dir, 'model2.bin');
  const second = existsSync(file2) ? PerceptronModel.load(file2, fx) : null;
  if (second) { second.model.slot = 1; PerceptronModel.shareRows(model, second.model); }
  let sums = new Float32Array(0);
  const by = `model/ner@${String((second?.meta ?? meta).version ?? '1')}`;
  return {
    by,
    lexicon,
    tag(words, sentences) {
      if (words.length === 0) return [];
      const prepared = prepareDoc(fx, words, sentences);
      let pred: Int8Array;
      if (second) {
        if (sums.length < words.length * NC) sums = new Float32Array(words.length * NC * 2);
        pred = model.tag(prepared, undefined, undefined, { sums, read: false, other: second.model });
        pred = second.model.tag(prepared, undefined, stackFeatures(prepared, pred, true), { sums, read: true, other: model });
      } else {
        pred = model.tag(prepared);
      }
      return toIob2(pred);
    },
  };
}

let shipped: NerTagger | null | undefined;

/** The shipped tagger, loaded on first call; null when `models/ner/model.bin` is missing. */
export function loadTagger(): NerTagger | null {
  if (shipped !== undefined) return shipped;
  shipped = existsSync(join(MODEL_DIR, 'model.bin')) ? createTagger(MODEL_DIR) : null;
  return shipped;
}
