/**
 * @module scripts/smoke-pipeline
 * Robustness smoke run: the full default pipeline (`createEngine()`) over every text in
 * `../shared/data` that we can read as a report — all GUM documents (`gum/dep`, text rebuilt
 * from the `# text` lines), PolNeAR train + dev texts (dated from `metadata.tsv`), Reuters-21578
 * stories (3,000 by default) and every TempEval-3 TimeBank/AQUAINT file — and reports every
 * exception with the stage that threw and the document it threw on. A stage that throws is
 * recorded and the run goes on with the next stage, so one crash does not hide another.
 *
 * Usage: `nice npx tsx scripts/smoke-pipeline.ts [--reuters N] [--only gum|polnear|reuters|timeml] [--time-only]`
 * (`--time-only`: just tokenize, sentences, pos and time, a quick check of the time layer).
 * Exit status 1 when any stage threw. Skips cleanly when `../shared/data` is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine.js';
import { defaultStages } from '../src/pipeline.js';
import { readReport } from '../src/ingest/report.js';
import { readTimeml } from '../src/formats/timeml.js';
import { readReuters } from '../bench/lib/reuters.js';
import type { DocumentMeta, Stage } from '../src/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = resolve(repoRoot, '../shared/data');
const argv = process.argv.slice(2);
const opt = (name: string): string | null => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : null;
};
const reutersLimit = Number(opt('--reuters') ?? 3000);
const only = opt('--only');
const timeOnly = argv.includes('--time-only');
const TIME_STAGES = new Set(['nlp/tokenize', 'nlp/sentences', 'nlp/pos', 'time']);

/** One document to run: a name for the report and a function that builds its metadata. */
interface Item { corpus: string; name: string; load(): DocumentMeta }

/** A GUM .conllu file → its text: sentences joined by spaces, paragraphs by blank lines. */
function gumText(conllu: string): { text: string; date: string | null; title: string | null } {
  const parts: string[] = [];
  let para: string[] = [];
  let date: string | null = null;
  let title: string | null = null;
  for (const line of conllu.split('\n')) {
    if (line.startsWith('# newpar')) {
      if (para.length) parts.push(para.join(' '));
      para = [];
    }
    const t = /^# text = (.*)$/.exec(line);
    if (t) para.push(t[1]);
    const d = /^# meta::dateCreated = (\d{4}-\d{2}-\d{2})/.exec(line);
    if (d) date = d[1];
    const ti = /^# meta::title = (.*)$/.exec(line);
    if (ti) title = ti[1].trim();
  }
  if (para.length) parts.push(para.join(' '));
  return { text: parts.join('\n\n'), date, title };
}

function items(): Item[] {
  const out: Item[] = [];
  const want = (c: string) => !only || only === c;
  const gumDir = join(dataRoot, 'gum', 'dep');
  if (want('gum') && existsSync(gumDir)) {
    for (const f of readdirSync(gumDir).filter((x) => x.endsWith('.conllu')).sort()) {
      out.push({
        corpus: 'gum', name: f,
        load: () => {
          const g = gumText(readFileSync(join(gumDir, f), 'utf8'));
          return readReport(g.text, { id: f, date: g.date, title: g.title });
        },
      });
    }
  }
  const pol = join(dataRoot, 'polnear');
  if (want('polnear') && existsSync(pol)) {
    const dates = new Map<string, string>();
    const meta = join(pol, 'metadata.tsv');
    if (existsSync(meta)) {
      const rows = readFileSync(meta, 'utf8').split('\n');
      const head = rows[0].split('\t');
      const fi = head.indexOf('filename');
      const di = head.indexOf('publication_date');
      for (const r of rows.slice(1)) {
        const c = r.split('\t');
        if (c[fi] && /^\d{4}-\d{2}-\d{2}$/.test(c[di] ?? '')) dates.set(c[fi], c[di]);
      }
    }
    for (const split of ['train', 'dev']) {
      const dir = join(pol, split, 'text');
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
        out.push({
          corpus: 'polnear', name: `${split}/${f}`,
          load: () => readReport(readFileSync(join(dir, f), 'utf8'), { id: f, date: dates.get(f.replace(/\.txt$/, '')) ?? null }),
        });
      }
    }
  }
  if (want('reuters')) {
    for (const s of readReuters(reutersLimit)) {
      out.push({ corpus: 'reuters', name: s.id, load: () => readReport(s.text, { id: s.id, date: s.date, title: s.title }) });
    }
  }
  const tb = join(dataRoot, 'tempeval3', 'TBAQ-cleaned');
  if (want('timeml') && existsSync(tb)) {
    for (const sub of ['TimeBank', 'AQUAINT']) {
      const dir = join(tb, sub);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.tml')).sort()) {
        out.push({ corpus: 'timeml', name: `${sub}/${f}`, load: () => readTimeml(readFileSync(join(dir, f), 'utf8'), f).document });
      }
    }
  }
  return out;
}

interface Crash { stage: string; corpus: string; doc: string; message: string; stack: string }

function main(): void {
  if (!existsSync(dataRoot)) {
    console.log(`smoke-pipeline: ${dataRoot} is absent; skipping.`);
    return;
  }
  const crashes: Crash[] = [];
  let current = { corpus: '', name: '' };
  const stageMs = new Map<string, number>();
  // Each stage wrapped: a throw is recorded with the stage and document, and the run goes on.
  const wrap = (s: Stage): Stage => ({
    name: s.name,
    run(doc) {
      const t0 = performance.now();
      try {
        s.run(doc);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        crashes.push({ stage: s.name, corpus: current.corpus, doc: current.name, message: err.message, stack: err.stack ?? '' });
      } finally {
        stageMs.set(s.name, (stageMs.get(s.name) ?? 0) + performance.now() - t0);
      }
    },
  });
  const stages = defaultStages().filter((s) => !timeOnly || TIME_STAGES.has(s.name));
  const engine = createEngine({ stages: stages.map(wrap) });
  const list = items();
  const perCorpus = new Map<string, number>();
  const t0 = performance.now();
  for (const it of list) {
    current = { corpus: it.corpus, name: it.name };
    let doc: DocumentMeta;
    try {
      doc = it.load();
    } catch (e) {
      crashes.push({ stage: '(read)', corpus: it.corpus, doc: it.name, message: String((e as Error).message ?? e), stack: (e as Error).stack ?? '' });
      continue;
    }
    engine.process(doc);
    perCorpus.set(it.corpus, (perCorpus.get(it.corpus) ?? 0) + 1);
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`smoke-pipeline: ${list.length} documents (${[...perCorpus].map(([c, n]) => `${c} ${n}`).join(', ')}) in ${secs.toFixed(1)} s`);
  console.log(`stage time: ${[...stageMs].map(([s, ms]) => `${s} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  if (!crashes.length) {
    console.log('no exceptions');
    return;
  }
  // Group by stage and the first stack frame inside the project, so one bug prints once.
  const groups = new Map<string, Crash[]>();
  for (const c of crashes) {
    const frame = c.stack.split('\n').find((l) => /\/src\//.test(l))?.trim() ?? '';
    const key = `${c.stage} | ${c.message} | ${frame}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  console.log(`${crashes.length} exceptions in ${groups.size} distinct places:`);
  for (const [, cs] of groups) {
    const c = cs[0];
    console.log(`\n[${c.stage}] ${c.message} — ${cs.length}× (first: ${c.corpus} ${c.doc}; also ${cs.slice(1, 4).map((x) => x.doc).join(', ')})`);
    console.log(c.stack.split('\n').slice(0, 8).join('\n'));
  }
  process.exitCode = 1;
}

main();
