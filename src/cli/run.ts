/**
 * @module cli/run
 * Runs the CLI from source during development: `npx tsx src/cli/run.ts extract FILE`.
 */
import { main } from './main.js';

process.exitCode = await main(process.argv);
