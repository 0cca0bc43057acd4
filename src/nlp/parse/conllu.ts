/**
 * @module nlp/parse/conllu
 * A small CoNLL-U reader for training and evaluation. It keeps the syntactic word lines
 * and skips multiword-token ranges ("3-4 don't", whose words "do" "n't" follow on their
 * own lines, as our tokenizer splits them) and empty nodes ("8.1").
 */
import { readFileSync } from 'node:fs';

/** One sentence of a treebank. `heads` are 0-based word indexes, -1 for the root. */
export interface TreebankSentence {
  id: string;
  words: string[];
  tags: string[];
  heads: number[];
  rels: string[];
}

/**
 * Parses CoNLL-U text.
 *
 * @example
 * readConllu('1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n')
 * // [{ id: '', words: ['Hi'], tags: ['UH'], heads: [-1], rels: ['root'] }]
 */
export function readConllu(text: string): TreebankSentence[] {
  const out: TreebankSentence[] = [];
  let cur: TreebankSentence = { id: '', words: [], tags: [], heads: [], rels: [] };
  const flush = () => {
    if (cur.words.length) out.push(cur);
    cur = { id: '', words: [], tags: [], heads: [], rels: [] };
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^# sent_id = (.*)$/.exec(line);
      if (m) cur.id = m[1].trim();
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8) continue;
    const id = cols[0];
    if (id.includes('-') || id.includes('.')) continue;
    cur.words.push(cols[1]);
    cur.tags.push(cols[4] === '_' ? cols[3] : cols[4]);
    cur.heads.push(Number(cols[6]) - 1);
    cur.rels.push(cols[7]);
  }
  flush();
  return out;
}

/** Reads and parses a CoNLL-U file. */
export function readConlluFile(path: string): TreebankSentence[] {
  return readConllu(readFileSync(path, 'utf8'));
}
