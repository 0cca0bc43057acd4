/**
 * @module cli/main
 * The `dateline` command. Each subcommand lives in its own module; this file only wires
 * them to commander and turns errors into one-line messages and exit statuses
 * (0 ok, 1 bad input, 2 bad usage).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { runExtract, type CliIO } from './extract.js';
import { UsageError } from './errors.js';

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
    .action((files: string[], opts: { date?: string; from?: string; to?: string; out?: string }) => {
      status = runExtract(files, opts, io);
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
