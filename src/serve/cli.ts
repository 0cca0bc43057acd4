/**
 * @module serve/cli
 * `dateline serve [--db FILE|URL] [--port N] [--host H] [--token T]`: the API and the web UI
 * from one process, until interrupted.
 */
import { DEFAULT_DB } from '../store/open.js';
import { UsageError } from '../cli/errors.js';
import { ServeError, startServer } from './server.js';

export interface ServeCliOptions {
  db?: string;
  port?: string;
  host?: string;
  token?: string;
}

export interface ServeIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * Starts the server and resolves to the exit status once SIGINT or SIGTERM stops it.
 *
 * @example
 * process.exitCode = await runServe({ db: 'dateline.db', port: '8080' }, io);
 */
export async function runServe(opts: ServeCliOptions, io: ServeIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const port = opts.port == null ? 8080 : Number(opts.port);
  if (!/^\d+$/.test(String(opts.port ?? '8080')) || port > 65535) throw new UsageError(`--port ${opts.port}: not a port number`);
  let server;
  try {
    server = await startServer({
      db: opts.db ?? DEFAULT_DB,
      port,
      host: opts.host ?? '127.0.0.1',
      token: opts.token ?? env.DATELINE_TOKEN ?? null,
    });
  } catch (e) {
    if (e instanceof ServeError) throw new UsageError(e.message);
    throw e;
  }
  io.stdout(`dateline serve: ${server.url}/ (API description at ${server.url}/openapi.json; Ctrl-C stops)\n`);
  await new Promise<void>((ok) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ok();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
