/**
 * @module time/calendar
 * Calendar arithmetic for TIMEX3 values: days, ISO weeks, quarters, seasons, and the
 * underspecified forms (`XXXX-XX-XX`) used when a document has no date to anchor on.
 * All dates are plain `{ y, m, d }` records computed in UTC, so the host's time zone never
 * leaks into a value.
 */

/** A calendar day. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/**
 * Parses `YYYY-MM-DD` (a longer ISO string is cut to its date), or null.
 *
 * @example
 * parseYmd('2025-04-28') // { y: 2025, m: 4, d: 28 }
 */
export function parseYmd(s: string | null | undefined): Ymd | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** Days since 1970-01-01 (UTC) for a calendar day. */
export function toDays(p: Ymd): number {
  return Math.floor(Date.UTC(p.y, p.m - 1, p.d) / 86400000);
}

/** The calendar day `n` days after 1970-01-01. */
export function fromDays(n: number): Ymd {
  const dt = new Date(n * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** `p` moved by `n` days. */
export function addDays(p: Ymd, n: number): Ymd {
  return fromDays(toDays(p) + n);
}

/** `p` moved by `n` months (the day clamped to the month's length). */
export function addMonths(p: Ymd, n: number): Ymd {
  const idx = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(p.d, last) };
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekday(p: Ymd): number {
  const w = new Date(toDays(p) * 86400000).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(p: Ymd): { y: number; w: number } {
  const days = toDays(p);
  const thursday = fromDays(days - weekday(p) + 4);
  const jan1 = toDays({ y: thursday.y, m: 1, d: 1 });
  return { y: thursday.y, w: Math.floor((toDays(thursday) - jan1) / 7) + 1 };
}

/** `2025-04-28` */
export const dayValue = (p: Ymd | null): string => (p ? `${p.y}-${pad(p.m)}-${pad(p.d)}` : 'XXXX-XX-XX');
/** `2025-04` */
export const monthValue = (y: number | null, m: number): string => `${y ?? 'XXXX'}-${pad(m)}`;
/** `2025-W17` for the ISO week holding `p`. */
export const weekValue = (p: Ymd | null): string => {
  if (!p) return 'XXXX-WXX';
  const { y, w } = isoWeek(p);
  return `${y}-W${pad(w)}`;
};
/** `2025-Q2` */
export const quarterValue = (y: number | null, q: number): string => `${y ?? 'XXXX'}-Q${q}`;
/** `2025` */
export const yearValue = (y: number | null): string => (y == null ? 'XXXX' : String(y));

/** The quarter (1–4) a month falls in. */
export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;

/** Season letters in calendar order, as TimeML writes them. */
export const SEASONS = ['WI', 'SP', 'SU', 'FA'] as const;

/** The season a month falls in (meteorological, northern hemisphere): Dec–Feb is winter. */
export function seasonOf(m: number): string {
  return SEASONS[Math.floor((m % 12) / 3)];
}

/**
 * Moves a (year, index) pair of a cycle of `size` periods a year by `n` periods.
 *
 * @example
 * shiftCycle(2025, 1, -1, 4) // { y: 2024, i: 4 }  (the quarter before 2025-Q1)
 */
export function shiftCycle(y: number, i: number, n: number, size: number): { y: number; i: number } {
  const idx = y * size + (i - 1) + n;
  const ny = Math.floor(idx / size);
  return { y: ny, i: idx - ny * size + 1 };
}

/**
 * The date of weekday `wd` (1–7) relative to `ref`: `dir` −1 is the latest one on or before
 * `ref` (strictly before when `strict`), +1 the first on or after it, 0 the one in the same
 * ISO week.
 */
export function weekdayNear(ref: Ymd, wd: number, dir: -1 | 0 | 1, strict = false): Ymd {
  const cur = weekday(ref);
  if (dir === 0) return addDays(ref, wd - cur);
  if (dir < 0) {
    let back = (cur - wd + 7) % 7;
    if (back === 0 && strict) back = 7;
    return addDays(ref, -back);
  }
  let fwd = (wd - cur + 7) % 7;
  if (fwd === 0 && strict) fwd = 7;
  return addDays(ref, fwd);
}

/** For a unit: its letter, the half of it in the next smaller unit, and whether it is a time unit. */
/** A unit's next smaller unit: how many, its letter, and whether it is a time unit (after T). */
const SMALLER: Record<string, [number, string, boolean]> = { Y: [12, 'M', false], W: [7, 'D', false], D: [24, 'H', true], H: [60, 'M', true], MIN: [60, 'S', true] };
const HALF: Record<string, [string, string, boolean]> = {
  Y: ['Y', '6M', false], M: ['M', '15D', false], D: ['D', 'T12H', false], H: ['H', '30M', true],
  MIN: ['M', '30S', true],
};

/** Formats a duration as TIMEX3 (`P3D`, `PT2H`, `P20Y`, `PXY`); `n` null means unknown. */
export function durationValue(n: number | null, unit: string): string {
  // A half unit is written with the next smaller unit, as TimeML annotators do:
  // "2 1/2 years" P2Y6M, "a minute and a half" PT1M30S.
  if (n != null && n % 1 === 0.5 && HALF[unit]) {
    const whole = Math.floor(n);
    const [big, small, time] = HALF[unit];
    return `P${time ? 'T' : ''}${whole ? whole + big : ''}${small}`;
  }
  // "a fortnight" is two weeks; "a quarter of an hour" PT15M, "three quarters of a year" P9M:
  // quarters of a unit are written in the next smaller unit where they come out whole (other
  // decimals keep theirs: "34.8 hours" PT34.8H)
  if (unit === 'FN') return n == null ? 'PXW' : durationValue(n * 2, 'W');
  const smaller = n != null && !Number.isInteger(n) && Number.isInteger(n * 4) ? SMALLER[unit] : undefined;
  if (smaller && Number.isInteger(n! * smaller[0])) return `P${smaller[2] ? 'T' : ''}${n! * smaller[0]}${smaller[1]}`;
  const q = n == null ? 'X' : formatAmount(n, unit);
  switch (unit) {
    case 'S': return `PT${q}S`;
    case 'MIN': return `PT${q}M`;
    case 'H': return `PT${q}H`;
    case 'DE': return n == null ? 'PXDE' : `P${formatAmount(n * 10, 'Y')}Y`;
    case 'CE': return n == null ? 'PXCE' : `P${formatAmount(n * 100, 'Y')}Y`;
    case 'WE': return `P${q}WE`;
    default: return `P${q}${unit}`;
  }
}

function formatAmount(n: number, unit: string): string {
  if (Number.isInteger(n)) return String(n);
  // "half a year" → P6M would be nicer; TIMEX3 also allows decimals, which keep the unit.
  void unit;
  return String(Math.round(n * 10) / 10);
}
