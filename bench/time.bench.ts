/**
 * @module bench/time
 * `npm run bench:time`: the TempEval-3 Task A measures of the time layer over
 * `../shared/data/tempeval3` (TimeBank: where the rules were developed; AQUAINT: dev), with
 * chrono-node alone beside it in the same run, and the speed of the whole
 * `--from timeml --to timeml` road over AQUAINT after start-up.
 *
 * Measures, as the official scorer defines them: strict match = identical extent, relaxed
 * match = overlap (one-to-one, micro-averaged); value and type accuracy over relaxed-matched
 * gold expressions; value F1 = relaxed F1 × value accuracy.
 *
 * Options: `--errors` prints TimeBank's misses, false alarms and wrong values (for
 * development; never look at the held-out test); `--nopos` adds the same list from the POS-less
 * road (the one `--from timeml --to timeml` runs), each line after the POS road's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { createEngine } from '../src/engine.js';
import { toAnalysis } from '../src/doc.js';
import { readTimeml, timemlOutput, type GivenTimex, type TimemlCarry } from '../src/formats/timeml.js';
import { tokenizeStage, sentenceStage } from '../src/nlp/stages.js';
import { posStage } from '../src/nlp/pos/stage.js';
import { createTimeStage } from '../src/time/index.js';
import type { DocumentMeta } from '../src/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(repoRoot, '../shared/data/tempeval3/TBAQ-cleaned');
const showErrors = process.argv.includes('--errors');
/** `--errors-dev` prints AQUAINT's errors too (dev: look, but prefer guideline-level fixes). */
const showDevErrors = process.argv.includes('--errors-dev');
/** `--quick`: dateline alone (with and without POS tags), no comparison systems and no timing of the whole road. */
const quick = process.argv.includes('--quick');

interface Sys { start: number; end: number; type: string | null; value: string | null }
interface Doc { name: string; raw: string; document: DocumentMeta; carry: TimemlCarry; gold: GivenTimex[] }

interface Score {
  gold: number; sys: number; strict: number; relaxed: number; value: number; type: number;
}

function score(gold: readonly GivenTimex[], sys: readonly Sys[], acc: Score, log?: (s: string) => void, text?: string): void {
  acc.gold += gold.length;
  acc.sys += sys.length;
  const used = new Set<number>();
  for (const g of gold) {
    let hit = -1;
    for (let i = 0; i < sys.length; i++) {
      if (used.has(i)) continue;
      if (sys[i].start < g.end && g.start < sys[i].end) {
        if (hit < 0 || (sys[i].start === g.start && sys[i].end === g.end)) hit = i;
      }
    }
    if (hit < 0) {
      if (log && text) log(`MISS  ${g.type} ${g.value}\t${JSON.stringify(text.slice(g.start, g.end))}\t…${text.slice(Math.max(0, g.start - 40), g.end + 30).replace(/\s+/g, ' ')}`);
      continue;
    }
    used.add(hit);
    const s = sys[hit];
    acc.relaxed++;
    if (s.start === g.start && s.end === g.end) acc.strict++;
    const ctx = () => (text ? `\t…${text.slice(Math.max(0, Math.min(g.start, s.start) - 60), Math.max(g.end, s.end) + 40).replace(/\s+/g, ' ')}` : '');
    if (s.value === g.value) acc.value++;
    else if (log && text) log(`VALUE ${g.type}${s.type === g.type ? '' : `/${s.type}`} gold=${g.value} sys=${s.value}\t${JSON.stringify(text.slice(g.start, g.end))} / ${JSON.stringify(text.slice(s.start, s.end))}${ctx()}`);
    if (s.type === g.type) acc.type++;
    else if (s.value === g.value && log && text) log(`TYPE  gold=${g.type} sys=${s.type} ${g.value}\t${JSON.stringify(text.slice(g.start, g.end))}${ctx()}`);
  }
  if (log && text) {
    sys.forEach((s, i) => {
      if (!used.has(i)) log(`FALSE ${s.type} ${s.value}\t${JSON.stringify(text.slice(s.start, s.end))}\t…${text.slice(Math.max(0, s.start - 40), s.end + 30).replace(/\s+/g, ' ')}`);
    });
  }
}

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

function report(name: string, s: Score): string {
  const f = (m: number) => {
    const p = s.sys ? m / s.sys : 0;
    const r = s.gold ? m / s.gold : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const st = f(s.strict);
  const rl = f(s.relaxed);
  const va = s.relaxed ? s.value / s.relaxed : 0;
  const ta = s.relaxed ? s.type / s.relaxed : 0;
  return `${name.padEnd(26)} ${pct(st.p)} ${pct(st.r)} ${pct(st.f)}  ${pct(rl.p)} ${pct(rl.r)} ${pct(rl.f)}  ${pct(va)} ${pct(ta)}  ${pct(rl.f * va)}`;
}

/** chrono-node alone: its casual English parser, with the plainest TIMEX3 reading of its components. */
function chronoAlone(text: string, dct: string | null): Sys[] {
  const ref = dct ? new Date(+dct.slice(0, 4), +dct.slice(5, 7) - 1, +dct.slice(8, 10), 12) : new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return chrono.casual.parse(text, ref).map((r) => {
    const c = r.start;
    const y = c.get('year')!;
    const m = c.get('month')!;
    const d = c.get('day')!;
    let value: string;
    let type = 'DATE';
    if (c.isCertain('hour')) {
      value = `${y}-${pad(m)}-${pad(d)}T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}`;
      type = 'TIME';
    } else if (c.isCertain('month') && !c.isCertain('day')) value = `${y}-${pad(m)}`;
    else value = `${y}-${pad(m)}-${pad(d)}`;
    return { start: r.index, end: r.index + r.text.length, type, value };
  });
}

function load(sub: string): Doc[] {
  const dir = join(dataDir, sub);
  return readdirSync(dir).filter((f) => f.endsWith('.tml')).sort().map((f) => {
    const raw = readFileSync(join(dir, f), 'utf8');
    const { document, carry } = readTimeml(raw, f);
    return { name: f, raw, document, carry, gold: carry.given };
  });
}

function main(): void {
  if (!existsSync(dataDir)) {
    console.log(`bench:time: ${dataDir} is absent; skipping (see ../shared/data/tempeval3/README.md).`);
    return;
  }
  // POS tags decide the tense of the governing verb (last or next Monday); the POS-less run
  // beside it shows what the lexical fallback alone gives.
  const engine = createEngine({ stages: [tokenizeStage, sentenceStage, posStage, createTimeStage()] });
  const noPos = createEngine({ stages: [tokenizeStage, sentenceStage, createTimeStage()] });
  const rulesOnly = createEngine({ stages: [tokenizeStage, sentenceStage, posStage, createTimeStage({ chrono: false })] });
  console.log('TempEval-3 Task A (timex extent, value, type) over ../shared/data/tempeval3/TBAQ-cleaned');
  console.log(`${'system / corpus'.padEnd(26)} ${'strict P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  ${'relax P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  ${'value'.padStart(6)} ${'type'.padStart(6)}  ${'valF1'.padStart(6)}`);
  const lines: string[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    const docs = load(sub);
    const ours: Score = { gold: 0, sys: 0, strict: 0, relaxed: 0, value: 0, type: 0 };
    const rules: Score = { ...ours };
    const lexical: Score = { ...ours };
    const base: Score = { ...ours };
    let tagMs = 0;
    let plainMs = 0;
    let exprs = 0;
    for (const d of docs) {
      const t0 = performance.now();
      const doc = engine.process(d.document);
      tagMs += performance.now() - t0;
      exprs += doc.times.length;
      const log = (showErrors && sub === 'TimeBank') || (showDevErrors && sub === 'AQUAINT') ? (s: string) => console.log(`${d.name}\t${s}`) : undefined;
      score(d.gold, doc.times, ours, log, d.document.text);
      const t1 = performance.now();
      const lex = noPos.process(d.document);
      plainMs += performance.now() - t1;
      const lexLog = process.argv.includes('--nopos') ? log : undefined;
      score(d.gold, lex.times, lexical, lexLog, d.document.text);
      if (quick) continue;
      score(d.gold, rulesOnly.process(d.document).times, rules);
      score(d.gold, chronoAlone(d.document.text, d.document.published), base);
    }
    if (quick) lines.push(report(`dateline  ${sub}`, ours), report(`  without POS tags`, lexical));
    else lines.push(report(`dateline  ${sub}`, ours), report(`  without POS tags`, lexical), report(`  rules without chrono`, rules), report(`chrono-node alone ${sub}`, base));
    lines.push(`  ${docs.length} docs, ${ours.gold} gold, ${ours.sys} found; tokenize+sentences+pos+time ${tagMs.toFixed(0)} ms = ${(exprs / (tagMs / 1000)).toFixed(0)} expressions/s`
      + (quick ? '' : `; without pos ${plainMs.toFixed(0)} ms = ${(exprs / (plainMs / 1000)).toFixed(0)} expressions/s`));
  }
  for (const l of lines) console.log(l);
  if (quick) return;

  // The whole road, --from timeml --to timeml over AQUAINT, after start-up (warm engine).
  const dir = join(dataDir, 'AQUAINT');
  const files = readdirSync(dir).filter((f) => f.endsWith('.tml')).sort();
  const raws = files.map((f) => readFileSync(join(dir, f), 'utf8'));
  const road = createEngine({ stages: timemlOutput.stages!() });
  const once = () => {
    let bytes = 0;
    for (let i = 0; i < raws.length; i++) {
      const { document, carry } = readTimeml(raws[i], files[i]);
      const doc = road.process(document);
      bytes += timemlOutput.write([{ input: { document, carry }, doc, analysis: toAnalysis(doc) }]).length;
    }
    return bytes;
  };
  once(); // warm-up: the first document compiles the rules and JIT-compiles the code
  // three timed runs: the box is shared, so the fastest is the cost and the spread the noise
  const runs: number[] = [];
  let bytes = 0;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    bytes = once();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(`timeml→timeml over AQUAINT (${files.length} docs, ${(bytes / 1024).toFixed(0)} KiB out): ${runs[0].toFixed(0)} ms after start-up (fastest of 3; slowest ${runs[2].toFixed(0)} ms)`);
}

main();
