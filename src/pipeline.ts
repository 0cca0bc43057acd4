/**
 * @module pipeline
 * The ordered stages, declared in one place. Each stage reads the layers before it and adds
 * one; to add a step, add it to the list here (or build an engine with your own list:
 * `createEngine({ stages })`).
 */
import type { Stage } from './types.js';
import { tokenizeStage, sentenceStage } from './nlp/stages.js';
import { posStage } from './nlp/pos/stage.js';
import { nerStage } from './nlp/ner/stage.js';
import { parseStage } from './nlp/parse/stage.js';
import { timeStage } from './time/index.js';
import { resolveStage } from './resolve/index.js';
import { attributionStage } from './attribute/stage.js';
import { eventStage } from './events/index.js';

/**
 * The full analysis, in order:
 * tokens → sentences → part of speech → names → dependencies → times → entities →
 * attributions → events.
 */
export function defaultStages(): Stage[] {
  return [
    tokenizeStage,
    sentenceStage,
    // tags first: the parser reads them (and their runner-ups); NER does not need them
    posStage,
    nerStage,
    parseStage,
    // times read POS tags for the tense that decides "last" or "next" Monday
    timeStage,
    // entities group the NER mentions and add gazetteer, nominal, pronoun and metonym ones
    resolveStage,
    // attributions link their sources to the entities above
    attributionStage,
    // events read every layer above: actors, times, and the attribution that claims them
    eventStage,
  ];
}
