/**
 * @module engine
 * An engine is built from an immutable configuration (its stage list) and analyses one
 * document at a time. There is no global registry: two engines with different stages can
 * live side by side.
 */
import type { Analysis, DocumentMeta, Sentence, Stage, Token, WorkingDoc } from './types.js';
import { createWorkingDoc, toAnalysis } from './doc.js';
import { defaultStages } from './pipeline.js';
import { readReport, type ReportOrigin } from './ingest/report.js';

export interface EngineConfig {
  /** The stages to run, in order. Default: `defaultStages()`. */
  readonly stages?: readonly Stage[];
}

export interface Engine {
  readonly stages: readonly Stage[];
  /** Runs every stage over a document and returns the working document. */
  process(document: DocumentMeta, given?: { tokens?: Token[]; sentences?: Sentence[] }): WorkingDoc;
  /** Contract 1 for a document. */
  analyse(document: DocumentMeta, given?: { tokens?: Token[]; sentences?: Sentence[] }): Analysis;
  /** Contract 1 for a plain-text report (header and dateline read from the text). */
  analyseText(text: string, origin?: ReportOrigin): Analysis;
}

/**
 * @example
 * const engine = createEngine();
 * const analysis = engine.analyseText('date 2025-04-28 Moscow [Russia], April 28 : …');
 */
export function createEngine(config: EngineConfig = {}): Engine {
  const stages = Object.freeze([...(config.stages ?? defaultStages())]);
  const process = (document: DocumentMeta, given?: { tokens?: Token[]; sentences?: Sentence[] }) => {
    const doc = createWorkingDoc(document, given);
    for (const stage of stages) stage.run(doc);
    return doc;
  };
  return Object.freeze({
    stages,
    process,
    analyse: (document: DocumentMeta, given?: { tokens?: Token[]; sentences?: Sentence[] }) => toAnalysis(process(document, given)),
    analyseText: (text: string, origin?: ReportOrigin) => toAnalysis(process(readReport(text, origin))),
  });
}
