/**
 * @module scripts/time-unseen-diff
 * The time layer over unseen news, dumped and diffed: the check every time-rule change gets
 * besides `npm run bench:time` (see bench/results/time.md, sixth and seventh rounds).
 *
 * `dump OUT.tsv [--limit N]` runs the timeml road's tagger (tokenize, sentences, time: no POS)
 * over the first N Reuters-21578 stories with a body (default 6,000; title and dateline kept,
 * dated from `<DATE>`) and every PolNeAR train+dev story (dated from `metadata.tsv`), and writes
 * one TSV line per time: document, document date, start, end, text, type, value, mod, sentence.
 * `diff A.tsv B.tsv` keys both dumps on document and offsets and prints every value that moved
 * (ADD, DEL, CHG with old → new type/value/mod) with its sentence, then the counts.
 *
 * To check a change: dump in a clean export of the old commit and in one of the new (or the
 * working tree), then diff, and read every moved value. Nothing the dump writes is committed:
 * it is derived from `../shared/data`. Skips with one line when the data is absent.
 *
 * Usage: `nice npx tsx scripts/time-unseen-diff.ts dump OUT.tsv [--limit N]`,
 * `npx tsx scripts/time-unseen-diff.ts diff A.tsv B.tsv`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = resolve(repoRoot, '../shared/data');

/** One document to tag: an id (`r` + Reuters NEWID, `p` + PolNeAR name), its date and text. */
interface Doc { id: string; date: string; text: string }

const MONTHS: Record<string, string> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06',
  JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

/** The first `limit` Reuters-21578 stories with a body, in file order. */
function reutersDocs(limit: number): Doc[] {
  const docs: Doc[] = [];
  for (let i = 0; i <= 21 && docs.length < limit; i++) {
    const file = join(dataRoot, 'reuters21578', `reut2-${String(i).padStart(3, '0')}.xml`);
    if (!existsSync(file)) continue;
    const xml = readFileSync(file, 'latin1');
    for (const m of xml.matchAll(/<REUTERS[^>]*NEWID="(\d+)">[\s\S]*?<DATE>\s*(\d+)-(\w+)-(\d{4})[\s\S]*?<\/REUTERS>/g)) {
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(m[0]);
      if (!body) continue;
      const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(m[0]);
      const dateline = /<DATELINE>([\s\S]*?)<\/DATELINE>/.exec(m[0]);
      const text = ((title ? title[1] + '\n' : '') + (dateline ? dateline[1].trim() + ' ' : '') + body[1])
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#\d+;/g, ' ');
      const month = MONTHS[m[3].toUpperCase()];
      if (!month) continue;
      docs.push({ id: 'r' + m[1], date: `${m[4]}-${month}-${m[2].padStart(2, '0')}`, text });
      if (docs.length >= limit) break;
    }
  }
  return docs;
}

/** Every PolNeAR train and dev story, dated from `metadata.tsv` (else from its file name). */
function polnearDocs(): Doc[] {
  const root = join(dataRoot, 'polnear');
  const meta = new Map<string, string>();
  const metaFile = join(root, 'metadata.tsv');
  if (existsSync(metaFile)) {
    for (const line of readFileSync(metaFile, 'utf8').split('\n').slice(1)) {
      const c = line.split('\t');
      if (c[1]) meta.set(c[1], c[5]);
    }
  }
  const docs: Doc[] = [];
  for (const part of ['train', 'dev']) {
    const dir = join(root, part, 'text');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const id = f.replace(/\.txt$/, '');
      docs.push({ id: 'p' + id, date: meta.get(id) ?? id.split('_')[1], text: readFileSync(join(dir, f), 'utf8') });
    }
  }
  return docs;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function dump(out: string, limit: number): Promise<void> {
  if (!existsSync(join(dataRoot, 'reuters21578')) && !existsSync(join(dataRoot, 'polnear'))) {
    console.log(`time-unseen-diff: skipped (no reuters21578 or polnear under ${dataRoot})`);
    return;
  }
  const { createEngine } = await import('../src/engine.js');
  const { tokenizeStage, sentenceStage } = await import('../src/nlp/stages.js');
  const { createTimeStage } = await import('../src/time/index.js');
  const engine = createEngine({ stages: [tokenizeStage, sentenceStage, createTimeStage()] });
  const docs = [...reutersDocs(limit), ...polnearDocs()];
  const lines: string[] = [];
  const t0 = Date.now();
  for (const d of docs) {
    const r = engine.process({
      id: d.id, hash: 'h', title: null, url: null, source: null,
      published: d.date, dateline: null, language: 'en', text: d.text,
    });
    for (const t of r.times) {
      const s = r.sentences.find((x) => x.start <= t.start && t.start < x.end);
      let from = s ? s.start : t.start;
      let to = s ? s.end : t.end;
      // A headline run into a long table is no sentence to read: keep 150 characters a side.
      from = Math.max(from, t.start - 150);
      to = Math.min(to, t.end + 150);
      lines.push([d.id, d.date, t.start, t.end, oneLine(t.text), t.type, t.value, t.mod ?? '', oneLine(d.text.slice(from, to))].join('\t'));
    }
  }
  writeFileSync(out, lines.length ? lines.join('\n') + '\n' : '');
  console.log(`${docs.length} documents, ${lines.length} times, ${Date.now() - t0} ms -> ${out}`);
}

/** A dump's rows keyed on document and offsets. */
function load(file: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c.length < 9) continue;
    rows.set(`${c[0]}\t${c[2].padStart(7, '0')}\t${c[3].padStart(7, '0')}`, c);
  }
  return rows;
}

function diff(fileA: string, fileB: string): void {
  const a = load(fileA);
  const b = load(fileB);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const counts = { ADD: 0, DEL: 0, CHG: 0 };
  const tvm = (c: string[]): string => `${c[5]} ${c[6]}${c[7] ? ' ' + c[7] : ''}`;
  for (const k of keys) {
    const x = a.get(k);
    const y = b.get(k);
    if (x && y) {
      if (x[5] === y[5] && x[6] === y[6] && x[7] === y[7]) continue;
      counts.CHG++;
      console.log(`CHG ${y[0]} ${y[1]} [${y[4]}] ${tvm(x)} -> ${tvm(y)}  :: ${y[8]}`);
    } else if (x) {
      counts.DEL++;
      console.log(`DEL ${x[0]} ${x[1]} [${x[4]}] ${tvm(x)}  :: ${x[8]}`);
    } else if (y) {
      counts.ADD++;
      console.log(`ADD ${y[0]} ${y[1]} [${y[4]}] ${tvm(y)}  :: ${y[8]}`);
    }
  }
  const total = counts.ADD + counts.DEL + counts.CHG;
  console.log(`${total} moved (${counts.ADD} added, ${counts.DEL} dropped, ${counts.CHG} changed); ${a.size} -> ${b.size} times`);
}

const [cmd, ...rest] = process.argv.slice(2);
const positional = rest.filter((x, i) => !x.startsWith('--') && !(i > 0 && rest[i - 1] === '--limit'));
const li = rest.indexOf('--limit');
const limit = li >= 0 ? Number(rest[li + 1]) : 6000;
if (cmd === 'dump' && positional.length === 1 && Number.isFinite(limit)) {
  await dump(positional[0], limit);
} else if (cmd === 'diff' && positional.length === 2) {
  diff(positional[0], positional[1]);
} else {
  console.error('usage: npx tsx scripts/time-unseen-diff.ts dump OUT.tsv [--limit N] | diff A.tsv B.tsv');
  process.exit(2);
}
