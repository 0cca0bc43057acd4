/**
 * Trains the shipped NER model: `npm run train:ner`.
 * Reads ../shared/data/conll2003/train.txt (trains) and valid.txt (reports dev F1, used for
 * tuning only), and models/ner/lexicon.bin (clusters and gazetteers; build it first with
 * `npx tsx scripts/build-clusters.ts`). Writes models/ner/model.bin (first pass) and
 * models/ner/model2.bin (the stacked second pass, trained on first-pass tags of the training
 * documents made by K fold models that never saw them, so it learns how far to trust
 * first-pass tags on unseen text). Deterministic: fixed seeds for the folds and the
 * document order of each epoch.
 *
 * Both passes decode each sentence with Viterbi and learn with the structured perceptron
 * (`NER_DECODE=greedy` gives the earlier greedy left-to-right tagger, for comparison).
 *
 * Options (environment): NER_EPOCHS (default 12), NER_FOLD_EPOCHS (default 8), NER_FOLDS
 * (default 5; 0 skips the second pass), NER_PRUNE (drop rows whose largest averaged weight
 * is below this; default 0.05), NER_OUT_DIR (where to write; default models/ner, which must
 * hold lexicon.bin), NER_SEED (the shuffling and fold seed), NER_TAGS=BILOU (the BILOU tag set
 * instead of IOB2; see src/nlp/ner/tags.ts), NER_GAZ_DROP (the share of training documents
 * that do not see the organisation and airline gazetteers; default 0.5).
 */
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll, conllColumns } from '../src/formats/conll.js';
import { GAZ, GAZ_MASK, Lexicon } from '../src/nlp/ner/lexicon.js';
import { FeatureExtractor, prepareDoc, stackFeatures, type PreparedDoc } from '../src/nlp/ner/features.js';
import { PerceptronModel, type ExtraFeats } from '../src/nlp/ner/model.js';
import { encodeTags, toIob2 } from '../src/nlp/ner/tags.js';
import { createTagger } from '../src/nlp/ner/tagger.js';
import { evaluate, formatScores } from '../src/nlp/ner/eval.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(repoRoot, '../shared/data/conll2003');
const modelDir = join(repoRoot, 'models/ner');
const VERSION = '6';

if (!existsSync(join(dataDir, 'train.txt'))) {
  console.log(`train-ner: ${dataDir}/train.txt not found; skipping (the shipped model is kept).`);
  process.exit(0);
}

const epochs = Number(process.env.NER_EPOCHS ?? 12);
const prune = Number(process.env.NER_PRUNE ?? 0.05);
const foldEpochs = Number(process.env.NER_FOLD_EPOCHS ?? 8);
const nFolds = Number(process.env.NER_FOLDS ?? 5);
const outDir = process.env.NER_OUT_DIR ?? modelDir;
const decode = process.env.NER_DECODE ?? 'viterbi';
const lexFile = join(outDir, 'lexicon.bin');
const lexicon = existsSync(lexFile) ? Lexicon.load(lexFile) : Lexicon.empty();
if (!existsSync(lexFile)) console.log('train-ner: no lexicon.bin; training without clusters and gazetteers');

interface Doc { words: string[]; ranges: [number, number][]; gold: string[]; orig: number }
function load(file: string): Doc[] {
  return parseConll(readFileSync(file, 'utf8')).filter((d) => d.sentences.length > 0).map((d) => {
    const words: string[] = []; const gold: string[] = []; const ranges: [number, number][] = [];
    for (const s of conllColumns(d)) {
      const start = words.length;
      for (const cols of s) { words.push(cols[0]); gold.push(cols[cols.length - 1]); }
      ranges.push([start, words.length]);
    }
    return { words, ranges, gold, orig: -1 };
  });
}

const t0 = Date.now();
const train = load(join(dataDir, 'train.txt'));
train.forEach((d, i) => { d.orig = i; });
const nOrig = train.length;
const dev = existsSync(join(dataDir, 'valid.txt')) ? load(join(dataDir, 'valid.txt')) : [];
// Robustness to lowercase social text: a fixed-seed share of training documents is added
// again in lower case (tags unchanged), so the model learns to lean on clusters, gazetteers
// and context where capitals are missing.
const lowerShare = Number(process.env.NER_LOWER ?? 0.05);
let augSeed = 0x10ca5e;
const augRand = () => { augSeed = (Math.imul(augSeed, 1103515245) + 12345) >>> 0; return augSeed / 4294967296; };
for (const d of [...train]) if (augRand() < lowerShare) train.push({ ...d, words: d.words.map((w) => w.toLowerCase()) });
const fx = new FeatureExtractor(lexicon);
// Gazetteer dropout: a fixed-seed share of training documents (NER_GAZ_DROP) does not see the
// organisation lists, so the model does not lean on them alone for ORG and still learns the
// cues of companies and clubs that no list holds (weight undertraining, Sutton et al. 2006).
const gazDrop = Number(process.env.NER_GAZ_DROP ?? 0.5);
let dropSeed = 0x9a2d51;
const dropRand = () => { dropSeed = (Math.imul(dropSeed, 1103515245) + 12345) >>> 0; return dropSeed / 4294967296; };
const ORG_LISTS = GAZ.ORG | GAZ.AIRLINE;
const prepared: { doc: PreparedDoc; gold: Int8Array; orig: number }[] = train.map((d) => ({
  doc: prepareDoc(fx, d.words, d.ranges, dropRand() < gazDrop ? GAZ_MASK & ~ORG_LISTS : GAZ_MASK),
  gold: encodeTags(d.gold, d.ranges),
  orig: d.orig,
}));
console.log(`train-ner: ${train.length} documents, ${prepared.reduce((a, p) => a + p.gold.length, 0)} tokens prepared in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

// mulberry32: a fixed-seed generator, so the same data give the same model
let seed = Number(process.env.NER_SEED ?? 0x5eed1234) | 0; // another NER_SEED: a check that a gain is not one order's luck
const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };

const bags = Number(process.env.NER_BAGS ?? 1);
/**
 * Trains `bags` perceptrons on the documents `docs` (indices into `prepared`) for `n` epochs,
 * each in its own document orders, and mixes them into one (`PerceptronModel.average`).
 */
function trainModel(label: string, docs: number[], n: number, extras?: ExtraFeats[]): PerceptronModel {
  if (bags <= 1) return trainOne(label, docs, n, extras);
  return PerceptronModel.average(Array.from({ length: bags }, (_, b) => trainOne(`${label} (${b + 1}/${bags})`, docs, n, extras)));
}

/** Trains one perceptron on the documents `docs` (indices into `prepared`) for `n` epochs. */
function trainOne(label: string, docs: number[], n: number, extras?: ExtraFeats[]): PerceptronModel {
  const model = new PerceptronModel(fx);
  model.viterbi = decode === 'viterbi';
  const order = [...docs];
  for (let ep = 1; ep <= n; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let wrong = 0; let total = 0;
    for (const k of order) {
      const { doc, gold } = prepared[k];
      const pred = model.tag(doc, gold, extras?.[k]);
      for (let i = 0; i < gold.length; i++) { total++; if (pred[i] !== gold[i]) wrong++; }
    }
    if (ep === n || ep === 1) console.log(`${label} epoch ${ep}: train token error ${(100 * wrong / total).toFixed(2)}%  rows ${model.nRows}  ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  }
  return model;
}

const all = prepared.map((_, i) => i);
const first = trainModel('pass 1', all, epochs);
const r1 = first.save(join(outDir, 'model.bin'), { version: VERSION, pass: 1, decode, epochs, prune, trainedOn: 'CoNLL-2003 train' }, prune);
console.log(`train-ner: wrote model.bin: ${r1.rows} feature rows, ${(r1.bytes / 1e6).toFixed(1)} MB`);

const file2 = join(outDir, 'model2.bin');
if (nFolds > 1) {
  // Jackknife: first-pass tags for every training document from a model that did not see
  // it (a lowercase copy goes in the same fold as its original).
  const foldOf = new Int32Array(nOrig);
  const perm = Array.from({ length: nOrig }, (_, i) => i);
  for (let i = perm.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
  perm.forEach((d, i) => { foldOf[d] = i % nFolds; });
  const extras = new Array<ExtraFeats>(prepared.length);
  for (let f = 0; f < nFolds; f++) {
    const m = trainModel(`fold ${f + 1}/${nFolds}`, all.filter((k) => foldOf[prepared[k].orig] !== f), foldEpochs);
    m.freeze();
    for (const k of all) {
      if (foldOf[prepared[k].orig] !== f) continue;
      extras[k] = stackFeatures(prepared[k].doc, m.tag(prepared[k].doc));
    }
  }
  const second = trainModel('pass 2', all, epochs, extras);
  const r2 = second.save(file2, { version: VERSION, pass: 2, decode, epochs, folds: nFolds, foldEpochs, prune, trainedOn: 'CoNLL-2003 train' }, prune);
  console.log(`train-ner: wrote model2.bin: ${r2.rows} feature rows, ${(r2.bytes / 1e6).toFixed(1)} MB`);
} else if (existsSync(file2)) {
  unlinkSync(file2);
}

if (dev.length > 0) {
  const report = (name: string, tag: (d: Doc) => string[]) => {
    const gold: string[] = []; const pred: string[] = [];
    const t1 = Date.now();
    for (const d of dev) { gold.push(...d.gold); pred.push(...tag(d)); }
    console.log(`dev (valid.txt), ${name}, tagged in ${Date.now() - t1} ms:\n${formatScores(evaluate(gold, pred))}`);
  };
  const onlyFirst = PerceptronModel.load(join(outDir, 'model.bin'), fx).model;
  report('first pass only', (d) => toIob2(onlyFirst.tag(prepareDoc(fx, d.words, d.ranges))));
  const tagger = createTagger(outDir);
  report('shipped tagger', (d) => tagger.tag(d.words, d.ranges));
}
