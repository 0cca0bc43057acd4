/**
 * @module serve/countries
 * ISO 3166-1 alpha-3 → numeric codes, so the offline world map (world-atlas, keyed by the
 * numeric code) can shade the countries events happen in. From world-countries (ODbL),
 * loaded once on first use.
 */
import { createRequire } from 'node:module';

let numeric: Map<string, string> | null = null;

/**
 * @example
 * numericCode('RUS'); // '643'
 */
export function numericCode(alpha3: string | null): string | null {
  if (!alpha3) return null;
  if (!numeric) {
    const list = createRequire(import.meta.url)('world-countries') as { cca3: string; ccn3: string }[];
    numeric = new Map(list.filter((c) => c.ccn3).map((c) => [c.cca3, c.ccn3]));
  }
  return numeric.get(alpha3.toUpperCase()) ?? null;
}
