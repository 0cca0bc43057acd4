/**
 * @module nlp/parse/data
 * Where the training and evaluation treebanks are, for the training scripts and the
 * benchmark: UD English-EWT (train/dev) and GUM (train/dev), under `../shared/data`.
 *
 * GUM documents whose texts are licensed non-commercially (CC BY-NC-SA: essay, fiction,
 * letter, podcast, whow) are left out, so the shipped models carry no NC obligations;
 * the `text_license` column of GUM's `docs.tsv` says which they are.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConlluFile, type TreebankSentence } from './conllu.js';

/** The repository root (three levels above this file, in source and in `dist/`). */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** `../shared/data` relative to the repository. */
export function sharedDataDir(): string {
  return path.resolve(repoRoot(), '../shared/data');
}

/** Paths of the EWT files; `null` when the data is absent. */
export function ewtPaths(dataDir = sharedDataDir()): { train: string; dev: string } | null {
  const train = path.join(dataDir, 'ud-ewt/en_ewt-ud-train.conllu');
  const dev = path.join(dataDir, 'ud-ewt/en_ewt-ud-dev.conllu');
  return existsSync(train) && existsSync(dev) ? { train, dev } : null;
}

/**
 * GUM sentences of one split, without the non-commercially licensed documents.
 * Empty when GUM is absent.
 */
export function gumSplit(split: 'train' | 'dev', dataDir = sharedDataDir()): TreebankSentence[] {
  const docsTsv = path.join(dataDir, 'gum/docs.tsv');
  if (!existsSync(docsTsv)) return [];
  const rows = readFileSync(docsTsv, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const out: TreebankSentence[] = [];
  for (const [doc, docSplit, , license] of rows) {
    if (docSplit !== split || /NC/.test(license ?? '')) continue;
    const file = path.join(dataDir, 'gum/dep', `${doc}.conllu`);
    if (existsSync(file)) out.push(...readConlluFile(file));
  }
  return out;
}

/** Training sentences (EWT train + GUM train) and the dev sets; `null` without EWT. */
export function loadTreebanks(dataDir = sharedDataDir()): {
  train: TreebankSentence[];
  ewtDev: TreebankSentence[];
  gumDev: TreebankSentence[];
} | null {
  const ewt = ewtPaths(dataDir);
  if (!ewt) return null;
  return {
    train: [...readConlluFile(ewt.train), ...gumSplit('train', dataDir)],
    ewtDev: readConlluFile(ewt.dev),
    gumDev: gumSplit('dev', dataDir),
  };
}
