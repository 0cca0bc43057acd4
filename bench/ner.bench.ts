/**
 * `npm run bench:ner`: entity-level P/R/F1 per type (conlleval semantics) on CoNLL-2003 dev
 * (../shared/data/conll2003/valid.txt) and tokens/s of a whole `extract --from conll --to
 * conll` run over it, side by side with compromise (people, places, organisations) on the
 * same file in the same run, and the speed of wink-nlp's full pipeline (its lite English
 * model: no PER/ORG/LOC entities, so speed only) on the same text as a same-box reference.
 * Skips cleanly when the data are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { runExtract } from '../src/cli/extract.js';
import { parseConll, conllToTokens, conllColumns } from '../src/formats/conll.js';
import { evaluate, formatScores } from '../src/nlp/ner/eval.js';
import { loadTagger } from '../src/nlp/ner/tagger.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const devFile = resolve(repoRoot, '../shared/data/conll2003/valid.txt');
if (!existsSync(devFile)) {
  console.log(`bench:ner: ${devFile} not found; skipping.`);
  process.exit(0);
}
const raw = readFileSync(devFile, 'utf8');
const docs = parseConll(raw);
const gold: string[] = [];
for (const d of docs) for (const s of conllColumns(d)) for (const cols of s) gold.push(cols[cols.length - 1]);
const nTokens = gold.length;

// ---- dateline: the whole CLI run, in process (read, analyse, write) ----------------------
// Wall time and this process's CPU time (user + system) are both reported: on a shared box
// the wall clock also counts time spent waiting for a core.
function runOnce(): { ms: number; cpu: number; out: string } {
  let out = '';
  const c0 = process.cpuUsage();
  const t = process.hrtime.bigint();
  const rc = runExtract([devFile], { from: 'conll', to: 'conll' }, { stdout: (s) => { out += s; }, stderr: (s) => process.stderr.write(s), readStdin: () => Buffer.alloc(0) });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const c = process.cpuUsage(c0);
  if (rc !== 0) throw new Error(`extract exited ${rc}`);
  return { ms, cpu: (c.user + c.system) / 1000, out };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const tl = process.hrtime.bigint();
const tagger = loadTagger(); // the model load, timed apart from tagging
const loadMs = Number(process.hrtime.bigint() - tl) / 1e6;
if (!tagger) throw new Error('no NER model in models/ner (run npm run train:ner)');
// ---- wink-nlp's full pipeline on the same text (speed only) --------------------------------
// wink-eng-lite-web-model has no PER/ORG/LOC/MISC entity recogniser (its entities are dates,
// numbers, e-mails, …), so it gives no F1 here; it is timed as a same-box speed reference:
// readDoc with the default pipe (sentences, negation, sentiment, POS, entities), reading every
// token's text and every entity so no work can be skipped. Same texts as compromise's; the
// rate is per CoNLL token, like ours (wink's own tokeniser counts a few more).
const wink = winkNLP(winkModel);
const winkTexts = docs.filter((d) => d.sentences.length > 0).map((d) => conllToTokens(d.sentences).text);
function winkOnce(): { ms: number; cpu: number; tokens: number; entities: number } {
  let tokens = 0; let entities = 0;
  const c0 = process.cpuUsage();
  const t = process.hrtime.bigint();
  for (const text of winkTexts) {
    const wd = wink.readDoc(text);
    tokens += wd.tokens().out().length;
    entities += wd.entities().out().length;
  }
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, tokens, entities };
}

const cold = runOnce(); // the first run: caches empty, code not yet optimised
winkOnce(); // wink's warm-up
// Warm runs of ours and wink's alternate (five rounds, the order swapped every round), so
// that each pair shares the moment's load on a shared machine; medians, and the median of
// the five per-round ratios.
const ROUNDS = 5;
const warmRuns: ReturnType<typeof runOnce>[] = [];
const winkRuns: ReturnType<typeof winkOnce>[] = [];
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2) { winkRuns.push(winkOnce()); warmRuns.push(runOnce()); } else { warmRuns.push(runOnce()); winkRuns.push(winkOnce()); }
}
const warm = { ms: median(warmRuns.map((r) => r.ms)), cpu: median(warmRuns.map((r) => r.cpu)) };
const winkWarm = { ms: median(winkRuns.map((r) => r.ms)), cpu: median(winkRuns.map((r) => r.cpu)) };
const pairRatio = { ms: median(warmRuns.map((r, i) => winkRuns[i].ms / r.ms)), cpu: median(warmRuns.map((r, i) => winkRuns[i].cpu / r.cpu)) };
// the tagger alone on the same documents (no reading, pipeline or writing)
const tagDocs = docs.filter((d) => d.sentences.length > 0).map((d) => {
  const words: string[] = []; const ranges: [number, number][] = [];
  for (const s of d.sentences) { ranges.push([words.length, words.length + s.length]); words.push(...s); }
  return { words, ranges };
});
const tagOnly = median([0, 1, 2].map(() => {
  const c0 = process.cpuUsage();
  for (const d of tagDocs) tagger.tag(d.words, d.ranges);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}));
const pred: string[] = [];
for (const line of cold.out.split('\n')) {
  if (!line.trim() || line.startsWith('-DOCSTART-')) continue;
  const cols = line.split(/\s+/);
  pred.push(cols[cols.length - 1]);
}
if (pred.length !== nTokens) throw new Error(`output has ${pred.length} tags for ${nTokens} tokens`);
const ours = evaluate(gold, pred);

// `npm run bench:ner -- --errors`: every dev sentence whose predicted tags differ from the
// gold ones, the differing tokens marked word[gold|predicted], for reading which errors a
// general feature could fix (dev only; nothing from it goes into the model by its words)
if (process.argv.includes('--errors')) {
  let k = 0;
  for (const d of docs) {
    for (const s of conllColumns(d)) {
      const parts: string[] = [];
      let differs = false;
      for (const cols of s) {
        const g = gold[k]; const p = pred[k]; k++;
        if (g !== p) { differs = true; parts.push(`${cols[0]}[${g}|${p}]`); } else parts.push(g === 'O' ? cols[0] : `${cols[0]}/${g}`);
      }
      if (differs) console.log(parts.join(' '));
    }
  }
  console.log('');
}

// ---- compromise on the same documents (text = tokens joined by spaces, as our reader does) --
const cpPred: string[] = [];
const tc = process.hrtime.bigint();
for (const d of docs) {
  if (d.sentences.length === 0) continue;
  const { text, tokens } = conllToTokens(d.sentences);
  const tags = new Array<string>(tokens.length).fill('O');
  const starts = new Map(tokens.map((t, i) => [t.start, i]));
  const doc = nlp(text);
  for (const [type, view] of [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]] as const) {
    for (const m of view.json({ offset: true }) as { offset: { start: number; length: number } }[]) {
      let i = starts.get(m.offset.start);
      if (i === undefined) continue;
      const end = m.offset.start + m.offset.length;
      if (tags[i] !== 'O') continue;
      tags[i] = 'B-' + type;
      for (i = i + 1; i < tokens.length && tokens[i].start < end; i++) tags[i] = 'I-' + type;
    }
  }
  cpPred.push(...tags);
}
const cpMs = Number(process.hrtime.bigint() - tc) / 1e6;
const theirs = evaluate(gold, cpPred);

const rate = (ms: number) => Math.round((nTokens / ms) * 1000).toLocaleString('en-US');
console.log(`CoNLL-2003 dev (valid.txt): ${docs.length} documents, ${nTokens} tokens\n`);
console.log(`dateline model/ner (extract --from conll --to conll, whole run in process)\n${formatScores(ours)}`);
console.log(`speed: ${rate(warm.ms)} tokens/s warm wall clock, ${rate(warm.cpu)} tokens/s warm CPU time (median of ${ROUNDS}: ${warm.ms.toFixed(0)} ms wall, ${warm.cpu.toFixed(0)} ms CPU)`);
console.log(`       first run ${rate(cold.ms)} tokens/s (${cold.ms.toFixed(0)} ms, after a model load of ${loadMs.toFixed(0)} ms); tagger alone ${rate(tagOnly)} tokens/s CPU (${tagOnly.toFixed(0)} ms)\n`);
console.log(`compromise ${'14'} (people/places/organizations; no MISC)\n${formatScores(theirs)}`);
console.log(`speed: ${rate(cpMs)} tokens/s (${cpMs.toFixed(0)} ms)`);
console.log(`\nwink-nlp 2 full pipeline (wink-eng-lite-web-model: no PER/ORG/LOC/MISC recogniser, so speed only)`);
console.log(`speed: ${rate(winkWarm.ms)} tokens/s warm wall clock, ${rate(winkWarm.cpu)} tokens/s warm CPU time (median of ${ROUNDS}, alternating with ours: ${winkWarm.ms.toFixed(0)} ms wall, ${winkWarm.cpu.toFixed(0)} ms CPU; ${winkRuns[0].tokens} wink tokens, ${winkRuns[0].entities} wink entities)`);
console.log(`\nsame run, tokens/s: dateline whole run ${rate(warm.ms)} wall / ${rate(warm.cpu)} CPU; wink-nlp ${rate(winkWarm.ms)} wall / ${rate(winkWarm.cpu)} CPU; compromise ${rate(cpMs)} wall`);
console.log(`ours / wink-nlp (tokens/s), median of the ${ROUNDS} alternating pairs: ${pairRatio.ms.toFixed(2)} wall, ${pairRatio.cpu.toFixed(2)} CPU (the issue's target, 250,000 against wink's 215,000, is a ratio of 1.16)`);
