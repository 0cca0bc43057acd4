/**
 * Trains the dependency parser (arc-eager transitions + arc labeller) on UD English-EWT
 * train + GUM train (without its non-commercial documents) and writes
 * `models/parser/parser.bin`. The parser is trained on predicted POS tags from a 4-fold
 * jackknife (each fold tagged by a tagger trained on the other three), so it learns to
 * live with the tagger's errors as at run time. Reproducible: fixed seeds. Skips cleanly
 * without ../shared/data.
 *
 *   npm run train:parser            (nice'd; a few minutes on one core)
 *   npm run train:parser -- OUT.bin (write elsewhere, e.g. to compare with the shipped model)
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadTreebanks, repoRoot } from '../src/nlp/parse/data.js';
import { tagWordsWithAlts, trainTagger } from '../src/nlp/pos/tagger.js';
import { findModelFile, loadPosModel } from '../src/nlp/pos/model.js';
import { attachmentScores, trainParser, type ParseExample } from '../src/nlp/parse/parser.js';
import { saveParserModel } from '../src/nlp/parse/model.js';

const FOLDS = 4;
const JACKKNIFE_EPOCHS = 5;
export const PARSER_EPOCHS = 15;
export const LABEL_EPOCHS = 8;
export const PARSER_SEED = 7;
export const PARSER_MIN_WEIGHT = 1;

function main(): void {
  const tb = loadTreebanks();
  if (!tb) {
    console.log('train:parser skipped: ../shared/data/ud-ewt not found');
    return;
  }
  const posFile = findModelFile('pos/pos.bin');
  if (!posFile) {
    console.log('train:parser needs the POS model first: run `npm run train:pos`');
    process.exitCode = 1;
    return;
  }
  const t0 = Date.now();
  const secs = () => ((Date.now() - t0) / 1000).toFixed(0);

  // Jackknifed tags for the training set.
  const predicted: string[][] = new Array(tb.train.length);
  const runnersUp: string[][] = new Array(tb.train.length);
  for (let f = 0; f < FOLDS; f++) {
    const rest = tb.train.filter((_, i) => i % FOLDS !== f);
    const tagger = trainTagger(rest, { epochs: JACKKNIFE_EPOCHS, seed: 100 + f });
    tb.train.forEach((s, i) => {
      if (i % FOLDS === f) predicted[i] = tagWordsWithAlts(tagger, s.words, (runnersUp[i] = []));
    });
    console.log(`jackknife fold ${f + 1}/${FOLDS} tagged (${secs()} s)`);
  }
  let correct = 0;
  let total = 0;
  tb.train.forEach((s, i) => s.tags.forEach((t, j) => { total++; if (predicted[i][j] === t) correct++; }));
  console.log(`jackknifed tag accuracy on train: ${((correct / total) * 100).toFixed(2)}%`);

  const train: ParseExample[] = tb.train.map((s, i) => ({ words: s.words, tags: predicted[i], alts: runnersUp[i], heads: s.heads, rels: s.rels }));
  const model = trainParser(train, {
    epochs: PARSER_EPOCHS,
    labelEpochs: LABEL_EPOCHS,
    seed: PARSER_SEED,
    minWeight: PARSER_MIN_WEIGHT,
    onEpoch: (what, e, acc) => console.log(`${what} epoch ${e}: train ${(acc * 100).toFixed(2)}%  (${secs()} s)`),
  });

  // Dev scores with the shipped tagger's tags, as the pipeline runs.
  const pos = loadPosModel(posFile);
  const withPredicted = (data: typeof tb.ewtDev): ParseExample[] =>
    data.map((s) => {
      const alts: string[] = [];
      return { words: s.words, tags: tagWordsWithAlts(pos, s.words, alts), alts, heads: s.heads, rels: s.rels };
    });
  const ewt = attachmentScores(model, withPredicted(tb.ewtDev));
  const gum = attachmentScores(model, withPredicted(tb.gumDev));
  console.log(`EWT dev UAS ${(ewt.uas * 100).toFixed(2)} LAS ${(ewt.las * 100).toFixed(2)} | GUM dev UAS ${(gum.uas * 100).toFixed(2)} LAS ${(gum.las * 100).toFixed(2)} (predicted tags)`);

  const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(repoRoot(), 'models/parser/parser.bin');
  mkdirSync(path.dirname(out), { recursive: true });
  saveParserModel(out, model, {
    trainedOn: 'UD_English-EWT r2.16 train + GUM train (CC BY / BY-SA / PD texts only); jackknifed POS tags',
    scores: {
      ewtDevUas: Number(ewt.uas.toFixed(4)), ewtDevLas: Number(ewt.las.toFixed(4)),
      gumDevUas: Number(gum.uas.toFixed(4)), gumDevLas: Number(gum.las.toFixed(4)),
    },
  });
  const t = model.transitions.stats;
  const l = model.labeller.stats;
  console.log(`wrote ${out} (${(statSync(out).size / 1e6).toFixed(2)} MB; transitions ${t.features} features, labeller ${l.features} features) in ${secs()} s`);
}

main();
