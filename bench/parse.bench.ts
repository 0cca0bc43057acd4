/**
 * Benchmark of the POS tagger and dependency parser on the dev sets:
 * POS accuracy, UAS and LAS (with predicted tags, as in the pipeline, and with gold tags),
 * and speed in tokens per second on one core. Skips cleanly without ../shared/data or
 * without the trained models.
 *
 *   npm run bench:parse
 */
import { ewtPaths, gumSplit } from '../src/nlp/parse/data.js';
import { readConlluFile, type TreebankSentence } from '../src/nlp/parse/conllu.js';
import { shippedPosModel } from '../src/nlp/pos/model.js';
import { tagWords, tagWordsWithAlts } from '../src/nlp/pos/tagger.js';
import { shippedParserModel } from '../src/nlp/parse/model.js';
import { parseWords, type ParserModel } from '../src/nlp/parse/parser.js';
import { loadavg } from 'node:os';
import { readReuters } from './lib/reuters.js';
import { createWorkingDoc } from '../src/doc.js';
import { tokenizeStage, sentenceStage } from '../src/nlp/stages.js';
import { POS_ALTS_KEY, tagDoc } from '../src/nlp/pos/stage.js';
import { parseDoc } from '../src/nlp/parse/stage.js';
import type { WorkingDoc } from '../src/types.js';

const PUNCT = new Set(['punct']);

function score(model: ParserModel, data: TreebankSentence[], tagsOf: (s: TreebankSentence) => string[], altsOf: (s: TreebankSentence) => string[] | undefined = () => undefined) {
  let ua = 0, la = 0, n = 0, uaNP = 0, laNP = 0, nNP = 0;
  for (const s of data) {
    const p = parseWords(model, s.words, tagsOf(s), altsOf(s));
    for (let i = 0; i < s.words.length; i++) {
      const u = p.heads[i] === s.heads[i];
      const l = u && p.rels[i] === s.rels[i];
      n++; if (u) ua++; if (l) la++;
      if (!PUNCT.has(s.rels[i])) { nNP++; if (u) uaNP++; if (l) laNP++; }
    }
  }
  return { uas: ua / n, las: la / n, uasNoPunct: uaNP / nNP, lasNoPunct: laNP / nNP, tokens: n };
}

const pct = (x: number) => (x * 100).toFixed(2);

function main(): void {
  const paths = ewtPaths();
  if (!paths) {
    console.log('bench:parse skipped: ../shared/data/ud-ewt not found');
    return;
  }
  const t0 = performance.now();
  const pos = shippedPosModel();
  const parser = shippedParserModel();
  if (!pos || !parser) {
    console.log('bench:parse skipped: models not trained (npm run train:pos && npm run train:parser)');
    return;
  }
  console.log(`models loaded in ${(performance.now() - t0).toFixed(0)} ms`);
  const sets: [string, TreebankSentence[]][] = [['EWT dev', readConlluFile(paths.dev)], ['GUM dev (no NC docs)', gumSplit('dev')]];
  for (const [name, data] of sets) {
    if (!data.length) continue;
    const predicted = new Map<TreebankSentence, string[]>();
    const runnersUp = new Map<TreebankSentence, string[]>();
    let correct = 0, total = 0;
    for (const s of data) {
      const alts: string[] = [];
      const tags = tagWordsWithAlts(pos, s.words, alts);
      predicted.set(s, tags);
      runnersUp.set(s, alts);
      tags.forEach((t, i) => { total++; if (t === s.tags[i]) correct++; });
    }
    const p = score(parser, data, (s) => predicted.get(s)!, (s) => runnersUp.get(s));
    const g = score(parser, data, (s) => s.tags);
    console.log(`${name}: ${total} tokens, ${data.length} sentences`);
    console.log(`  POS accuracy (XPOS)             ${pct(correct / total)}`);
    console.log(`  predicted tags: UAS ${pct(p.uas)}  LAS ${pct(p.las)}   (without punct: UAS ${pct(p.uasNoPunct)}  LAS ${pct(p.lasNoPunct)})`);
    console.log(`  gold tags:      UAS ${pct(g.uas)}  LAS ${pct(g.las)}   (without punct: UAS ${pct(g.uasNoPunct)}  LAS ${pct(g.lasNoPunct)})`);
  }

  // Speed: several passes over EWT dev, after a warm-up pass.
  const dev = sets[0][1];
  const taggedAlts: string[][] = [];
  const tagged = dev.map((s) => tagWordsWithAlts(pos, s.words, (taggedAlts[taggedAlts.length] = [])));
  const rounds = 5;
  let tokens = 0;
  let t = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of dev) { tagWords(pos, s.words); tokens += s.words.length; }
  const posSpeed = tokens / ((performance.now() - t) / 1000);
  dev.forEach((s, i) => parseWords(parser, s.words, tagged[i], taggedAlts[i]));
  tokens = 0;
  t = performance.now();
  for (let r = 0; r < rounds; r++) dev.forEach((s, i) => { parseWords(parser, s.words, tagged[i], taggedAlts[i]); tokens += s.words.length; });
  const parseSpeed = tokens / ((performance.now() - t) / 1000);
  console.log(`speed (one core): POS ${Math.round(posSpeed).toLocaleString('en-US')} tokens/s, parser ${Math.round(parseSpeed).toLocaleString('en-US')} tokens/s (tagging excluded)`);

  // Speed on news as the pipeline sees it: Reuters stories through our tokenizer and
  // sentence splitter, then the POS and parse stages' functions (3 timed passes after one).
  const docs: WorkingDoc[] = readReuters(300).map((r) => {
    const d = createWorkingDoc({ id: r.id, hash: 'bench', title: r.title, url: null, source: null, published: r.date, dateline: null, language: 'en', text: r.text });
    tokenizeStage.run(d);
    sentenceStage.run(d);
    return d;
  });
  if (docs.length) {
    const n = docs.reduce((a, d) => a + d.tokens.length, 0);
    let tPos = 0;
    let tParse = 0;
    for (let r = 0; r < 4; r++) {
      let t1 = performance.now();
      for (const d of docs) {
        const alts: string[] = [];
        d.pos = tagDoc(d, pos, alts);
        d.data[POS_ALTS_KEY] = alts;
      }
      const a = performance.now() - t1;
      t1 = performance.now();
      for (const d of docs) parseDoc(d, parser);
      const b = performance.now() - t1;
      if (r > 0) {
        tPos += a;
        tParse += b;
      }
    }
    const fmt = (ms: number) => Math.round((3 * n) / (ms / 1000)).toLocaleString('en-US');
    console.log(`speed on ${docs.length} Reuters stories (${n} tokens): POS ${fmt(tPos)} tokens/s, parser ${fmt(tParse)} tokens/s`);
  }
  console.log(`load average (1 min) ${loadavg()[0].toFixed(1)}`);
}

main();
