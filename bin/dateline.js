#!/usr/bin/env node
// The dateline command. Runs the compiled CLI (npm install builds it via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(compiled)) {
  process.stderr.write('dateline: not built yet: run `npm install` (or `npm run build`) in ' + root + '\n');
  process.exit(2);
}
// A closed pipe (`dateline … | head`) ends output quietly, as other Unix tools do.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const { main } = await import(pathToFileURL(compiled).href);
process.exitCode = await main(process.argv);
