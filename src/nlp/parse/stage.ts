/**
 * @module nlp/parse/stage
 * The dependency-parsing stage: parses each sentence of `doc.sentences` separately and
 * sets `doc.heads` (head token index in `doc.tokens`, -1 for a sentence's root) and
 * `doc.deprels` (UD relations). It needs `doc.pos`; without it the stage tags on the fly.
 */
import type { Stage, WorkingDoc } from '../../types.js';
import { shippedPosModel } from '../pos/model.js';
import { POS_ALTS_KEY, sentenceRanges } from '../pos/stage.js';
import { tagWordsWithAlts, type PosModel } from '../pos/tagger.js';
import { PARSER_MODEL_ID, shippedParserModel } from './model.js';
import { parseWords, type ParserModel } from './parser.js';

export const MSG_NO_PARSER_MODEL = 'parser model not found (models/parser/parser.bin); run `npm run train:parser`';
export const MSG_NO_POS = 'no part-of-speech tags and no POS model; cannot parse';

/**
 * Parses every sentence of `doc` (tags from `doc.pos`, or from `tagger` when absent).
 *
 * @example
 * const { heads, deprels } = parseDoc(doc, shippedParserModel()!);
 */
export function parseDoc(doc: WorkingDoc, model: ParserModel, tagger?: PosModel | null): { heads: Int32Array; deprels: string[] } | null {
  const heads = new Int32Array(doc.tokens.length).fill(-1);
  const deprels: string[] = new Array(doc.tokens.length).fill('root');
  // the tagger's runner-up tags, when the POS stage left them for this very tagging
  const docAlts = doc.data[POS_ALTS_KEY];
  const haveAlts = Array.isArray(docAlts) && doc.pos != null && docAlts.length === doc.pos.length;
  for (const [from, to] of sentenceRanges(doc)) {
    if (to <= from) continue;
    const words = doc.tokens.slice(from, to).map((t) => t.text);
    let tags = doc.pos?.slice(from, to);
    let alts: string[] | undefined = haveAlts ? (docAlts as string[]).slice(from, to) : undefined;
    if (!tags) {
      if (!tagger) return null;
      alts = [];
      tags = tagWordsWithAlts(tagger, words, alts);
    }
    const p = parseWords(model, words, tags, alts);
    for (let i = 0; i < words.length; i++) {
      heads[from + i] = p.heads[i] < 0 ? -1 : from + p.heads[i];
      deprels[from + i] = p.rels[i];
    }
  }
  return { heads, deprels };
}

/** A parse stage with a given model; `parseStage` uses the shipped one. Provenance: `doc.data.parseBy`. */
export function createParseStage(getModel: () => ParserModel | null, getTagger: () => PosModel | null = shippedPosModel, by = PARSER_MODEL_ID): Stage {
  return {
    name: 'nlp/parse',
    run(doc: WorkingDoc) {
      if (doc.heads && doc.deprels) return;
      const model = getModel();
      if (!model) {
        doc.messages.push({ stage: 'nlp/parse', reason: MSG_NO_PARSER_MODEL });
        return;
      }
      const out = parseDoc(doc, model, doc.pos ? null : getTagger());
      if (!out) {
        doc.messages.push({ stage: 'nlp/parse', reason: MSG_NO_POS });
        return;
      }
      doc.heads = out.heads;
      doc.deprels = out.deprels;
      doc.data.parseBy = by;
    },
  };
}

/** The dependency-parsing stage with the shipped model, loaded on first use. */
export const parseStage: Stage = createParseStage(shippedParserModel);
