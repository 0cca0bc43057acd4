/**
 * @module pipeline
 * The ordered stages, declared in one place. Each stage reads the layers before it and adds
 * one; to add a step, add it to a list here (or build an engine with your own list).
 */
import type { Stage } from './types.js';
import { tokenizeStage, sentenceStage } from './nlp/stages.js';
import { posStage } from './nlp/pos/stage.js';
import { nerStage } from './nlp/ner/stage.js';
import { parseStage } from './nlp/parse/stage.js';
import { eventStage } from './events/index.js';
import { attributionStage } from './attribute/stage.js';
import { resolveStage } from './resolve/index.js';
import { timeStage } from './time/index.js';

/**
 * The full analysis, in order:
 * tokens → sentences → part of speech → names → dependencies → times → entities →
 * attributions → events.
 */
export function defaultStages(): Stage[] {
  return [
    tokenizeStage,
    sentenceStage,
    posStage,
    nerStage,
    parseStage,
    // times: after the NER/parse stages (the POS tags, when present, decide tense), before resolve
    timeStage,
    // entities: after the time stage (the last stage before attributions here)
    resolveStage,
    // attributions: after resolve once that stage is registered (sources read its mentions)
    attributionStage,
    // events stay last: they read every layer above (attributions, when that stage lands, go before).
    eventStage,
  ];
}
