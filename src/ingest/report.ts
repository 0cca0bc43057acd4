/**
 * @module ingest/report
 * A plain-text report → `DocumentMeta`. Recognises, at the start of the text:
 * - the seed-style header `date YYYY-MM-DD` (the publication date);
 * - a dateline, in the seed's style `Moscow [Russia], April 28 :` or the wire styles
 *   `MOSCOW, April 28 (Reuters) -` and `WASHINGTON (AP) —`.
 * Both stay inside `document.text`; the dateline becomes a span with its place and country.
 */
import { createHash } from 'node:crypto';
import type { Dateline, DocumentMeta } from '../types.js';
import { countryByName, countryIndex, normaliseName } from '../resolve/countries.js';
import { InputError, INPUT_PROBLEMS } from './errors.js';
import { isIsoDate } from './decode.js';

/** What the caller knows about a report besides its text. */
export interface ReportOrigin {
  /** The input's own id (file name, JSONL id); the hash is used when absent. */
  id?: string | null;
  /** Publication date from outside the text (`--date`, JSONL `date`); the header wins. */
  date?: string | null;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  /** Name used in error messages. */
  inputName?: string;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?:T[\d:.+-Z]+)?[ \t]+/i;
// "Moscow [Russia], April 28 :" — place, optional [country], optional date, then a colon or dash.
const SEED_DATELINE = new RegExp(`^(\\p{Lu}[\\p{L}\\p{M}.' -]{0,48}?)\\s*(?:\\[([^\\]\\n]{2,60})\\])?\\s*,\\s*(${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)\\s*[:\\-–—]`, 'u');
// "MOSCOW, April 28 (Reuters) -", "WASHINGTON (AP) —", "BEIJING, March 3 (Xinhua) --"
const WIRE_DATELINE = new RegExp(`^(\\p{Lu}[\\p{Lu}\\p{M}.' -]{1,40}?)(?:,\\s*(?:\\p{Lu}[\\p{L}.]+,\\s*)?(${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?))?\\s*\\(([^)\\n]{2,40})\\)\\s*(?:-{1,2}|–|—|:)`, 'u');

/** sha256 of the text, as Contract 1 writes it. */
export function hashText(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads a report's header and dateline.
 *
 * @example
 * const doc = readReport('date 2025-04-28 Moscow [Russia], April 28 : Putin said …', { id: 'a.txt' });
 * doc.published        // '2025-04-28'
 * doc.dateline?.place  // 'Moscow'
 */
export function readReport(text: string, origin: ReportOrigin = {}): DocumentMeta {
  const name = origin.inputName ?? origin.id ?? '-';
  if (text.trim().length === 0) throw new InputError(name, INPUT_PROBLEMS.noText);
  if (origin.date != null && !isIsoDate(origin.date.slice(0, 10))) throw new InputError(name, `${INPUT_PROBLEMS.badDate} (${origin.date})`);
  let published: string | null = origin.date ?? null;
  let cursor = 0;
  const header = HEADER.exec(text);
  if (header && isIsoDate(header[1])) {
    published = header[1];
    cursor = header[0].length;
  }
  const dateline = readDateline(text, cursor);
  const hash = hashText(text);
  return {
    id: origin.id ?? hash,
    hash,
    title: origin.title ?? null,
    url: origin.url ?? null,
    source: origin.source ?? null,
    published,
    dateline,
    language: guessLanguage(text),
    text,
  };
}

/** Finds a dateline starting at `from` (after any header). */
export function readDateline(text: string, from: number): Dateline | null {
  // skip leading white space
  let at = from;
  while (at < text.length && /\s/.test(text[at])) at++;
  const rest = text.slice(at, at + 200);
  const seed = SEED_DATELINE.exec(rest);
  if (seed) {
    const place = seed[1].trim();
    const country = (seed[2] && countryByName(seed[2].trim())?.cca3) || placeCountry(place);
    const end = at + seed[0].length;
    return { place, country: country ?? null, start: at, end, text: text.slice(at, end) };
  }
  const wire = WIRE_DATELINE.exec(rest);
  if (wire && wire[1].trim().length >= 2) {
    const place = titleCase(wire[1].trim());
    const end = at + wire[0].length;
    return { place, country: placeCountry(place), start: at, end, text: text.slice(at, end) };
  }
  return null;
}

/** A dateline place's country: a capital, or a country named as the place. */
function placeCountry(place: string): string | null {
  const key = normaliseName(place);
  const idx = countryIndex();
  return idx.byCapital.get(key)?.cca3 ?? idx.byName.get(key)?.cca3 ?? null;
}

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

/**
 * dateline reads English; this only tells English from text that is clearly not, by the
 * share of the most common English function words, so a consumer can filter.
 */
export function guessLanguage(text: string): string {
  const words = text.slice(0, 5000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return 'en';
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length > 0.12 ? 'en' : 'und';
}

const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'was', 'for', 'on', 'with', 'as', 'by',
  'he', 'it', 'said', 'at', 'from', 'his', 'an', 'were', 'are', 'which', 'this', 'be', 'has', 'have',
]);
