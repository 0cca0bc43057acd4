/**
 * @module nlp/ner/binfile
 * A tiny container for typed arrays: a JSON header naming each array, then the raw bytes,
 * 8-byte aligned. Loading is one read and zero-copy views; no parsing of numbers.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type TypedArray = Uint32Array | Int32Array | Int16Array | Int8Array | Uint8Array | Float32Array | Uint16Array;
const CTORS = { Uint32Array, Int32Array, Int16Array, Int8Array, Uint8Array, Float32Array, Uint16Array } as const;
type CtorName = keyof typeof CTORS;

export interface BinContents {
  meta: Record<string, unknown>;
  arrays: Record<string, TypedArray>;
}

const MAGIC = 0x4e455231; // "NER1"

/** Writes `meta` and `arrays` to `file`. */
export function writeBin(file: string, meta: Record<string, unknown>, arrays: Record<string, TypedArray>): void {
  const entries = Object.entries(arrays).map(([name, a]) => ({ name, type: a.constructor.name as CtorName, length: a.length }));
  const header = Buffer.from(JSON.stringify({ meta, entries }), 'utf8');
  const pad = (n: number) => (n + 7) & ~7;
  let offset = pad(8 + header.length);
  const parts: Buffer[] = [];
  const head = Buffer.alloc(offset);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(header.length, 4);
  header.copy(head, 8);
  parts.push(head);
  for (const [, a] of Object.entries(arrays)) {
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const padded = Buffer.alloc(pad(bytes.length));
    bytes.copy(padded);
    parts.push(padded);
    offset += padded.length;
  }
  writeFileSync(file, Buffer.concat(parts));
}

/** Reads a file written by `writeBin`. */
export function readBin(file: string): BinContents {
  const buf = readFileSync(file);
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) throw new Error(`${file}: not a dateline model file`);
  const len = buf.readUInt32LE(4);
  const { meta, entries } = JSON.parse(buf.subarray(8, 8 + len).toString('utf8')) as {
    meta: Record<string, unknown>; entries: { name: string; type: CtorName; length: number }[];
  };
  // copy into an aligned ArrayBuffer so typed views line up
  const ab = new ArrayBuffer(buf.length);
  new Uint8Array(ab).set(buf);
  let offset = (8 + len + 7) & ~7;
  const arrays: Record<string, TypedArray> = {};
  for (const e of entries) {
    const Ctor = CTORS[e.type];
    arrays[e.name] = new Ctor(ab, offset, e.length);
    offset += (e.length * Ctor.BYTES_PER_ELEMENT + 7) & ~7;
  }
  return { meta, arrays };
}
