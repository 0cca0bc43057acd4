/**
 * @module scripts/profile-pipeline
 * CPU profile of the default pipeline's steady state (after a warm-up, so model loading and
 * first-call costs are left out): runs `createEngine()` over N Reuters-21578 stories and
 * writes a `.cpuprofile` (open it in Chrome DevTools or read it with a script).
 *
 * Usage: `nice npx tsx scripts/profile-pipeline.ts [--docs 500] [--warm 20] [--out FILE]`
 * Skips cleanly when `../shared/data` is absent.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createEngine } from '../src/engine.js';
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
  const engine = createEngine();
  const warm = Number(opt('--warm') ?? 20);
  for (const s of stories.slice(0, warm)) engine.analyse(readReport(s.text, { id: s.id, date: s.date, title: s.title }));
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
