/**
 * @module nlp/ner/stage
 * The NER pipeline stage: IOB2 tags per token (`doc.nerTags`) and one `name` mention per
 * entity span (`doc.mentions`), typed for Contract 1. It reads tokens and sentences only
 * (never part-of-speech tags), so it runs the same whether or not a POS tagger ran.
 */
import type { AnalysisMention, EntityType, Stage, WorkingDoc } from '../../types.js';
import { countryIndex, normaliseName } from '../../resolve/countries.js';
import { MODIFIER_COMPOUND } from '../tokenize.js';
import { loadTagger, type NerTagger } from './tagger.js';
import { GAZ, PHRASE_SEED, normKey, phraseStep, strHash } from './lexicon.js';

/**
 * Contract 1 type for a CoNLL type and the mention's words. LOC is GPE when it names a
 * country, capital, city, state or province; MISC is NORP when it is a nationality or demonym.
 *
 * @example
 * analysisType('LOC', ['North', 'Korea'], tagger) // 'GPE'
 * analysisType('MISC', ['Russian'], tagger)       // 'NORP'
 */
export function analysisType(conllType: string, words: readonly string[], tagger: NerTagger | null): EntityType {
  switch (conllType) {
    case 'PER': return 'PERSON';
    case 'ORG': return 'ORG';
    case 'LOC': {
      const text = words.join(' ');
      const idx = countryIndex();
      const key = normaliseName(text);
      if (idx.byName.has(key) || idx.byCapital.has(key)) return 'GPE';
      if (tagger) {
        let h = PHRASE_SEED;
        for (const w of words) h = phraseStep(h, strHash(normKey(w)));
        if (tagger.lexicon.phraseOf(h) & (GAZ.COUNTRY | GAZ.CITY | GAZ.CAPITAL | GAZ.BIG_CITY | GAZ.REGION)) return 'GPE';
      }
      return 'LOC';
    }
    case 'MISC': {
      const idx = countryIndex();
      const key = normaliseName(words.join(' '));
      if (idx.byDemonym.has(key) || (key.endsWith('s') && idx.byDemonym.has(key.slice(0, -1)))) return 'NORP';
      return 'MISC';
    }
    default: return 'MISC';
  }
}

export const nerStage: Stage = {
  name: 'nlp/ner',
  run(doc: WorkingDoc) {
    const tagger = loadTagger();
    if (!tagger) {
      doc.messages.push({ stage: 'nlp/ner', reason: 'no NER model in models/ner (run npm run train:ner); no name mentions' });
      return;
    }
    const words = doc.tokens.map((t) => t.text);
    const ranges: [number, number][] = doc.sentences.length > 0
      ? doc.sentences.map((s) => [s.tokenStart, s.tokenEnd])
      : [[0, words.length]];
    const tags = tagger.tag(words, ranges);
    doc.nerTags = tags;
    // one mention per B-X I-X… run
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i];
      if (t[0] !== 'B') continue;
      const type = t.slice(2);
      const inside = 'I-' + type; // built once per mention, not per token
      let j = i + 1;
      while (j < tags.length && tags[j] === inside) j++;
      // a leading "Kremlin-backed" is left out of the mention (the IOB2 tags, which the
      // CoNLL output writes, keep the model's reading)
      if (j - i > 1 && MODIFIER_COMPOUND.test(words[i])) i++;
      const start = doc.tokens[i].start;
      const end = doc.tokens[j - 1].end;
      const mention: AnalysisMention = {
        id: 'm' + (doc.mentions.length + 1),
        start, end, text: doc.text.slice(start, end),
        type: analysisType(type, words.slice(i, j), tagger),
        entity: null, kind: 'name', by: tagger.by,
      };
      doc.mentions.push(mention);
      i = j - 1;
    }
  },
};
