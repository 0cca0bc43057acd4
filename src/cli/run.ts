/**
 * @module cli/run
 * Runs the CLI from source during development: `npx tsx src/cli/run.ts extract FILE`.
 */
import { main } from './main.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv);
