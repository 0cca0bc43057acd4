/**
 * What the time specs share: an engine with only the tokenizer, the sentence splitter and
 * the time stage, the lexicon's tense cues as the tagger builds them, and hand-tagged tokens.
 */
import { createEngine } from '../../src/engine.js';
import { tokenizeStage, sentenceStage } from '../../src/nlp/stages.js';
import { createTimeStage } from '../../src/time/index.js';
import type { AnalysisTime } from '../../src/types.js';
import { loadTimeLexicon } from '../../src/time/lexicon.js';
import { tenseCues } from '../../src/time/tense.js';

/** The time lexicon's tense cues, as the tagger builds them. */
const timeLexicon = loadTimeLexicon();
export const cues = tenseCues(timeLexicon);

/** Tokens and Penn tags from "word/TAG word/TAG …", one space between tokens. */
export function tagged(pairs: string) {
  const ws = pairs.split(' ').map((p) => p.split('/'));
  let at = 0;
  const tokens = ws.map(([w]) => { const t = { start: at, end: at + w.length, text: w }; at += w.length + 1; return t; });
  return { tokens, pos: ws.map(([, t]) => t) };
}

export const engine = createEngine({ stages: [tokenizeStage, sentenceStage, createTimeStage()] });
/** All times of `text` read on `date` (null: a document without a date). */
export const times = (text: string, date: string | null): AnalysisTime[] =>
  engine.process({ id: 't', hash: 'h', title: null, url: null, source: null, published: date, dateline: null, language: 'en', text }).times;
