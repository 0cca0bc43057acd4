/**
 * @module time
 * The time layer: TIMEX3 expressions (DATE, TIME, DURATION, SET) with values resolved
 * against the document date (`doc.context.documentDate`, never the wall clock), as a
 * pipeline stage, plus `timeForSpan` for the events stage.
 */
import type { AnalysisTime, Stage, WorkingDoc } from '../types.js';
import { createTimeTagger, type TimeTagger, type TimeTaggerOptions } from './tagger.js';

export { createTimeTagger, type TimeTagger, type TimeTaggerOptions, type TagInput } from './tagger.js';

/**
 * A time stage from options (a fresh tagger per stage: no shared state).
 *
 * @example
 * const engine = createEngine({ stages: [tokenizeStage, sentenceStage, createTimeStage()] });
 */
export function createTimeStage(options: TimeTaggerOptions = {}): Stage {
  let tagger: TimeTagger | null = null;
  return {
    name: 'time',
    run(doc: WorkingDoc) {
      // Built on first use, so a pipeline that never sees a document never reads the lexicon.
      tagger ??= createTimeTagger(options);
      // A seed-style header ("date 2025-04-28 …") is metadata, not a time the report states.
      const header = HEADER.exec(doc.text)?.[0].length ?? 0;
      const found = tagger.tag({
        text: doc.text,
        documentDate: doc.context.documentDate,
        tokens: doc.tokens,
        sentences: doc.sentences,
        pos: doc.pos,
      });
      doc.times = header ? renumber(found.filter((t) => t.start >= header)) : found;
    },
  };
}

const HEADER = /^\s*date\s+\d{4}-\d{2}-\d{2}\S*/i;

/** Ids t1… in text order after a filter (anchors follow their times). */
function renumber(times: AnalysisTime[]): AnalysisTime[] {
  const ids = new Map(times.map((t, i) => [t.id, `t${i + 1}`]));
  return times.map((t) => ({ ...t, id: ids.get(t.id)!, anchor: t.anchor && t.anchor !== 'dct' ? ids.get(t.anchor) ?? 'dct' : t.anchor }));
}

/** The default time stage (chrono-node plus our rules). */
export const timeStage: Stage = createTimeStage();

/** Values that say when only vaguely ("recently"), which cannot date an event. */
const VAGUE = /_REF$/;

/**
 * The time that governs an event trigger at [start, end): the nearest DATE or TIME in the
 * same sentence (preferring one that is not vague), or null when the sentence has none.
 *
 * @example
 * // "On April 26, 2025, the forces defeated the group." (document date 2025-04-28)
 * timeForSpan(doc, 37, 45)?.value // '2025-04-26'
 */
export function timeForSpan(doc: WorkingDoc, start: number, end: number): AnalysisTime | null {
  const sentence = doc.sentences.find((s) => s.start <= start && end <= s.end)
    ?? doc.sentences.find((s) => s.start <= start && start < s.end);
  const lo = sentence?.start ?? 0;
  const hi = sentence?.end ?? doc.text.length;
  let best: AnalysisTime | null = null;
  let bestScore = Infinity;
  for (const t of doc.times) {
    if (t.start < lo || t.end > hi) continue;
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (t.start < end && start < t.end) continue;
    const gap = t.start >= end ? t.start - end : start - t.end;
    // A vague value only when nothing else is there; a time before the trigger in another
    // clause (a comma between) counts a little farther.
    const score = gap + (VAGUE.test(t.value) ? 10000 : 0);
    if (score < bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}
