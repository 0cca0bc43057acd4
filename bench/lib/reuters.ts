/**
 * @module bench/lib/reuters
 * Reads Reuters-21578 (XML-ised) from ../shared/data as dated reports, for throughput
 * benchmarks. Returns [] when the data is absent, so benchmarks can skip cleanly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DATA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const REUTERS_DIR = join(SHARED_DATA, 'reuters21578');

export interface ReutersStory {
  id: string;
  /** ISO date from the DATE element ("26-FEB-1987 15:01:01.79" → 1987-02-26). */
  date: string;
  title: string | null;
  /** DATELINE + BODY, as the story would run on the wire. */
  text: string;
}

const MONTHS: Record<string, string> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

function unescape(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, n: string) => (Number(n) < 32 ? ' ' : String.fromCharCode(Number(n))))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Up to `limit` stories that have a body, in file order. */
export function readReuters(limit = Infinity): ReutersStory[] {
  if (!existsSync(REUTERS_DIR)) return [];
  const out: ReutersStory[] = [];
  const files = readdirSync(REUTERS_DIR).filter((f) => /^reut2-\d+\.xml$/.test(f)).sort();
  for (const f of files) {
    // one file has a few cp1252 bytes; latin1 keeps every byte
    const xml = readFileSync(join(REUTERS_DIR, f), 'latin1');
    for (const m of xml.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(m[2]);
      if (!body) continue;
      const d = /<DATE>\s*(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(m[2]);
      const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(m[2]);
      const dateline = /<DATELINE>([\s\S]*?)<\/DATELINE>/.exec(m[2]);
      out.push({
        id: `reuters-${m[1]}`,
        date: d ? `${d[3]}-${MONTHS[d[2]] ?? '01'}-${d[1].padStart(2, '0')}` : '1987-01-01',
        title: title ? unescape(title[1]).trim() : null,
        text: unescape(((dateline ? dateline[1].trim() + ' ' : '') + body[1]).replace(/\s*Reuter\s*$/, '')).trim(),
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
