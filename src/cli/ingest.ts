/**
 * @module cli/ingest
 * `dateline ingest PATH…`: files and folders (recursively) into the store. A report the
 * store already holds (same text hash) is a no-op; a bad file is reported on one line and
 * skipped, and the batch goes on. Each document is stored in one transaction.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { createEngine, type Engine } from '../engine.js';
import { toAnalysis } from '../doc.js';
import { decodeText } from '../ingest/decode.js';
import { InputError } from '../ingest/errors.js';
import { inputFormat, inputFormatForFile } from '../formats/index.js';
import type { Store } from '../store/store.js';
import type { CliIO } from './extract.js';

/** File endings a folder walk picks up; files named on the command line are always taken. */
const INGESTIBLE = ['.txt', '.text', '.jsonl', '.ndjson'];

export interface IngestOptions {
  date?: string;
  from?: string;
  /** Show a progress bar (default: when standard error is a terminal). */
  progress?: boolean;
}

export interface IngestSummary {
  files: number;
  stored: number;
  held: number;
  failed: number;
  seconds: number;
}

/** Lists the files under `paths`, folders walked recursively in name order, hidden entries skipped. */
export function collectFiles(paths: string[], onMissing: (path: string, problem: string) => void): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (INGESTIBLE.some((e) => name.toLowerCase().endsWith(e))) out.push(full);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      onMissing(p, 'does not exist');
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/**
 * Ingests `paths` into `store`.
 *
 * @example
 * await runIngest(['examples/'], {}, store, io) // { files: 4, stored: 4, held: 0, failed: 0, … }
 */
export async function runIngest(paths: string[], opts: IngestOptions, store: Store, io: CliIO, engine: Engine = createEngine()): Promise<IngestSummary> {
  const started = performance.now();
  let failed = 0;
  let bar: cliProgress.SingleBar | null = null;
  let done = 0;
  let docs = 0;
  const report = (input: string, problem: string) => {
    bar?.stop();
    io.stderr(`dateline ingest: ${input}: ${problem}\n`);
    if (bar) startBar();
    failed++;
  };
  const files = collectFiles(paths, report);
  const forced = opts.from ? inputFormat(opts.from) : undefined;
  if (opts.from && !forced) throw new InputError(`--from ${opts.from}`, 'unknown format (text or jsonl)');

  const showProgress = opts.progress ?? Boolean(process.stderr.isTTY);
  const startBar = () => {
    bar = new cliProgress.SingleBar(
      { format: 'ingest [{bar}] {value}/{total} files | {docs} docs | {rate} docs/s | {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(files.length, done, { docs, rate: '0.0', file: '' });
  };
  if (showProgress && files.length > 0) startBar();

  let stored = 0;
  let held = 0;
  for (const file of files) {
    try {
      const format = forced ?? inputFormatForFile(file);
      const text = decodeText(readFileSync(file), file);
      // The whole file is read and checked before anything of it is stored.
      const parsed = format.read(text, { inputName: file, date: opts.date ?? null });
      for (const p of parsed) {
        if (await store.has(p.document.hash)) {
          held++;
          continue;
        }
        const analysis = toAnalysis(engine.process(p.document, { tokens: p.tokens, sentences: p.sentences }));
        const r = await store.put(analysis);
        if (r.status === 'stored') stored++;
        else held++;
        docs++;
      }
    } catch (e) {
      if (e instanceof InputError) report(e.input, e.problem);
      else report(file, (e as Error).message.split('\n')[0]);
    }
    done++;
    const seconds = (performance.now() - started) / 1000;
    (bar as cliProgress.SingleBar | null)?.update(done, { docs, rate: (docs / Math.max(seconds, 1e-3)).toFixed(1), file: file.length > 40 ? '…' + file.slice(-39) : file });
  }
  (bar as cliProgress.SingleBar | null)?.stop();
  return { files: files.length, stored, held, failed, seconds: (performance.now() - started) / 1000 };
}
