/**
 * @module formats
 * The input and output formats `dateline extract` knows, in one list each.
 */
import type { InputFormat, OutputFormat } from './format.js';
import { textInput } from './text.js';
import { jsonlInput, jsonOutput, jsonlOutput } from './jsonl.js';
import { conllInput, conllOutput } from './conll.js';
import { timemlInput, timemlOutput } from './timeml.js';

export const INPUT_FORMATS: readonly InputFormat[] = [textInput, jsonlInput, conllInput, timemlInput];
export const OUTPUT_FORMATS: readonly OutputFormat[] = [jsonOutput, jsonlOutput, conllOutput, timemlOutput];

export function inputFormat(name: string): InputFormat | undefined {
  return INPUT_FORMATS.find((f) => f.name === name);
}
export function outputFormat(name: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((f) => f.name === name);
}
/** The input format for a file name by its ending; text when nothing else claims it. */
export function inputFormatForFile(file: string): InputFormat {
  const lower = file.toLowerCase();
  return INPUT_FORMATS.find((f) => f.extensions.some((e) => e && lower.endsWith(e))) ?? INPUT_FORMATS[0];
}
