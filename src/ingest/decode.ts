/**
 * @module ingest/decode
 * Bytes → text, refusing what is not text: empty files, binary files, and bytes that are
 * not UTF-8 (decoded strictly, so nothing is silently replaced with U+FFFD).
 */
import { InputError, INPUT_PROBLEMS } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a file's bytes as UTF-8 text, or throws an `InputError` naming `name`.
 *
 * @example
 * decodeText(readFileSync('a.txt'), 'a.txt') // 'date 2025-04-28 …'
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(name, INPUT_PROBLEMS.empty);
  // A NUL in the first 8 KiB is the classic "this is binary" signal (git, grep and file use it).
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new InputError(name, INPUT_PROBLEMS.binary);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(name, INPUT_PROBLEMS.encoding);
  }
  if (text.trim().length === 0) throw new InputError(name, INPUT_PROBLEMS.noText);
  return text;
}

/** True for a strict calendar date YYYY-MM-DD (month and day in range). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
