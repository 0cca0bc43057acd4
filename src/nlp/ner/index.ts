/**
 * @module nlp/ner
 * The named-entity tagger: an averaged structured perceptron (Viterbi) over hashed features, with word
 * clusters, gazetteers and document-level features (see models/ner.md).
 */
export { nerStage, analysisType } from './stage.js';
export { loadTagger, createTagger, MODEL_DIR, type NerTagger } from './tagger.js';
