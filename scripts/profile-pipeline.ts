/**
 * @module scripts/profile-pipeline
 * CPU profile of the default pipeline's steady state (after a warm-up, so model loading and
 * first-call costs are left out): runs `createEngine()` over N Reuters-21578 stories and
 * writes a `.cpuprofile` (open it in Chrome DevTools or read it with a script).
 *
 * Usage: `nice npx tsx scripts/profile-pipeline.ts [--docs 500] [--warm 20] [--out FILE]`
 * `--stages`: no profile; CPU seconds per stage instead (user + system time of this process,
 * steadier than the wall clock on a shared machine).
 * Skips cleanly when `../shared/data` is absent.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createEngine } from '../src/engine.js';
import { defaultStages } from '../src/pipeline.js';
import type { Stage } from '../src/types.js';
import { readReport } from '../src/ingest/report.js';
import { toAnalysis } from '../src/doc.js';
import { readReuters, REUTERS_DIR } from '../bench/lib/reuters.js';

const argv = process.argv.slice(2);
const opt = (name: string): string | null => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : null;
};
const stories = readReuters(Number(opt('--docs') ?? 500));
if (stories.length === 0) {
  console.log(`profile: skipped — ${REUTERS_DIR} is absent`);
} else {
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
  const stageCpu = new Map<string, number>();
  const byStage = argv.includes('--stages');
  const engine = createEngine(byStage ? {
    stages: defaultStages().map((st): Stage => ({ name: st.name, run(doc) { const t = cpu(); st.run(doc); stageCpu.set(st.name, (stageCpu.get(st.name) ?? 0) + cpu() - t); } })),
  } : {});
  const warm = Number(opt('--warm') ?? 20);
  for (const s of stories.slice(0, warm)) engine.analyse(readReport(s.text, { id: s.id, date: s.date, title: s.title }));
  if (byStage) {
    stageCpu.clear();
    const t0 = cpu();
    let tokens = 0;
    for (const s of stories) {
      const doc = engine.process(readReport(s.text, { id: s.id, date: s.date, title: s.title }));
      tokens += doc.tokens.length;
      JSON.stringify(toAnalysis(doc));
    }
    const all = cpu() - t0;
    console.log(`stages: ${stories.length} stories, ${tokens} tokens, ${all.toFixed(2)} s CPU (${Math.round(tokens / all)} tokens/s)`);
    for (const [name, sec] of stageCpu) console.log(`  ${name.padEnd(14)} ${sec.toFixed(2).padStart(6)} s  ${Math.round(tokens / sec).toString().padStart(8)} tokens/s`);
    process.exit(0);
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  let tokens = 0;
  for (const s of stories) {
    const doc = engine.process(readReport(s.text, { id: s.id, date: s.date, title: s.title }));
    tokens += doc.tokens.length;
    JSON.stringify(toAnalysis(doc));
  }
  const seconds = (performance.now() - t0) / 1000;
  const { profile } = await session.post('Profiler.stop');
  const out = opt('--out') ?? '/tmp/pipeline.cpuprofile';
  writeFileSync(out, JSON.stringify(profile));
  console.log(`profile: ${stories.length} stories, ${tokens} tokens in ${seconds.toFixed(2)} s (${Math.round(tokens / seconds)} tokens/s) → ${out}`);
}
