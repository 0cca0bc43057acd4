/**
 * @module nlp/parse/model
 * The shipped parser model (`models/parser/parser.bin`): transition weights, labeller
 * weights and label set in one file, loaded lazily on first use.
 */
import { CompactModel, loadModelFile, saveModelFile } from '../pos/perceptron.js';
import { findModelFile } from '../pos/model.js';
import type { ParserModel } from './parser.js';

/** Provenance tag of the shipped parser. */
export const PARSER_MODEL_ID = 'model/parser-arceager@3';
/** Provenance tag a mixture of parsers would ship under (`npm run train:parser -- --mix`). */
export const PARSER_MIX_MODEL_ID = 'model/parser-arceager@4';
export const PARSER_MODEL_FILE = 'parser/parser.bin';

/** Header stored with the weights. */
export interface ParserModelHeader {
  id: string;
  labels: string[];
  transitionScale: number;
  labelScale: number;
  trainedOn: string;
  scores?: Record<string, number>;
  /** feature groups the weights use (see `FeatureGroup`); absent in @3 = none */
  groups?: number;
}

/** Saves a trained parser. */
export function saveParserModel(
  file: string,
  model: ParserModel & { transitions: CompactModel; labeller: CompactModel },
  meta: { trainedOn: string; scores?: Record<string, number>; id?: string },
): void {
  const header: ParserModelHeader = {
    id: meta.id ?? PARSER_MODEL_ID,
    labels: model.labels,
    transitionScale: model.transitions.scale,
    labelScale: model.labeller.scale,
    trainedOn: meta.trainedOn,
    scores: meta.scores,
    ...(model.groups ? { groups: model.groups } : {}),
  };
  saveModelFile(file, header, { ...model.transitions.toArrays('t'), ...model.labeller.toArrays('l') });
}

/** Loads a parser saved by {@link saveParserModel}. */
export function loadParserModel(file: string): ParserModel & { header: ParserModelHeader } {
  const { header, arrays } = loadModelFile<ParserModelHeader>(file);
  return {
    transitions: CompactModel.fromArrays('t', 4, header.transitionScale, arrays),
    labels: header.labels,
    labeller: CompactModel.fromArrays('l', header.labels.length, header.labelScale, arrays),
    groups: header.groups ?? 0,
    header,
  };
}

let shipped: (ParserModel & { header: ParserModelHeader }) | null | undefined;

/** The shipped parser, loaded on first call; `null` when absent (run `npm run train:parser`). */
export function shippedParserModel(): (ParserModel & { header: ParserModelHeader }) | null {
  if (shipped === undefined) {
    const file = findModelFile(PARSER_MODEL_FILE);
    shipped = file ? loadParserModel(file) : null;
  }
  return shipped;
}
