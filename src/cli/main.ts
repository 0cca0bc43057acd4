/**
 * @module cli/main
 * The `dateline` command. Each subcommand lives in its own module; this file only wires
 * them to commander and turns errors into one-line messages and exit statuses
 * (0 ok, 1 bad input, 2 bad usage).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CliIO } from './extract.js';
import { UsageError } from './errors.js';
import type { Store } from '../store/store.js';

// Only commander and the error types load up front: each command imports its own modules
// (the engine, the store, the server) when it runs, so `--help` and `extract` pay for no
// other command's dependencies.

/** Opens the store a command uses (--db, else $DATELINE_DB, else ./dateline.db), runs `f`, closes it. */
async function withStore<T>(opts: { db?: string }, f: (store: Store, target: string) => Promise<T>): Promise<T> {
  const { DEFAULT_DB, openStore } = await import('../store/open.js');
  const target = opts.db ?? process.env.DATELINE_DB ?? DEFAULT_DB;
  const store = await openStore(target);
  try {
    return await f(store, target);
  } finally {
    await store.close();
  }
}

const DB_HELP = 'the store: a SQLite file or a postgres:// URL (default: $DATELINE_DB or ./dateline.db)';

const defaultIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0),
};

/** Runs the CLI with `argv` (as process.argv); resolves to the exit status. */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  let status = 0;
  const program = new Command();
  program
    .name('dateline')
    .description('Reads news reports and turns them into source-attributed knowledge:\nwho is who, what happened, when and where, who said what, and who claims it.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `dateline --help` for usage)');

  program
    .command('extract')
    .description('Analyse reports and print the analysis (Contract 1 JSON, or CoNLL/TimeML round trips).')
    .argument('[files...]', 'input files, or - for standard input (default: standard input)')
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that do not state one')
    .option('--from <format>', 'input format: text | jsonl | conll | timeml (default: by file ending, else text)')
    .option('--to <format>', 'output format: json | jsonl | conll | timeml', 'json')
    .option('--out <dir>', 'write one output file per input into DIR instead of standard output')
    .addHelpText('after', `
Examples:
  dateline extract report.txt --date 2025-04-28
  cat report.txt | dateline extract - --to jsonl
  dateline extract feed.jsonl --to jsonl > analyses.jsonl
  dateline extract valid.txt --from conll --to conll > tagged.conll`)
    .action(async (files: string[], opts: { date?: string; from?: string; to?: string; out?: string }) => {
      const { runExtract } = await import('./extract.js');
      status = runExtract(files, opts, io);
    });

  program
    .command('ingest')
    .description('Analyse reports and keep them in the store. Folders are walked recursively (.txt, .jsonl);\na report already held is skipped; a bad file is reported and skipped.')
    .argument('<paths...>', 'files and folders')
    .option('--db <store>', DB_HELP)
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that do not state one')
    .option('--from <format>', 'input format: text | jsonl (default: by file ending)')
    .option('--no-progress', 'no progress bar (default: shown on a terminal)')
    .action(async (paths: string[], opts: { db?: string; date?: string; from?: string; progress?: boolean }) => {
      const { runIngest } = await import('./ingest.js');
      await withStore(opts, async (store, target) => {
        const s = await runIngest(paths, { date: opts.date, from: opts.from, progress: opts.progress === false ? false : undefined }, store, io);
        const rate = s.stored / Math.max(s.seconds, 1e-3);
        io.stdout(`${target}: ${s.files} file(s), ${s.stored} new document(s), ${s.held} already held, ${s.failed} bad — ${s.seconds.toFixed(2)} s (${rate.toFixed(1)} docs/s)\n`);
        status = s.failed > 0 ? 1 : 0;
      });
    });

  /** A read command over the store: every one takes --db, --limit, --offset and --json. */
  const readCommand = (name: string, description: string, defaultLimit = '50') =>
    program
      .command(name)
      .description(description)
      .option('--db <store>', DB_HELP)
      .option('--limit <n>', 'rows to show', defaultLimit)
      .option('--offset <n>', 'rows to skip', '0')
      .option('--json', 'print JSON instead of a table');

  readCommand('entities', 'Actors in the store, merged across reports, most documents first.')
    .option('--name <text>', 'only names or aliases containing TEXT')
    .option('--type <type>', 'PERSON | ORG | GPE | LOC | NORP | FAC | EVENT | LAW | MISC')
    .option('--country <code>', 'ISO 3166-1 alpha-3 country code, e.g. RUS')
    .action(async (opts) => {
      const { entitiesCommand } = await import('./queries.js');
      await withStore(opts, (store) => entitiesCommand(store, opts, io));
    });

  readCommand('quotes', 'Who said what: attributions with their speaker and relay chain.')
    .option('--speaker <name>', 'only this speaker (name, alias or entity id)')
    .action(async (opts) => {
      const { quotesCommand } = await import('./queries.js');
      await withStore(opts, (store) => quotesCommand(store, opts, io));
    });

  readCommand('events', 'PLOVER events: who did what to whom, when and where, and who claims it.')
    .option('--actor <code>', 'actor code (RUS, or RUS-MIL for country + sector) or an entity name')
    .option('--type <type>', 'PLOVER type, e.g. ASSAULT, SUPPORT, AID')
    .option('--since <YYYY-MM-DD>', 'events on or after this date')
    .option('--until <YYYY-MM-DD>', 'events on or before this date')
    .action(async (opts) => {
      const { eventsCommand } = await import('./queries.js');
      await withStore(opts, (store) => eventsCommand(store, opts, io));
    });

  readCommand('timeline', 'What one actor did, had done to it, and said, in date order.', '200')
    .argument('<entity>', 'entity name, alias or id')
    .action(async (entity: string, opts) => {
      const { timelineCommand } = await import('./queries.js');
      await withStore(opts, (store) => timelineCommand(store, entity, opts, io));
    });

  program
    .command('demo')
    .description('Ingest the bundled example reports and print what was found (what `npm start` runs).')
    .option('--db <store>', DB_HELP)
    .action(async (opts: { db?: string }) => {
      const { demoCommand } = await import('./demo.js');
      await withStore(opts, async (store, target) => {
        status = await demoCommand(store, target, io);
      });
    });

  program
    .command('serve')
    .description('Serve the HTTP API (described at /openapi.json) and the web UI over a store.')
    .option('--db <file|url>', 'SQLite file or postgres:// URL', 'dateline.db')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on (beyond loopback needs a token)', '127.0.0.1')
    .option('--token <token>', 'bearer token for write routes (default: $DATELINE_TOKEN)')
    .action(async (opts: { db?: string; port?: string; host?: string; token?: string }) => {
      const { runServe } = await import('../serve/cli.js');
      status = await runServe(opts, io);
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit "with an error" of code 0
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`dateline: ${e.message}\n`);
      return 2;
    }
    io.stderr(`dateline: ${(e as Error).message}\n`);
    return 1;
  }
  return status;
}
