/**
 * Writes models/ner/orgs-nsi.txt, the organisation gazetteer's input, from a copy of the
 * name-suggestion-index package (BSD-3-Clause; OpenStreetMap's canonical brand and operator
 * names). Run by hand when the list should be refreshed; `npm run train:ner` reads only the
 * committed text file, so the package (whose dependency tree carries geometry libraries) is
 * not a dependency of the project:
 *
 *   npm pack name-suggestion-index@8.0.20260918 && tar -xzf name-suggestion-index-*.tgz
 *   npx tsx scripts/extract-nsi-orgs.ts package/dist/json/nsi.min.json
 *
 * Only categories whose brands and operators are organisations that news names are read:
 * banks, insurers, fuel and oil companies, car, truck and motorcycle makers, supermarket and
 * department-store chains, telecoms, electronics chains, hotel chains, car-rental firms,
 * postal and parcel companies, power, rail, pipeline and telecom operators. Shops of a trade
 * (clothes, bakeries, hairdressers), restaurants, schools, parks, councils and other places
 * are not read. A name is kept when it is Latin script, at least two characters long, has a
 * capital letter, is not one of the package's generic words ("Supermarket", "Bank") and does
 * not name a council, district, municipality or other local authority. build-clusters.ts
 * then drops a one-word name that running news text mostly writes in lower case (a common
 * word such as "Total" or "Shell" stays only if news writes it capitalised) and a name that
 * is already a place in the gazetteers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2];
if (!src) throw new Error('usage: extract-nsi-orgs.ts path/to/nsi.min.json');

const CATEGORIES = [
  'brands/amenity/bank', 'brands/office/insurance', 'brands/amenity/fuel',
  'brands/shop/car', 'brands/shop/truck_repair', 'brands/shop/motorcycle_repair',
  'brands/shop/supermarket', 'brands/shop/department_store', 'brands/shop/doityourself',
  'brands/shop/telecommunication', 'brands/office/telecommunication', 'brands/shop/mobile_phone',
  'brands/shop/electronics', 'brands/tourism/hotel', 'brands/amenity/car_rental',
  'brands/amenity/post_office', 'brands/amenity/post_depot',
  'operators/route/railway', 'operators/route/tracks', 'operators/route/power',
  'operators/power/plant', 'operators/man_made/pipeline', 'operators/telecom/exchange',
  'operators/telecom/data_center', 'operators/amenity/post_office', 'operators/amenity/post_depot',
  'operators/amenity/post_box',
];
const LOCAL_AUTHORITY = /\b(council|district|county|municipality|municipal|borough|parish|township|city of|town of|village of|gemeente|gemeinde|stadt|kommune|commune|comune|ayuntamiento|concello|prefeitura|municipio|município|mairie|ville de|landkreis|kreis|region|département|departement|provincia|province)\b/iu;
const LATIN_NAME = /^[\p{Script=Latin}\p{N}\p{M} &'’.,+\-/]+$/u;

type Item = { displayName?: string; tags?: Record<string, string> };
const data = JSON.parse(readFileSync(src, 'utf8')) as { _meta?: { version?: string }; nsi: Record<string, { items: Item[] }> };
const genericFile = join(dirname(src), 'genericWords.min.json');
const generic = (JSON.parse(readFileSync(genericFile, 'utf8')) as { genericWords: string[] }).genericWords.map((g) => new RegExp(g, 'iu'));

const out = new Set<string>();
for (const cat of CATEGORIES) {
  for (const item of data.nsi[cat]?.items ?? []) {
    const t = item.tags ?? {};
    for (const raw of [item.displayName, t.name, t['name:en'], t.brand, t['brand:en'], t.operator, t['operator:en']]) {
      if (!raw) continue;
      const name = raw.replace(/\s*\(.*?\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
      if (name.length < 2 || !LATIN_NAME.test(name) || !/\p{Lu}/u.test(name) || !/\p{L}/u.test(name)) continue;
      if (LOCAL_AUTHORITY.test(name) || generic.some((g) => g.test(name))) continue;
      if (name.split(' ').length > 5) continue;
      out.add(name);
    }
  }
}
const names = [...out].sort();
// the package's licence, verbatim (BSD 3-Clause asks that redistributions keep it)
const licence = readFileSync(join(dirname(src), '../../LICENSE.md'), 'utf8').trim().split('\n').map((l) => `# ${l}`.trimEnd());
const header = [
  `# Organisation names for the NER gazetteer, extracted by scripts/extract-nsi-orgs.ts from`,
  `# name-suggestion-index ${data._meta?.version ?? ''} (https://github.com/osmlab/name-suggestion-index),`,
  `# categories: ${CATEGORIES.join(', ')}.`,
  `# The list is derived from that package and carries its licence:`,
  '#',
  ...licence,
  '#',
];
writeFileSync(join(repoRoot, 'models/ner/orgs-nsi.txt'), header.join('\n') + '\n' + names.join('\n') + '\n');
console.log(`extract-nsi-orgs: ${names.length} names`);
