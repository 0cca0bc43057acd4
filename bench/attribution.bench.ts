/**
 * Attribution benchmark over PolNeAR dev (../shared/data/polnear/dev): content-span F1
 * (exact and overlapping), source F1, cue F1, whole-relation F1 and articles/s, with a
 * baseline (compromise's quotations() and the nearest person) measured in the same run.
 *
 * Matching (documented in bench/results/attribution.md):
 * - spans are compared after trimming white space, quote marks, edge punctuation and a
 *   leading "that" (PolNeAR's content includes the marks and the complementiser; ours does not);
 * - "overlap": |pred ∩ gold| / max(|pred|, |gold|) ≥ 0.3, over characters, pairs matched
 *   one-to-one, best overlap first; discontinuous spans count their pieces;
 * - source: a content-matched pair whose sources overlap (or both have none);
 *   cue: cue spans matched on their own; relation: content, source and cue all match;
 *   "source spans": the sources matched on their own as the cues are (one span per relation
 *   that has one, one-to-one, any overlap), whatever content their relation was given.
 * One annotation file per article (the first by name) where an article has several.
 *
 * A second block is a proxy for the issue's news-quote target, on PolNeAR (not the issue's
 * held-out news set): only the gold relations whose content is a direct quotation (its text
 * sits between quotation marks) and the predictions of the same shape, scored with the
 * GenderGapTracker rule (sfu-discourse-lab/GenderGapTracker, NLP/evaluation/src/eval/
 * evaluate_quotes.py): for each gold quote in order, the remaining prediction covering the
 * largest share of it matches when that share is > 0.3 (|gold ∩ pred| / |gold|, characters);
 * speaker accuracy is the share of matched quotes whose sources overlap (or both have none).
 *
 * Run: npm run bench:attribution [-- --limit N] [-- --split train] [-- --dump] [-- --cache] [-- --no-baseline] [-- --skip N]
 * `--dump` also lists the proxy's missed quotes (QMISS), unmatched predicted quotes (QFP) and
 * wrong speakers (QSRC).
 * `--cache` keeps the layers before the attribution stage (tokens … resolve) in the system's
 * temporary folder and reuses them on later runs, so that rule changes can be measured in
 * seconds; articles/s then counts the attribution stage alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { createEngine } from '../src/engine.js';
import { defaultStages } from '../src/pipeline.js';
import { attributionStage } from '../src/attribute/stage.js';
import { readReport } from '../src/ingest/report.js';
import { createWorkingDoc } from '../src/doc.js';
import type { WorkingDoc } from '../src/types.js';

type Range = [number, number];
interface Rel { content: Range[]; source: Range[] | null; cue: Range[] | null; by?: string }

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
const dump = args.includes('--dump');
const useCache = args.includes('--cache');
/** --skip N: leave out the first N articles (with --limit, a half of dev: --limit 42 / --skip 42). */
const skip = args.includes('--skip') ? Number(args[args.indexOf('--skip') + 1]) : 0;
const noBaseline = args.includes('--no-baseline');
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
const dir = path.resolve(repoRoot, '../shared/data/polnear', split);
if (!existsSync(dir)) {
  console.log(`bench:attribution: skipped (${dir} not found)`);
  process.exit(0);
}

function parseRanges(s: string): Range[] {
  return s.split(';').map((p) => p.trim().split(/\s+/).map(Number) as Range);
}

function readAnn(file: string): Rel[] {
  const spans = new Map<string, Range[]>();
  const rels: Rel[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const line of lines) {
    if (!line.startsWith('T')) continue;
    const [id, info] = line.split('\t');
    const m = /^(\S+) (.*)$/.exec(info ?? '');
    if (m) spans.set(id, parseRanges(m[2]));
  }
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const roles = new Map<string, string>();
    for (const part of line.split('\t')[1].trim().split(/\s+/)) {
      const [role, ref] = part.split(':');
      roles.set(role, ref);
    }
    const content = spans.get(roles.get('Content') ?? '');
    if (!content) continue;
    const src = roles.get('Source');
    const cue = roles.get('Cue');
    rels.push({ content, source: src ? spans.get(src) ?? null : null, cue: cue ? spans.get(cue) ?? null : null });
  }
  return rels;
}

const EDGE = /^[\s"“”‘’'«»„,.;:!?—–-]+|[\s"“”‘’'«»„,.;:!?—–-]+$/g;
/** Normalised ranges: trimmed of marks and edge punctuation; a leading "that " dropped. */
function norm(text: string, rs: Range[]): Range[] {
  const out: Range[] = [];
  for (let [s, e] of rs) {
    while (s < e && EDGE.test(text[s])) { EDGE.lastIndex = 0; s++; }
    EDGE.lastIndex = 0;
    while (e > s && /[\s"“”‘’'«»„,.;:!?—–-]/.test(text[e - 1])) e--;
    if (out.length === 0 && /^that\s/i.test(text.slice(s, s + 5))) s += 5;
    if (e > s) out.push([s, e]);
  }
  return out;
}
const len = (rs: Range[]) => rs.reduce((n, [s, e]) => n + (e - s), 0);
function inter(a: Range[], b: Range[]): number {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
}
const overlap = (a: Range[], b: Range[]) => { const m = Math.max(len(a), len(b)); return m === 0 ? 0 : inter(a, b) / m; };
const same = (a: Range[], b: Range[]) => a.length > 0 && a.length === b.length && a.every((r, k) => r[0] === b[k][0] && r[1] === b[k][1]);
/** GenderGapTracker's asymmetric match score: the share of the gold span the prediction covers. */
const goldShare = (p: Range[], g: Range[]) => { const m = len(g); return m === 0 ? 0 : inter(p, g) / m; };
const OPEN_MARK = /["“‘'«„‚‹]/, CLOSE_MARK = /["”’'»“‹›]/;
/** A direct quotation: quotation marks right around the span (white space and its own edge punctuation aside). */
function isDirectQuote(text: string, rs: Range[]): boolean {
  if (rs.length === 0) return false;
  let s = rs[0][0], e = rs[rs.length - 1][1];
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /[\s,.;:!?—–-]/.test(text[e - 1])) e--;
  if (e <= s) return false;
  let b = s;
  while (b > 0 && /\s/.test(text[b - 1])) b--;
  const opens = OPEN_MARK.test(text[s]) || (b > 0 && OPEN_MARK.test(text[b - 1]));
  let a = e;
  while (a < text.length && /[\s,.;:!?]/.test(text[a])) a++;
  const closes = CLOSE_MARK.test(text[e - 1]) || (a < text.length && CLOSE_MARK.test(text[a]));
  return opens && closes;
}
const span0 = (a: Range[]) => (a.length ? [[a[0][0], a[a.length - 1][1]] as Range] : []);

/** One-to-one matching, best score first; returns pred index → gold index. */
function match(pred: Range[][], gold: Range[][], score: (p: Range[], g: Range[]) => number, min: number): Map<number, number> {
  const pairs: [number, number, number][] = [];
  pred.forEach((p, i) => gold.forEach((g, j) => { const s = score(p, g); if (s >= min && s > 0) pairs.push([s, i, j]); }));
  pairs.sort((a, b) => b[0] - a[0]);
  const out = new Map<number, number>();
  const usedG = new Set<number>();
  for (const [, i, j] of pairs) if (!out.has(i) && !usedG.has(j)) { out.set(i, j); usedG.add(j); }
  return out;
}

class Counts {
  tp = 0; np = 0; ng = 0;
  add(tp: number, np: number, ng: number) { this.tp += tp; this.np += np; this.ng += ng; }
  get p() { return this.np ? this.tp / this.np : 0; }
  get r() { return this.ng ? this.tp / this.ng : 0; }
  get f() { return this.p + this.r ? (2 * this.p * this.r) / (this.p + this.r) : 0; }
  show() { return `P ${(100 * this.p).toFixed(1)}  R ${(100 * this.r).toFixed(1)}  F1 ${(100 * this.f).toFixed(1)}`; }
}

interface Scores { contentExact: Counts; contentOverlap: Counts; source: Counts; sourceExact: Counts; sourceAlone: Counts; cue: Counts; relation: Counts; quote: Counts; speaker: Counts }
const newScores = (): Scores => ({ contentExact: new Counts(), contentOverlap: new Counts(), source: new Counts(), sourceExact: new Counts(), sourceAlone: new Counts(), cue: new Counts(), relation: new Counts(), quote: new Counts(), speaker: new Counts() });

/** The news-quote proxy: direct quotations only, matched as GenderGapTracker's evaluate_quotes.py does. */
function scoreQuotes(sc: Scores, text: string, pred: Rel[], gold: Rel[]) {
  const pq = pred.filter((r) => isDirectQuote(text, r.content));
  const gq = gold.filter((r) => isDirectQuote(text, r.content));
  const pn = pq.map((r) => norm(text, r.content)), gn = gq.map((r) => norm(text, r.content));
  const left = new Set(pq.keys());
  let tp = 0, speakerOk = 0;
  const show = (r: Range[] | null) => (r ? r.map(([a, b]) => text.slice(a, b)).join(' … ') : '-');
  gq.forEach((g, j) => {
    let best = -1, bestShare = 0;
    for (const i of left) { const sh = goldShare(pn[i], gn[j]); if (sh > 0.3 && sh > bestShare) { bestShare = sh; best = i; } }
    if (best < 0) {
      if (dump && sc === ours) console.log(`QMISS src=[${show(g.source)}] ${show(gn[j]).slice(0, 140)}`);
      return;
    }
    left.delete(best);
    tp++;
    const ps = pq[best].source ? norm(text, pq[best].source!) : null;
    const gs = g.source ? norm(text, g.source) : null;
    if ((!ps && !gs) || (ps && gs && inter(ps, gs) > 0)) speakerOk++;
    else if (dump && sc === ours) console.log(`QSRC ${pq[best].by ?? ''} pred=[${show(ps)}] gold=[${show(gs)}] ${show(gn[j]).slice(0, 80)}`);
  });
  // --dump: predicted quotes that matched no gold quote
  if (dump && sc === ours) for (const i of left) console.log(`QFP  ${pq[i].by ?? ''} src=[${show(pq[i].source)}] ${show(pn[i]).slice(0, 120)}`);
  sc.quote.add(tp, pq.length, gq.length);
  sc.speaker.add(speakerOk, tp, tp);
}

function score(sc: Scores, text: string, pred: Rel[], gold: Rel[]) {
  const pc = pred.map((r) => norm(text, r.content));
  const gc = gold.map((r) => norm(text, r.content));
  const exact = match(pc.map(span0), gc.map(span0), (a, b) => (same(a, b) ? 1 : 0), 1);
  sc.contentExact.add(exact.size, pred.length, gold.length);
  const ov = match(pc, gc, overlap, 0.3);
  sc.contentOverlap.add(ov.size, pred.length, gold.length);
  if (dump && sc === ours) {
    // --dump: missed gold relations and unmatched predictions, for error analysis
    const hit = new Set(ov.values());
    const show = (r: Range[] | null) => (r ? r.map(([a, b]) => text.slice(a, b)).join(' … ') : '-');
    gold.forEach((g, j) => {
      if (hit.has(j)) return;
      // the prediction overlapping it most, if any (too long, too short or taken by another)
      let bi = -1, bo = 0;
      pc.forEach((p, i) => { const o = inter(p, gc[j]); if (o > bo) { bo = o; bi = i; } });
      const near = bi >= 0 ? ` || NEAR ${pred[bi].by ?? ''} ov=${overlap(pc[bi], gc[j]).toFixed(2)}${ov.has(bi) ? ' (taken)' : ''} [${show(pc[bi]).slice(0, 100)}]` : '';
      console.log(`MISS cue=[${show(g.cue)}] src=[${show(g.source)}] ${show(g.content).slice(0, 120)}${near}`);
    });
    pred.forEach((p, i) => { const k = (p.by ?? '').replace(/\+.*/, '') + (p.source ? '' : ' (no source)'); const t = byRule.get(k) ?? [0, 0, 0]; t[0]++; if (ov.has(i)) { t[1]++; const g = gold[ov.get(i)!]; const ps = p.source ? norm(text, p.source) : null; const gs = g.source ? norm(text, g.source) : null; if ((!ps && !gs) || (ps && gs && inter(ps, gs) > 0)) t[2]++; } byRule.set(k, t); });
    pred.forEach((p, i) => { if (!ov.has(i)) console.log(`FP   ${p.by ?? ''} cue=[${show(p.cue)}] src=[${show(p.source)}] ${show(p.content).slice(0, 120)}`); });
  }
  let srcOk = 0, srcExact = 0, relOk = 0;
  for (const [i, j] of ov) {
    const ps = pred[i].source ? norm(text, pred[i].source!) : null;
    const gs = gold[j].source ? norm(text, gold[j].source!) : null;
    const sOk = (!ps && !gs) || (!!ps && !!gs && inter(ps, gs) > 0);
    if (dump && sc === ours) {
      const show = (r: Range[] | null) => (r ? r.map(([a, b]) => text.slice(a, b)).join(' … ') : '-');
      if (!sOk) console.log(`SRC  ${pred[i].by ?? ''} pred=[${show(ps)}] gold=[${show(gs)}] cue=[${show(pred[i].cue)}|${show(gold[j].cue)}] ${show(gc[j]).slice(0, 80)}`);
      if (!same(span0(pc[i]), span0(gc[j]))) {
        const [p0, p1] = span0(pc[i])[0], [g0, g1] = span0(gc[j])[0];
        const edge = (a: number, b: number) => (a === b ? '=' : a < b ? `+[${text.slice(a, b).slice(0, 60)}]` : `-[${text.slice(b, a).slice(0, 60)}]`);
        // left: + means we start earlier (extra text), - means we miss text; right likewise
        console.log(`BND  ${pred[i].by ?? ''} L${edge(p0, g0)} R${p1 === g1 ? '=' : p1 > g1 ? `+[${text.slice(g1, p1).slice(0, 60)}]` : `-[${text.slice(p1, g1).slice(0, 60)}]`} cue=[${show(gold[j].cue)}]`);
      }
    }
    if (sOk && ps) srcOk++;
    if (ps && gs && same(span0(ps), span0(gs))) srcExact++;
    const pq = pred[i].cue, gq = gold[j].cue;
    const cOk = (!pq && !gq) || (!!pq && !!gq && inter(pq, gq) > 0);
    if (sOk && cOk) relOk++;
  }
  sc.source.add(srcOk, pred.filter((r) => r.source).length, gold.filter((r) => r.source).length);
  sc.sourceExact.add(srcExact, pred.filter((r) => r.source).length, gold.filter((r) => r.source).length);
  // source spans on their own, matched as the cues are: one span per relation that has a source,
  // one-to-one, any overlap; whatever content the relation was given
  const psAlone = pred.filter((r) => r.source).map((r) => norm(text, r.source!));
  const gsAlone = gold.filter((r) => r.source).map((r) => norm(text, r.source!));
  sc.sourceAlone.add(match(psAlone, gsAlone, (a, b) => (inter(a, b) > 0 ? 1 : 0), 1).size, psAlone.length, gsAlone.length);
  const pq = pred.filter((r) => r.cue).map((r) => r.cue!);
  const gq = gold.filter((r) => r.cue).map((r) => r.cue!);
  sc.cue.add(match(pq, gq, (a, b) => (inter(a, b) > 0 ? 1 : 0), 1).size, pq.length, gq.length);
  sc.relation.add(relOk, pred.length, gold.length);
  scoreQuotes(sc, text, pred, gold);
}

// the registered pipeline; the attribution stage is added at the end where it is not registered
const registered = defaultStages();
const engine = createEngine({ stages: registered.some((s) => s.name === attributionStage.name) ? registered : [...registered, attributionStage] });
const before = engine.stages.slice(0, engine.stages.findIndex((s) => s.name === attributionStage.name));
const cacheDir = path.join(os.tmpdir(), 'dateline-attribution-cache', split);

/** --cache: the layers before the attribution stage, from the cache or computed and stored. */
function cachedDoc(stem: string, text: string): WorkingDoc {
  const file = path.join(cacheDir, stem + '.json');
  const doc = createWorkingDoc(readReport(text, { id: stem }));
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(doc, c, { heads: c.heads ? Int32Array.from(c.heads) : null });
    return doc;
  }
  for (const s of before) s.run(doc);
  mkdirSync(cacheDir, { recursive: true });
  const { tokens, sentences, pos, heads, deprels, nerTags, mentions, entities, times, data } = doc;
  writeFileSync(file, JSON.stringify({ tokens, sentences, pos, heads: heads ? [...heads] : null, deprels, nerTags, mentions, entities, times, data }));
  return doc;
}

/** Baseline: compromise's quotations(), the nearest person name (by characters) as source. */
function baseline(text: string): Rel[] {
  const d = nlp(text);
  const people = (d.people().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[])
    .map((p) => [p.offset.start, p.offset.start + p.offset.length] as Range);
  const rels: Rel[] = [];
  for (const q of d.quotations().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]) {
    const s = q.offset.start, e = s + q.offset.length;
    let best: Range | null = null;
    let dist = Infinity;
    for (const p of people) {
      const dd = p[1] <= s ? s - p[1] : p[0] >= e ? p[0] - e : Infinity;
      if (dd < dist && dd < 200) { dist = dd; best = p; }
    }
    rels.push({ content: [[s, e]], source: best ? [best] : null, cue: null });
  }
  return rels;
}

const files = readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().slice(skip, skip + limit);
const anns = readdirSync(path.join(dir, 'attributions')).sort();
const ours = newScores(), base = newScores();
/** --dump: per rule, [predicted, content-matched, source right]. */
const byRule = new Map<string, number[]>();
let ms = 0, msBase = 0, n = 0;
for (const f of files) {
  const stem = f.slice(0, -4);
  const ann = anns.find((a) => a.startsWith(stem + '_'));
  if (!ann) continue;
  const text = readFileSync(path.join(dir, 'text', f), 'utf8');
  const gold = readAnn(path.join(dir, 'attributions', ann));
  let doc: WorkingDoc;
  let t0 = performance.now();
  if (useCache) {
    doc = cachedDoc(stem, text);
    t0 = performance.now();
    attributionStage.run(doc);
  } else doc = engine.process(readReport(text, { id: stem }));
  ms += performance.now() - t0;
  const pred: Rel[] = doc.attributions.map((a) => ({
    content: (a.content.parts ?? [a.content]).map((p) => [p.start, p.end] as Range),
    source: a.source ? [[a.source.start, a.source.end]] : null,
    cue: a.cue ? [[a.cue.start, a.cue.end]] : null,
    by: a.by,
  }));
  score(ours, text, pred, gold);
  if (!noBaseline) {
    t0 = performance.now();
    const b = baseline(text);
    msBase += performance.now() - t0;
    score(base, text, b, gold);
  }
  n++;
}

const table = (name: string, s: Scores, msTotal: number) => [
  `${name}`,
  `  content exact     ${s.contentExact.show()}`,
  `  content overlap   ${s.contentOverlap.show()}`,
  `  source (overlap)  ${s.source.show()}`,
  `  source exact      ${s.sourceExact.show()}`,
  `  source spans      ${s.sourceAlone.show()}   (on their own, matched as the cues are)`,
  `  cue               ${s.cue.show()}`,
  `  relation          ${s.relation.show()}`,
  `  articles/s        ${(n / (msTotal / 1000)).toFixed(1)}`,
].join('\n');
console.log(`PolNeAR ${split}: ${n} articles (stages: ${engine.stages.map((s) => s.name).join(', ')})${useCache ? ' — cached layers: articles/s is the attribution stage alone' : ''}`);
console.log(table('dateline attribute', ours, ms));
if (dump) for (const [k, [np, tp, st]] of [...byRule].sort((a, b) => b[1][0] - a[1][0])) console.log(`RULE ${k}: ${np} predicted, content precision ${(100 * tp / np).toFixed(1)}, source right on ${(100 * st / Math.max(1, tp)).toFixed(1)} % of matched`);
if (!noBaseline) console.log(table('baseline: compromise quotations() + nearest person', base, msBase));
const quoteTable = (name: string, s: Scores) =>
  `  ${name.padEnd(20)}quote ${s.quote.show()}  (${s.quote.ng} gold, ${s.quote.np} predicted)   speaker accuracy ${(100 * s.speaker.p).toFixed(1)} (${s.speaker.tp}/${s.speaker.np})`;
console.log([
  `news-quote PROXY on PolNeAR ${split} (not the issue's held-out news set): direct quotations only, GenderGapTracker rule (gold share > 0.3; speaker = sources overlap)`,
  quoteTable('dateline attribute', ours),
  ...(noBaseline ? [] : [quoteTable('baseline', base)]),
].join('\n'));
