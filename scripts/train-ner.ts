/**
 * Trains the shipped NER model: `npm run train:ner`.
 * Reads ../shared/data/conll2003/train.txt (trains) and valid.txt (reports dev F1, used for
 * tuning only), and models/ner/lexicon.bin (clusters and gazetteers; build it first with
 * `npx tsx scripts/build-clusters.ts`). Writes models/ner/model.bin. Deterministic: fixed
 * seed for the document order of each epoch.
 *
 * Options (environment): NER_EPOCHS (default 12), NER_PRUNE (drop rows whose largest
 * averaged weight is below this; default 0.05), NER_OUT (model file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll, conllColumns } from '../src/formats/conll.js';
import { Lexicon } from '../src/nlp/ner/lexicon.js';
import { FeatureExtractor, prepareDoc, type PreparedDoc } from '../src/nlp/ner/features.js';
import { CLASSES, PerceptronModel } from '../src/nlp/ner/model.js';
import { createTagger } from '../src/nlp/ner/tagger.js';
import { evaluate, formatScores } from '../src/nlp/ner/eval.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(repoRoot, '../shared/data/conll2003');
const modelDir = join(repoRoot, 'models/ner');
const VERSION = '1';

if (!existsSync(join(dataDir, 'train.txt'))) {
  console.log(`train-ner: ${dataDir}/train.txt not found; skipping (the shipped model is kept).`);
  process.exit(0);
}

const epochs = Number(process.env.NER_EPOCHS ?? 12);
const prune = Number(process.env.NER_PRUNE ?? 0.05);
const outFile = process.env.NER_OUT ?? join(modelDir, 'model.bin');
const lexFile = join(modelDir, 'lexicon.bin');
const lexicon = existsSync(lexFile) ? Lexicon.load(lexFile) : Lexicon.empty();
if (!existsSync(lexFile)) console.log('train-ner: no models/ner/lexicon.bin; training without clusters and gazetteers');

interface Doc { words: string[]; ranges: [number, number][]; gold: string[] }
function load(file: string): Doc[] {
  return parseConll(readFileSync(file, 'utf8')).filter((d) => d.sentences.length > 0).map((d) => {
    const words: string[] = []; const gold: string[] = []; const ranges: [number, number][] = [];
    for (const s of conllColumns(d)) {
      const start = words.length;
      for (const cols of s) { words.push(cols[0]); gold.push(cols[cols.length - 1]); }
      ranges.push([start, words.length]);
    }
    return { words, ranges, gold };
  });
}

const t0 = Date.now();
const train = load(join(dataDir, 'train.txt'));
const dev = existsSync(join(dataDir, 'valid.txt')) ? load(join(dataDir, 'valid.txt')) : [];
// Robustness to lowercase social text: a fixed-seed share of training documents is added
// again in lower case (tags unchanged), so the model learns to lean on clusters, gazetteers
// and context where capitals are missing.
const lowerShare = Number(process.env.NER_LOWER ?? 0.05);
let augSeed = 0x10ca5e;
const augRand = () => { augSeed = (Math.imul(augSeed, 1103515245) + 12345) >>> 0; return augSeed / 4294967296; };
for (const d of [...train]) if (augRand() < lowerShare) train.push({ ...d, words: d.words.map((w) => w.toLowerCase()) });
const fx = new FeatureExtractor(lexicon);
const classIndex = new Map<string, number>(CLASSES.map((c, i) => [c, i]));
const prepared: { doc: PreparedDoc; gold: Int8Array }[] = train.map((d) => ({
  doc: prepareDoc(fx, d.words, d.ranges),
  gold: Int8Array.from(d.gold, (t) => classIndex.get(t) ?? 0),
}));
console.log(`train-ner: ${train.length} documents, ${prepared.reduce((a, p) => a + p.gold.length, 0)} tokens prepared in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

// mulberry32: a fixed-seed generator, so the same data give the same model
let seed = 0x5eed1234;
const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };

const model = new PerceptronModel(fx);
const order = prepared.map((_, i) => i);
for (let ep = 1; ep <= epochs; ep++) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  let wrong = 0; let total = 0;
  for (const k of order) {
    const { doc, gold } = prepared[k];
    const pred = model.tag(doc, gold);
    for (let i = 0; i < gold.length; i++) { total++; if (pred[i] !== gold[i]) wrong++; }
  }
  console.log(`epoch ${ep}: train token error ${(100 * wrong / total).toFixed(2)}%  rows ${model.nRows}  ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}
const { rows, bytes } = model.save(outFile, { version: VERSION, epochs, prune, trainedOn: 'CoNLL-2003 train' }, prune);
console.log(`train-ner: wrote ${outFile}: ${rows} feature rows, ${(bytes / 1e6).toFixed(1)} MB`);

if (dev.length > 0) {
  const tagger = createTagger(modelDir === join(outFile, '..') ? modelDir : join(outFile, '..'));
  const gold: string[] = []; const pred: string[] = [];
  const t1 = Date.now();
  for (const d of dev) { gold.push(...d.gold); pred.push(...tagger.tag(d.words, d.ranges)); }
  console.log(`dev (valid.txt), tagged in ${Date.now() - t1} ms:\n${formatScores(evaluate(gold, pred))}`);
}
