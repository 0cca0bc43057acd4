/**
 * @module nlp/ner/eval
 * Entity-level precision, recall and F1 with conlleval's semantics: a chunk starts at B-X,
 * or at I-X after O or another type; a predicted chunk counts only when its type and both
 * ends match a gold chunk.
 */

export interface PRF { tp: number; fp: number; fn: number; p: number; r: number; f1: number }
export type Scores = Record<string, PRF>;

/** Chunks of one tag sequence as "type:start:end" strings (end exclusive). */
export function chunks(tags: readonly string[]): string[] {
  const out: string[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i] : 'O';
    const tt = t === 'O' ? '' : t.slice(2);
    const begins = t[0] === 'B' || (t[0] === 'I' && tt !== type);
    if (start >= 0 && (t === 'O' || begins)) { out.push(`${type}:${start}:${i}`); start = -1; type = ''; }
    if (begins) { start = i; type = tt; }
  }
  return out;
}

/**
 * Scores predicted against gold tags (one flat sequence; sentence breaks do not matter as
 * long as both sides split the same way).
 *
 * @example
 * evaluate(['B-PER', 'I-PER', 'O'], ['B-PER', 'I-PER', 'O']).ALL.f1 // 100
 */
export function evaluate(gold: readonly string[], pred: readonly string[]): Scores {
  const g = new Set(chunks(gold));
  const p = chunks(pred);
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const c = (t: string) => (counts[t] ??= { tp: 0, fp: 0, fn: 0 });
  for (const x of p) {
    const t = x.split(':')[0];
    if (g.has(x)) { c(t).tp++; c('ALL').tp++; } else { c(t).fp++; c('ALL').fp++; }
  }
  const pset = new Set(p);
  for (const x of g) if (!pset.has(x)) { c(x.split(':')[0]).fn++; c('ALL').fn++; }
  const out: Scores = {};
  for (const [t, { tp, fp, fn }] of Object.entries(counts)) {
    const pr = tp + fp ? (100 * tp) / (tp + fp) : 0;
    const rc = tp + fn ? (100 * tp) / (tp + fn) : 0;
    out[t] = { tp, fp, fn, p: pr, r: rc, f1: pr + rc ? (2 * pr * rc) / (pr + rc) : 0 };
  }
  return out;
}

/** A small table of per-type scores. */
export function formatScores(s: Scores): string {
  const rows = ['type    P      R      F1     (tp/fp/fn)'];
  for (const t of ['PER', 'ORG', 'LOC', 'MISC', 'ALL']) {
    const x = s[t];
    if (!x) continue;
    rows.push(`${t.padEnd(6)} ${x.p.toFixed(2).padStart(6)} ${x.r.toFixed(2).padStart(6)} ${x.f1.toFixed(2).padStart(6)}  (${x.tp}/${x.fp}/${x.fn})`);
  }
  return rows.join('\n');
}
