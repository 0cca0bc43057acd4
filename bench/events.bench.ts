/**
 * Events benchmark over the PLOVER gold-standard records (dev half) in ../shared/data/plover-gsr.
 * Prints event-type accuracy and macro-F1 (over the gold classes), source and target
 * actor-code accuracy, and sentences/s. Skips cleanly when the data is absent.
 *
 * Each record is one sentence with one gold event. The system's answer for a sentence is its
 * main event: the first event triggered by a verb or phrase, else the first event. Gold
 * PLOVER v0.5b1 names are mapped to current PLOVER (FIGHT→ASSAULT, DEMAND→REQUEST,
 * DISAPPROVE and INVESTIGATE→ACCUSE). Actor code accuracy is over records with a gold
 * source (target) list: right when the first predicted actor's code is one of the gold
 * codes; an international body (code null, sector IGO/NGO) counts as gold "IGO"/"NGO".
 *
 *   npm run bench:events            # figures
 *   npm run bench:events -- --errors  # and each miss
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine.js';
import { defaultStages } from '../src/pipeline.js';
import { eventStage } from '../src/events/index.js';
import { readReport } from '../src/ingest/report.js';
import type { AnalysisEvent, EventActor } from '../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(repoRoot, '../shared/data/plover-gsr/PLOVER_GSR_CAMEO.dev.json');
if (!existsSync(file)) {
  console.log(`bench:events skipped: ${file} not found`);
  process.exit(0);
}

interface GoldActor { actorText?: string; code?: string; sector?: string }
interface GoldRecord { id: string; event: string; text: string; source?: GoldActor[] | string; target?: GoldActor[] | string }

const OLD_NAMES: Record<string, string> = { FIGHT: 'ASSAULT', DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE' };
const showErrors = process.argv.includes('--errors');
const records = (JSON.parse(readFileSync(file, 'utf8')) as GoldRecord[]).filter((r) => r.event !== 'DOCUMENT');

const stages = defaultStages();
const engine = createEngine({ stages: stages.some((s) => s.name === 'events') ? stages : [...stages, eventStage] });

function mainEvent(events: AnalysisEvent[]): AnalysisEvent | null {
  const sorted = [...events].sort((a, b) => a.trigger.start - b.trigger.start);
  return sorted.find((e) => !(e.by ?? '').endsWith(':noun')) ?? sorted[0] ?? null;
}

function codeOf(a: EventActor | undefined): string | null {
  if (!a) return null;
  if (a.code) return a.code;
  if (a.sector === 'IGO' || a.sector === 'NGO') return a.sector;
  return null;
}

const goldCodes = (x: GoldActor[] | string | undefined): string[] | null =>
  Array.isArray(x) && x.length ? x.map((a) => (a.code ?? '').toUpperCase()) : null;

let right = 0;
let srcN = 0, srcRight = 0, tgtN = 0, tgtRight = 0, noEvent = 0;
const classes = new Map<string, { tp: number; fp: number; fn: number }>();
const cls = (k: string) => classes.get(k) ?? (classes.set(k, { tp: 0, fp: 0, fn: 0 }), classes.get(k)!);
const t0 = performance.now();
const errors: string[] = [];
for (const r of records) {
  const gold = OLD_NAMES[r.event] ?? r.event;
  const analysis = engine.analyse(readReport(r.text, { id: r.id, date: '2000-01-01' }));
  const ev = mainEvent(analysis.events);
  const pred = ev?.type ?? 'NONE';
  if (!ev) noEvent++;
  cls(gold);
  if (pred === gold) {
    right++;
    cls(gold).tp++;
  } else {
    cls(gold).fn++;
    if (ev) cls(pred).fp++;
  }
  const gs = goldCodes(r.source);
  const gt = goldCodes(r.target);
  let srcOk = true, tgtOk = true;
  if (gs) {
    srcN++;
    srcOk = gs.includes(codeOf(ev?.source[0]) ?? '—');
    if (srcOk) srcRight++;
  }
  if (gt) {
    tgtN++;
    tgtOk = gt.includes(codeOf(ev?.target[0]) ?? '—');
    if (tgtOk) tgtRight++;
  }
  if (showErrors && (pred !== gold || !srcOk || !tgtOk)) {
    errors.push(`${r.id}  gold ${gold} ${gs?.join('+') ?? '-'}→${gt?.join('+') ?? '-'}  got ${pred}${ev ? ` [${ev.trigger.text}] ${ev.source.map(codeOf).join('+') || '-'}→${ev.target.map(codeOf).join('+') || '-'} (${ev.by})` : ''}\n    ${r.text}`);
  }
}
const secs = (performance.now() - t0) / 1000;
const goldClasses = [...classes.entries()].filter(([k]) => records.some((r) => (OLD_NAMES[r.event] ?? r.event) === k));
const f1s = goldClasses.map(([, c]) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const rc = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return p + rc ? (2 * p * rc) / (p + rc) : 0;
});
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
if (showErrors) console.log(errors.join('\n'));
console.log(`PLOVER GSR dev: ${records.length} sentences (${path.relative(repoRoot, file)})`);
console.log(`event type accuracy   ${pct(right, records.length)}  (${right}/${records.length}; no event found in ${noEvent})`);
console.log(`event type macro-F1   ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(3)}  (over ${f1s.length} gold classes)`);
console.log(`source code accuracy  ${pct(srcRight, srcN)}  (${srcRight}/${srcN})`);
console.log(`target code accuracy  ${pct(tgtRight, tgtN)}  (${tgtRight}/${tgtN})`);
console.log(`speed                 ${(records.length / secs).toFixed(1)} sentences/s (whole pipeline, ${secs.toFixed(2)} s)`);
for (const [k, c] of goldClasses.sort()) {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const rc = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  console.log(`  ${k.padEnd(10)} P ${p.toFixed(2)}  R ${rc.toFixed(2)}  n ${c.tp + c.fn}`);
}
