import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, REPO } from '../helpers.js';

const COMMANDS: Record<string, string[]> = {
  extract: ['--date <YYYY-MM-DD>', '--from <format>', '--to <format>', '--out <dir>'],
  ingest: ['--db <store>', '--date <YYYY-MM-DD>', '--from <format>', '--no-progress'],
  entities: ['--db <store>', '--limit <n>', '--offset <n>', '--json', '--name <text>', '--type <type>', '--country <code>'],
  quotes: ['--db <store>', '--limit <n>', '--offset <n>', '--json', '--speaker <name>'],
  events: ['--db <store>', '--limit <n>', '--offset <n>', '--json', '--actor <code>', '--type <type>', '--since <YYYY-MM-DD>', '--until <YYYY-MM-DD>'],
  timeline: ['--db <store>', '--limit <n>', '--offset <n>', '--json'],
  demo: ['--db <store>'],
  serve: ['--db <file|url>', '--port <n>', '--host <host>', '--token <token>'],
};

describe('dateline --help', () => {
  it('lists every command and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: dateline \[options\] \[command\]/);
    const listed = [...r.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(listed).toEqual(Object.keys(COMMANDS));
  });

  for (const [command, options] of Object.entries(COMMANDS)) {
    it(`${command} --help shows its usage and every option, and exits 0`, async () => {
      const r = await cli([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^Usage: dateline ${command} \\[options\\]`));
      for (const o of options) expect(r.stdout, o).toContain(`  ${o}`);
    });
  }

  it('answers an unknown command with exit 2 and a pointer to --help', async () => {
    const r = await cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("error: unknown command 'frobnicate'\n(run `dateline --help` for usage)\n");
  });
});

describe('what a command loads', () => {
  // A module hook that writes down every module URL the process loads.
  const dir = mkdtempSync(join(tmpdir(), 'dateline-load-'));
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.DATELINE_LOAD_LOG, url + '\\n');
  return next(url, context);
}
`);
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

  /** The module URLs `dateline ARGS…` (run from source in a child process) loads. */
  function loaded(args: string[]): string[] {
    const log = join(dir, `load-${args.join('_').replace(/[^a-z0-9_-]/gi, '')}.txt`);
    writeFileSync(log, '');
    execFileSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, join(REPO, 'src', 'cli', 'run.ts'), ...args], {
      cwd: REPO,
      env: { ...process.env, DATELINE_LOAD_LOG: log },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  }

  const HEAVY = /\/src\/(?:engine|pipeline|store|serve|nlp|time|formats)\b|\/src\/cli\/(?:extract|ingest|queries|demo)\.ts|node_modules\/(?:hono|@hono|kysely|better-sqlite3|pg|cli-progress|chrono-node|zod)\//;

  it('--help and extract --help load commander and no engine, store or server module', () => {
    for (const args of [['--help'], ['extract', '--help'], ['serve', '--help']]) {
      const urls = loaded(args);
      expect(urls.some((u) => u.includes('node_modules/commander/')), args.join(' ')).toBe(true);
      expect(urls.filter((u) => HEAVY.test(u)), args.join(' ')).toEqual([]);
    }
  });

  it('a store command loads the store but not the engine or the server', () => {
    const urls = loaded(['entities', '--db', join(dir, 'empty.db'), '--json']);
    expect(urls.some((u) => /\/src\/store\/open\.ts/.test(u))).toBe(true);
    expect(urls.some((u) => u.includes('node_modules/kysely/'))).toBe(true);
    // (the store's entity keys come from resolve/, which brings a little of nlp/ with it)
    expect(urls.filter((u) => /\/src\/(?:engine|pipeline|serve|time|formats)\b|node_modules\/(?:hono|@hono|cli-progress|chrono-node|zod)\//.test(u))).toEqual([]);
  });
});
