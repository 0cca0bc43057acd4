/**
 * @module doc
 * Creating a working document and turning it into Contract 1.
 */
import type { Analysis, DocumentMeta, Sentence, Token, WorkingDoc } from './types.js';

/** A fresh working document for `document`; `tokens` when the input gave them (CoNLL). */
export function createWorkingDoc(document: DocumentMeta, given?: { tokens?: Token[]; sentences?: Sentence[] }): WorkingDoc {
  return {
    document,
    text: document.text,
    context: { documentDate: document.published ? document.published.slice(0, 10) : null, dateline: document.dateline },
    tokens: given?.tokens ?? [],
    sentences: given?.sentences ?? [],
    pos: null,
    heads: null,
    deprels: null,
    nerTags: null,
    mentions: [],
    entities: [],
    times: [],
    attributions: [],
    events: [],
    messages: [],
    data: {},
  };
}

/** The Contract 1 view of a working document. Layers are sorted by offset for stable output. */
export function toAnalysis(doc: WorkingDoc): Analysis {
  const byStart = <T extends { start: number; end: number }>(a: T, b: T) => a.start - b.start || a.end - b.end;
  return {
    schema: 'dateline/analysis@1',
    document: doc.document,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    entities: doc.entities,
    mentions: [...doc.mentions].sort(byStart),
    times: [...doc.times].sort(byStart),
    attributions: doc.attributions,
    events: doc.events,
    messages: doc.messages,
  };
}
