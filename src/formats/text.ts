/**
 * @module formats/text
 * `--from text`: one report a file, with or without a seed-style header and dateline.
 */
import type { InputFormat } from './format.js';
import { readReport } from '../ingest/report.js';

export const textInput: InputFormat = {
  name: 'text',
  extensions: ['.txt', '.text', ''],
  read(text, options) {
    const id = options.inputName === '-' ? null : options.inputName.split(/[\\/]/).pop() ?? null;
    return [{ document: readReport(text, { id, date: options.date ?? null, inputName: options.inputName }) }];
  },
};
