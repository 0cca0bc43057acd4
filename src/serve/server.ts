/**
 * @module serve/server
 * Starts the API and UI on a port: one process, one store. A server that listens beyond
 * loopback refuses to start without a token, and a loopback server answers only to
 * loopback Host names (so a web page elsewhere cannot reach it by DNS rebinding).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createEngine, type Engine } from '../engine.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

export interface ServeOptions {
  /** SQLite file or postgres:// URL. */
  db: string;
  port?: number;
  host?: string;
  token?: string | null;
  maxBodyBytes?: number;
  /** Built UI folder; default: the package's `web/dist`. */
  webDir?: string | null;
  /** Use this store instead of opening `db` (tests); it is not closed on `close()`. */
  store?: Store;
  engine?: Engine;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  store: Store;
  close(): Promise<void>;
}

export class ServeError extends Error {}

/** True for names and addresses that reach only this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** The package root, from `src/serve` (tsx) or `dist/serve` (built). */
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * Opens the store and listens. Port 0 picks a free port (see `url`).
 *
 * @example
 * const server = await startServer({ db: 'dateline.db', port: 8080 });
 * console.log(server.url); // http://127.0.0.1:8080
 * await server.close();
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token || null;
  const loopback = isLoopback(host);
  if (!loopback && !token) {
    throw new ServeError(`refusing to listen on ${host} without a token: pass --token or set DATELINE_TOKEN (or listen on 127.0.0.1)`);
  }
  const port = opts.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeError(`--port ${opts.port}: not a port number`);
  const store = opts.store ?? (await openStore(opts.db));
  const webDir = opts.webDir === undefined ? join(packageRoot, 'web', 'dist') : opts.webDir;
  const app = createApp({
    store,
    engine: opts.engine ?? createEngine(),
    token,
    maxBodyBytes: opts.maxBodyBytes,
    webDir: webDir && existsSync(webDir) ? webDir : null,
    allowedHosts: loopback ? ['localhost', '127.0.0.1', '[::1]', '::1', host.toLowerCase()] : null,
    version: packageVersion(),
  });
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((ok, fail) => {
      const s = serve({ fetch: app.fetch, port, hostname: host }, () => ok(s));
      s.once('error', fail);
    });
  } catch (e) {
    if (!opts.store) await store.close();
    throw new ServeError(`cannot listen on ${host}:${port} (${(e as Error).message})`);
  }
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    host,
    store,
    close: async () => {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        // keep-alive sockets would hold close() open
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      if (!opts.store) await store.close();
    },
  };
}
