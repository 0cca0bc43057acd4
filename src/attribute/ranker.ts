/**
 * @module attribute/ranker
 * The form the attribute stage's learned choosers share (content start, content end,
 * source): a ranking model over hashed features (FNV-1a, as the cue model's), its file form,
 * and the shipped files in `models/attribution/`, each read once.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A ranking model: one weight per hashed-feature bucket. */
export interface RankingModel {
  version: number;
  bits: number;
  weights: Float32Array;
}

/** The serialised form of {@link RankingModel}: non-zero buckets by index. */
export interface RankingModelFile {
  version: number;
  bits: number;
  trainedOn: string;
  scores?: Record<string, number>;
  weights: Record<string, number>;
}

/** Builds a model from its file form. */
export function rankingModelFromFile(file: RankingModelFile): RankingModel {
  const weights = new Float32Array(1 << file.bits);
  for (const [key, w] of Object.entries(file.weights)) weights[Number(key)] += w;
  return { version: file.version, bits: file.bits, weights };
}

/** The shipped choosers, by their file name in models/attribution/. */
export type ShippedChooser = 'start' | 'end' | 'source';

const shipped = new Map<ShippedChooser, RankingModel | null>();

/**
 * A shipped chooser (models/attribution/<name>.json), read once; null when absent.
 *
 * @example
 * const endModel = shippedRankingModel('end'); // null before `npm run train:attribution`
 */
export function shippedRankingModel(name: ShippedChooser): RankingModel | null {
  const held = shipped.get(name);
  if (held !== undefined) return held;
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../../models/attribution/${name}.json`);
  const model = existsSync(file) ? rankingModelFromFile(JSON.parse(readFileSync(file, 'utf8')) as RankingModelFile) : null;
  shipped.set(name, model);
  return model;
}
