/**
 * Trains the part-of-speech tagger on UD English-EWT train + GUM train (without its
 * non-commercial documents), reports accuracy on EWT dev and GUM dev, and writes
 * `models/pos/pos.bin`. Reproducible: fixed seed. Skips cleanly without ../shared/data.
 *
 *   npm run train:pos            (nice'd; about a minute on one core)
 *   npm run train:pos -- OUT.bin (write elsewhere, e.g. to compare with the shipped model)
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadTreebanks, repoRoot } from '../src/nlp/parse/data.js';
import { accuracy, trainTagger } from '../src/nlp/pos/tagger.js';
import { savePosModel } from '../src/nlp/pos/model.js';

export const POS_EPOCHS = Number(process.env.POS_EPOCHS ?? 8);
export const POS_SEED = 1;
/** Averaged weights below this are pruned from the shipped file. */
export const POS_MIN_WEIGHT = 0.5;

function main(): void {
  const tb = loadTreebanks();
  if (!tb) {
    console.log('train:pos skipped: ../shared/data/ud-ewt not found');
    return;
  }
  // The tagger's copy of the unlabelled-text lexicon (clusters, capitalisation), taken
  // before training so the features it learns from are the ones it ships with.
  const nerLexicon = path.join(repoRoot(), 'models/ner/lexicon.bin');
  const posLexicon = path.join(repoRoot(), 'models/pos/lexicon.bin');
  if (existsSync(nerLexicon) && !process.argv[2]) copyFileSync(nerLexicon, posLexicon);
  else if (!existsSync(posLexicon)) console.log('no word-cluster lexicon (npm run train:ner builds it); training without cluster features');
  const t0 = Date.now();
  console.log(`training on ${tb.train.length} sentences, ${tb.train.reduce((a, s) => a + s.words.length, 0)} words`);
  const model = trainTagger(tb.train, {
    epochs: POS_EPOCHS,
    seed: POS_SEED,
    minWeight: POS_MIN_WEIGHT,
    // POS_TRACE=1 also prints EWT dev accuracy after each epoch (to choose the epoch count)
    dev: process.env.POS_TRACE ? tb.ewtDev : undefined,
    onEpoch: (e, acc, dev) =>
      console.log(`epoch ${e}: train ${(acc * 100).toFixed(2)}%${dev === null ? '' : `  EWT dev ${(dev * 100).toFixed(2)}%`}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`),
  });
  const ewtDev = accuracy(model, tb.ewtDev);
  const gumDev = tb.gumDev.length ? accuracy(model, tb.gumDev) : NaN;
  console.log(`EWT dev accuracy ${(ewtDev * 100).toFixed(2)}%  GUM dev ${(gumDev * 100).toFixed(2)}%`);
  const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(repoRoot(), 'models/pos/pos.bin');
  mkdirSync(path.dirname(out), { recursive: true });
  savePosModel(out, model, {
    trainedOn: 'UD_English-EWT r2.16 train + GUM train (CC BY / BY-SA / PD texts only)',
    scores: { ewtDev: Number(ewtDev.toFixed(4)), gumDev: Number(gumDev.toFixed(4)) },
  });
  console.log(`wrote ${out} (${(statSync(out).size / 1e6).toFixed(2)} MB; ${model.weights.stats.features} features, ${model.weights.stats.weights} weights)`);
}

main();
