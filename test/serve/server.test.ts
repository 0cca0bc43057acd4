import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { isLoopback, ServeError, startServer } from '../../src/serve/server.js';
import { openStore } from '../../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('listening', () => {
  it('tells loopback from the rest', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.4', 'example.org', '10.0.0.1']) expect(isLoopback(h), h).toBe(false);
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(startServer({ db: join(dir, 'a.db'), host: '0.0.0.0', port: 0 })).rejects.toThrow(ServeError);
    await expect(startServer({ db: join(dir, 'a.db'), host: '0.0.0.0', port: 0, token: '' })).rejects.toThrow(/without a token/);
  });

  it('beyond loopback with a token, writes need it and reads do not', async () => {
    const store = await openStore(join(dir, 'b.db'));
    const server = await startServer({ db: '', store, host: '0.0.0.0', port: 0, token: 't0k', webDir: null });
    try {
      const url = `http://127.0.0.1:${server.port}`;
      expect((await fetch(url + '/documents')).status).toBe(200);
      const body = JSON.stringify({ text: 'Oslo, May 2 : The minister spoke.' });
      const headers = { 'content-type': 'application/json' };
      expect((await fetch(url + '/documents', { method: 'POST', headers, body })).status).toBe(401);
      expect((await fetch(url + '/documents', { method: 'POST', headers: { ...headers, authorization: 'Bearer t0k' }, body })).status).toBe(201);
      expect(((await (await fetch(url + '/health')).json()) as any).tokenRequired).toBe(true);
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('serves the UI with a content security policy, or says it is not built', async () => {
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const store = await openStore(join(dir, 'c.db'));
    const withUi = await startServer({ db: '', store, port: 0, webDir: web });
    const without = await startServer({ db: '', store, port: 0, webDir: null });
    try {
      const page = await fetch(withUi.url + '/');
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect((await fetch(withUi.url + '/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(withUi.url + '/assets/..%2f..%2fc.db')).status).toBe(404);
      const none = await fetch(without.url + '/');
      expect(none.status).toBe(404);
      expect(((await none.json()) as any).message).toMatch(/npm run build/);
    } finally {
      await withUi.close();
      await without.close();
      await store.close();
    }
  });
});

describe('dateline serve', () => {
  it('exits 2 with a one-line reason when it may not listen', async () => {
    let err = '';
    const status = await main(['node', 'dateline', 'serve', '--db', join(dir, 'd.db'), '--host', '0.0.0.0', '--port', '0'], {
      stdout: () => {}, stderr: (s) => (err += s), readStdin: () => Buffer.alloc(0),
    });
    expect(status).toBe(2);
    expect(err).toMatch(/^dateline: refusing to listen on 0\.0\.0\.0 without a token/);
    const bad = await main(['node', 'dateline', 'serve', '--port', 'eighty'], { stdout: () => {}, stderr: () => {}, readStdin: () => Buffer.alloc(0) });
    expect(bad).toBe(2);
  });
});
