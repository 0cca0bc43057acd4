/**
 * @module ingest/errors
 * Bad input is reported as one line that names the input and the problem. `InputError`
 * carries both so a batch can report and go on.
 */

/** Messages as named constants, so tests and callers can match them. */
export const INPUT_PROBLEMS = {
  empty: 'is empty',
  binary: 'looks binary (it contains NUL bytes), not text',
  encoding: 'is not valid UTF-8 text',
  noText: 'has no text to analyse',
  badDate: 'has a date that is not YYYY-MM-DD',
} as const;

export class InputError extends Error {
  /** The file name, `-` for standard input, or `file:line` for one JSONL record. */
  readonly input: string;
  readonly problem: string;
  constructor(input: string, problem: string) {
    super(`${input}: ${problem}`);
    this.name = 'InputError';
    this.input = input;
    this.problem = problem;
  }
}
