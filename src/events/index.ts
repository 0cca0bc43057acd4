/**
 * @module events
 * PLOVER events: the stage, its lexicon and the actor reading it uses.
 */
export { createEventStage, eventStage, runEvents, type EventStageOptions } from './stage.js';
export { loadEventLexicon, defaultLexiconDir, verbForms, nounForms, type EventLexicon, type TriggerEntry } from './lexicon.js';
export { actorPhrases, type ActorPhrase } from './actors.js';
