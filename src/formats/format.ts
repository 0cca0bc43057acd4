/**
 * @module formats/format
 * Input and output formats of `dateline extract` (Contract 2). A format is a small object;
 * `formats/index.ts` lists them. Readers throw `InputError` (one line: the input and the
 * problem) and never return half a file.
 */
import type { Analysis, DocumentMeta, Sentence, Stage, Token, WorkingDoc } from '../types.js';

/** One document read from an input file, with what its format gave beyond the text. */
export interface ParsedInput {
  document: DocumentMeta;
  /** Tokens the input gave (CoNLL): taken as they are, never re-tokenised. */
  tokens?: Token[];
  sentences?: Sentence[];
  /** Format-specific data its writer needs to reproduce the input (CoNLL lines, TimeML markup). */
  carry?: unknown;
}

export interface ReadOptions {
  /** Name used in errors and as the id of single-document inputs. */
  inputName: string;
  /** `--date`: the publication date where the input has none. */
  date?: string | null;
}

export interface InputFormat {
  readonly name: string;
  /** File endings this format is the default for (".txt"). */
  readonly extensions: readonly string[];
  read(text: string, options: ReadOptions): ParsedInput[];
}

/** What a writer gets for each document. */
export interface ExtractResult {
  input: ParsedInput;
  doc: WorkingDoc;
  analysis: Analysis;
}

export interface OutputFormat {
  readonly name: string;
  /** File ending for `--out DIR` files. */
  readonly extension: string;
  /** Writers that can only reproduce their own input format name it here. */
  readonly requiresInput?: string;
  /**
   * The stages this output needs, when it needs fewer than the full analysis (CoNLL output
   * needs only names; TimeML only times). Default: the full pipeline.
   */
  stages?(): Stage[];
  /** Output for the documents of one input file. */
  write(results: ExtractResult[]): string;
}
