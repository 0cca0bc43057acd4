/** Lookups the resolve specs share: what entity, and what actor code, a piece of text got. */
import { actorForSpan } from '../../src/resolve/index.js';
import type { AnalysisEntity, WorkingDoc } from '../../src/types.js';

/** The entity of the first mention whose text is exactly `text`. */
export function entityOfText(doc: WorkingDoc, text: string): AnalysisEntity | undefined {
  const m = doc.mentions.find((x) => x.text === text);
  return m ? doc.entities.find((e) => e.id === m.entity) : undefined;
}

/** The actor (entity and codes) the resolve layer gives the first occurrence of `text`. */
export function actorOf(doc: WorkingDoc, text: string) {
  const at = doc.text.indexOf(text);
  return actorForSpan(doc, at, at + text.length);
}
