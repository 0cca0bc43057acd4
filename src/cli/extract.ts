/**
 * @module cli/extract
 * `dateline extract [FILES… | -] [--date D] [--from F] [--to F] [--out DIR]` — Contract 2.
 * Each input is read, analysed and rendered completely before anything is written, so a
 * bad file never leaves half an output; the batch goes on past it and exits 1 at the end.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createEngine, type Engine } from '../engine.js';
import { toAnalysis } from '../doc.js';
import { decodeText, isIsoDate } from '../ingest/decode.js';
import { InputError } from '../ingest/errors.js';
import { INPUT_FORMATS, OUTPUT_FORMATS, inputFormat, inputFormatForFile, outputFormat } from '../formats/index.js';
import type { ExtractResult, InputFormat, OutputFormat } from '../formats/format.js';
import { UsageError } from './errors.js';

export interface ExtractOptions {
  date?: string;
  from?: string;
  to?: string;
  out?: string;
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Buffer;
}

/** Runs extract; returns the exit status. */
export function runExtract(files: string[], opts: ExtractOptions, io: CliIO): number {
  if (opts.date != null && !isIsoDate(opts.date)) throw new UsageError(`--date ${opts.date}: not a date (YYYY-MM-DD)`);
  const to = outputFormat(opts.to ?? 'json');
  if (!to) throw new UsageError(`--to ${opts.to}: unknown format (one of ${OUTPUT_FORMATS.map((f) => f.name).join(', ')})`);
  let from: InputFormat | undefined;
  if (opts.from) {
    from = inputFormat(opts.from);
    if (!from) throw new UsageError(`--from ${opts.from}: unknown format (one of ${INPUT_FORMATS.map((f) => f.name).join(', ')})`);
  }
  const inputs = files.length > 0 ? files : ['-'];
  if (to.requiresInput && from && from.name !== to.requiresInput) {
    throw new UsageError(`--to ${to.name} writes ${to.requiresInput} input back out; use --from ${to.requiresInput}`);
  }
  if (to.requiresInput && inputs.length > 1 && !opts.out) {
    throw new UsageError(`--to ${to.name} with more than one input needs --out DIR`);
  }
  if (opts.out) mkdirSync(opts.out, { recursive: true });

  const engine: Engine = createEngine(to.stages ? { stages: to.stages() } : {});
  const collected: ExtractResult[] = [];
  let failures = 0;
  for (const input of inputs) {
    try {
      const format = from ?? (input === '-' ? INPUT_FORMATS[0] : inputFormatForFile(input));
      if (to.requiresInput && format.name !== to.requiresInput) {
        throw new InputError(input, `--to ${to.name} needs ${to.requiresInput} input (use --from ${to.requiresInput})`);
      }
      const bytes = input === '-' ? io.readStdin() : readInputFile(input);
      const text = decodeText(bytes, input);
      const parsed = format.read(text, { inputName: input, date: opts.date ?? null });
      const results: ExtractResult[] = parsed.map((p) => {
        const doc = engine.process(p.document, { tokens: p.tokens, sentences: p.sentences });
        return { input: p, doc, analysis: toAnalysis(doc) };
      });
      if (opts.out) {
        const rendered = to.write(results);
        const target = join(opts.out, outputName(input, to));
        // write-then-rename: a reader never sees half a file
        const tmp = `${target}.partial-${process.pid}`;
        writeFileSync(tmp, rendered);
        renameSync(tmp, target);
      } else if (to.name === 'json') {
        collected.push(...results);
      } else {
        io.stdout(to.write(results));
      }
    } catch (e) {
      if (e instanceof InputError) {
        io.stderr(`dateline extract: ${e.message}\n`);
        failures++;
        continue;
      }
      throw e;
    }
  }
  // `--to json` to standard output: one analysis, or an array of them for several documents.
  if (!opts.out && to.name === 'json' && collected.length > 0) io.stdout(to.write(collected));
  return failures > 0 ? 1 : 0;
}


function readInputFile(file: string): Buffer {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new InputError(file, 'does not exist');
  }
  if (st.isDirectory()) throw new InputError(file, 'is a folder (extract takes files; `dateline ingest` takes folders)');
  return readFileSync(file);
}

function outputName(input: string, to: OutputFormat): string {
  const base = input === '-' ? 'stdin' : basename(input);
  const stem = extname(base) ? base.slice(0, -extname(base).length) : base;
  return stem + to.extension;
}
