/**
 * @module formats/jsonl
 * `--from jsonl`: one object a line, `{ "id", "text", "date"?, "title"?, "url"? }`, and the
 * `--to json` / `--to jsonl` writers of Contract 1.
 */
import { z } from 'zod';
import type { InputFormat, OutputFormat, ParsedInput } from './format.js';
import { readReport } from '../ingest/report.js';
import { InputError } from '../ingest/errors.js';

const JsonlRecord = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().min(1, 'has an empty "text"'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'has a "date" that is not YYYY-MM-DD').nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  source: z.string().nullish(),
});

export const jsonlInput: InputFormat = {
  name: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  read(text, options) {
    const out: ParsedInput[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line) continue;
      const where = `${options.inputName}:${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        const truncated = i >= lines.length - 2 && !text.endsWith('\n');
        throw new InputError(where, truncated ? 'is truncated (the last JSON line does not close)' : `is not valid JSON (${(e as Error).message})`);
      }
      const parsed = JsonlRecord.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue.path.join('.') || 'record';
        const problem = issue.message.startsWith('has ') ? issue.message : `has a bad "${field}" (${issue.message})`;
        throw new InputError(where, problem);
      }
      const r = parsed.data;
      const id = r.id != null ? String(r.id) : null;
      out.push({
        document: readReport(r.text, {
          id, date: r.date ?? options.date ?? null, title: r.title ?? null, url: r.url ?? null,
          source: r.source ?? null, inputName: where,
        }),
      });
    }
    if (out.length === 0) throw new InputError(options.inputName, 'has no JSON lines');
    return out;
  },
};

export const jsonOutput: OutputFormat = {
  name: 'json',
  extension: '.json',
  write(results) {
    if (results.length === 1) return JSON.stringify(results[0].analysis, null, 2) + '\n';
    return JSON.stringify(results.map((r) => r.analysis), null, 2) + '\n';
  },
};

export const jsonlOutput: OutputFormat = {
  name: 'jsonl',
  extension: '.jsonl',
  write(results) {
    return results.map((r) => JSON.stringify(r.analysis)).join('\n') + (results.length ? '\n' : '');
  },
};
