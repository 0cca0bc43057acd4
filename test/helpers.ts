/**
 * Shared test helpers: run the CLI in-process with captured output, and locate the seed.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/main.js';

export const REPO = resolve(import.meta.dirname, '..');
export const SHARED = resolve(REPO, '..', 'shared');
export const SEED = join(SHARED, 'seeds', '000_d21a548734dd4e0e.txt');
export const HAS_SEED = existsSync(SEED);
export const DATA = join(SHARED, 'data');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `dateline ARGS…` in this process. */
export async function cli(args: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(['node', 'dateline', ...args], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: () => Buffer.from(stdin, 'utf8'),
  });
  return { status, stdout, stderr };
}
