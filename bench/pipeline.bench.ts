/**
 * `npm run bench` — throughput of the whole pipeline on Reuters-21578 wire stories:
 * `extract` (analysis only) and `ingest` (analysis + SQLite store), each in its own child
 * process so each peak memory figure is its own. Prints docs/s, tokens/s and peak RSS.
 *
 *   npm run bench                 # 2,000 stories
 *   npm run bench -- --docs 500   # fewer
 *   npm run bench -- --pg postgres://postgres@127.0.0.1:5432/test   # also ingest into PostgreSQL
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReuters, REUTERS_DIR } from './lib/reuters.js';
import { createEngine } from '../src/engine.js';
import { defaultStages } from '../src/pipeline.js';
import type { Stage } from '../src/types.js';
import { readReport } from '../src/ingest/report.js';
import { toAnalysis } from '../src/doc.js';
import { openStore } from '../src/store/open.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const N = Number(flag('--docs') ?? 2000);

interface Figures {
  mode: string;
  docs: number;
  tokens: number;
  seconds: number;
  startupSeconds: number;
  peakRssMb: number;
  stages: Record<string, number>;
}

async function child(mode: string, target?: string): Promise<Figures> {
  const t0 = performance.now();
  const stories = readReuters(N);
  // Each stage timed, so the table can say where the time goes.
  const stageSeconds = new Map<string, number>();
  const timed: Stage[] = defaultStages().map((st) => ({
    name: st.name,
    run(doc) {
      const t = performance.now();
      st.run(doc);
      stageSeconds.set(st.name, (stageSeconds.get(st.name) ?? 0) + (performance.now() - t) / 1000);
    },
  }));
  const engine = createEngine({ stages: timed });
  // warm up: lazy models load on first use; report that start-up apart
  const w0 = performance.now();
  engine.process(readReport(stories[0].text, { id: 'warm', date: stories[0].date }));
  const startupSeconds = (performance.now() - w0) / 1000;
  stageSeconds.clear();
  let tokens = 0;
  const s0 = performance.now();
  if (mode === 'extract') {
    for (const s of stories) {
      const doc = engine.process(readReport(s.text, { id: s.id, date: s.date, title: s.title }));
      tokens += doc.tokens.length;
      JSON.stringify(toAnalysis(doc));
    }
  } else {
    const store = await openStore(target!, target!.startsWith('postgres') ? { schema: `dateline_bench_${process.pid}` } : {});
    for (const s of stories) {
      const doc = engine.process(readReport(s.text, { id: s.id, date: s.date, title: s.title }));
      tokens += doc.tokens.length;
      await store.put(toAnalysis(doc));
    }
    if (target!.startsWith('postgres')) await store.db.schema.dropSchema(`dateline_bench_${process.pid}`).cascade().execute();
    await store.close();
  }
  const seconds = (performance.now() - s0) / 1000;
  void t0;
  return {
    mode: mode + (target?.startsWith('postgres') ? ' (PostgreSQL)' : mode === 'ingest' ? ' (SQLite)' : ''),
    docs: stories.length, tokens, seconds, startupSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024,
    stages: Object.fromEntries(stageSeconds),
  };
}

async function mainBench() {
  if (args[0] === '--child') {
    const r = await child(args[1], args[2]);
    process.stdout.write(JSON.stringify(r));
    return;
  }
  if (readReuters(1).length === 0) {
    console.log(`bench: skipped — ${REUTERS_DIR} is absent`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const runs: [string, string?][] = [['extract'], ['ingest', join(dir, 'bench.db')]];
  const pg = flag('--pg');
  if (pg) runs.push(['ingest', pg]);
  console.log(`dateline pipeline benchmark — ${N} Reuters-21578 stories, node ${process.version}, one core\n`);
  console.log('mode                    docs   tokens    seconds   docs/s   tokens/s   start-up s   peak RSS MB');
  let extractStages: Record<string, number> = {};
  for (const [mode, target] of runs) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', mode, ...(target ? [target] : []), '--docs', String(N)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const r = JSON.parse(out) as Figures;
    if (mode === 'extract') extractStages = r.stages;
    console.log(
      `${r.mode.padEnd(22)} ${String(r.docs).padStart(5)} ${String(r.tokens).padStart(8)} ${r.seconds.toFixed(2).padStart(10)} ${(r.docs / r.seconds).toFixed(1).padStart(8)} ${Math.round(r.tokens / r.seconds).toString().padStart(10)} ${r.startupSeconds.toFixed(2).padStart(12)} ${r.peakRssMb.toFixed(0).padStart(13)}`,
    );
  }
  console.log('\nwhere extract spends its time (seconds, share):');
  const total = Object.values(extractStages).reduce((a, b) => a + b, 0);
  for (const [name, sec] of Object.entries(extractStages).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${name.padEnd(20)} ${sec.toFixed(2).padStart(7)}  ${((100 * sec) / total).toFixed(0).padStart(3)}%`);
  }
  rmSync(dir, { recursive: true, force: true });
}

await mainBench();
