/**
 * @module scripts/golden-pipeline
 * Output fingerprint of the default pipeline, so speed work can prove it changed nothing:
 * runs `createEngine()` over the bundled `examples/`, the seed report and N Reuters-21578
 * stories, and writes one line per document — `id<TAB>sha256(JSON.stringify(toAnalysis))`.
 *
 * Usage: `nice npx tsx scripts/golden-pipeline.ts [--out FILE] [--reuters N] [--check FILE]`
 * (`--check`: compare against an earlier file; lists the documents that differ, exit 1 if any).
 * The seed and Reuters parts are skipped when `../shared` is absent.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine.js';
import { readReport } from '../src/ingest/report.js';
import { jsonlInput } from '../src/formats/jsonl.js';
import { readReuters } from '../bench/lib/reuters.js';
import type { DocumentMeta } from '../src/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name: string): string | null => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : null;
};
const out = opt('--out') ?? '/tmp/golden-pipeline.tsv';
const check = opt('--check');
const reutersLimit = Number(opt('--reuters') ?? 300);

const docs: { name: string; document: DocumentMeta }[] = [];
const examples = join(repoRoot, 'examples');
for (const f of readdirSync(examples).sort()) {
  const text = readFileSync(join(examples, f), 'utf8');
  if (f.endsWith('.jsonl')) {
    for (const [i, p] of jsonlInput.read(text, { inputName: f, date: null }).entries()) docs.push({ name: `${f}:${i}`, document: p.document });
  } else docs.push({ name: f, document: readReport(text, { inputName: f }) });
}
const seed = resolve(repoRoot, '../shared/seeds/000_d21a548734dd4e0e.txt');
if (existsSync(seed)) docs.push({ name: 'seed', document: readReport(readFileSync(seed, 'utf8'), { inputName: 'seed' }) });
for (const s of readReuters(reutersLimit)) docs.push({ name: s.id, document: readReport(s.text, { id: s.id, date: s.date, title: s.title }) });

const engine = createEngine();
const lines: string[] = [];
const t0 = performance.now();
for (const d of docs) {
  const json = JSON.stringify(engine.analyse(d.document));
  lines.push(`${d.name}\t${createHash('sha256').update(json).digest('hex')}`);
}
const seconds = (performance.now() - t0) / 1000;
writeFileSync(out, lines.join('\n') + '\n');
console.log(`golden: ${docs.length} documents in ${seconds.toFixed(1)} s → ${out}`);
if (check) {
  const want = readFileSync(check, 'utf8').trim().split('\n');
  const differ = lines.filter((l, i) => l !== want[i]).map((l) => l.split('\t')[0]);
  if (want.length !== lines.length) console.log(`golden: ${want.length} lines in ${check}, ${lines.length} now`);
  console.log(differ.length === 0 ? 'golden: identical' : `golden: ${differ.length} differ: ${differ.slice(0, 20).join(' ')}`);
  if (differ.length || want.length !== lines.length) process.exitCode = 1;
}
