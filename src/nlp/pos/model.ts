/**
 * @module nlp/pos/model
 * The shipped POS model (`models/pos/pos.bin`): saving, and loading it lazily on first use.
 * A loaded model is read-only, so one copy serves every engine in the process.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompactModel, loadModelFile, saveModelFile } from './perceptron.js';
import type { PosModel } from './tagger.js';

/** Provenance tag of the shipped tagger, used in `by` and messages. */
export const POS_MODEL_ID = 'model/pos-perceptron@2';

/** Header stored with the weights. */
export interface PosModelHeader {
  id: string;
  tags: string[];
  scale: number;
  trainedOn: string;
  scores?: Record<string, number>;
}

/**
 * Finds a file under `models/` by walking up from this module, so it is found from the
 * source tree and from `dist/`.
 *
 * @example
 * findModelFile('pos/pos.bin') // '/…/models/pos/pos.bin' or null
 */
export function findModelFile(rel: string): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    const p = path.join(dir, 'models', rel);
    if (existsSync(p)) return p;
    dir = path.dirname(dir);
  }
  return null;
}

/** Default location of the shipped POS model. */
export const POS_MODEL_FILE = 'pos/pos.bin';

/**
 * Saves a trained tagger.
 *
 * @example
 * savePosModel('models/pos/pos.bin', model, { trainedOn: 'UD_English-EWT train', scores: { ewtDev: 0.95 } })
 */
export function savePosModel(file: string, model: PosModel & { weights: CompactModel }, meta: { trainedOn: string; scores?: Record<string, number> }): void {
  const header: PosModelHeader = { id: POS_MODEL_ID, tags: model.tags, scale: model.weights.scale, ...meta };
  const entries = [...(model.dict ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]);
  saveModelFile(file, header, {
    ...model.weights.toArrays('w'),
    'dict.keys': Uint32Array.from(entries, (e) => e[0]),
    'dict.tags': Uint8Array.from(entries, (e) => e[1]),
  });
}

/** Loads a tagger saved by {@link savePosModel}. */
export function loadPosModel(file: string): PosModel & { header: PosModelHeader } {
  const { header, arrays } = loadModelFile<PosModelHeader>(file);
  const dict = new Map<number, number>();
  const keys = arrays['dict.keys'] as Uint32Array | undefined;
  const tags = arrays['dict.tags'] as Uint8Array | undefined;
  if (keys && tags) for (let i = 0; i < keys.length; i++) dict.set(keys[i], tags[i]);
  return { tags: header.tags, weights: CompactModel.fromArrays('w', header.tags.length, header.scale, arrays), dict, header };
}

let shipped: (PosModel & { header: PosModelHeader }) | null | undefined;

/**
 * The shipped tagger, loaded on first call; `null` when the model file is absent
 * (run `npm run train:pos`).
 */
export function shippedPosModel(): (PosModel & { header: PosModelHeader }) | null {
  if (shipped === undefined) {
    const file = findModelFile(POS_MODEL_FILE);
    shipped = file ? loadPosModel(file) : null;
  }
  return shipped;
}
