/**
 * The web UI end to end, in Debian's chromium driven by playwright-core (never a
 * downloaded browser): reports, the reader and its side panel, an entity page, event
 * filters, the network, the map, search, the paste box, and markup in report text shown as
 * text. Screenshots of the main views go to test-artifacts/ (DATELINE_DOCS_SCREENSHOT=1
 * also refreshes docs/screenshots/reader.png).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createEngine } from '../../src/engine.js';
import { hostileText, startFixture, type Fixture } from '../serve/helpers.js';

const CHROMIUM = process.env.DATELINE_CHROMIUM ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '../..');
const webDist = join(root, 'web', 'dist');
const artifacts = join(root, 'test-artifacts');
const EXAMPLE = process.env.DATELINE_READER_EXAMPLE ?? '01_wire_ceasefire_talks.txt';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`e2e: skipped, no chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** The built UI is missing or older than its source: build it (CI builds it in `npm ci`). */
function stale(): boolean {
  const built = join(webDist, 'index.html');
  if (!existsSync(built)) return true;
  const at = statSync(built).mtimeMs;
  const src = join(root, 'web', 'src');
  return readdirSync(src).some((f) => statSync(join(src, f)).mtimeMs > at);
}

describe.skipIf(!haveBrowser)('web UI in chromium', () => {
  let fx: Fixture;
  let browser: Browser;
  let page: Page;
  let exampleEvent: string | null = null;
  const errors: string[] = [];

  beforeAll(async () => {
    if (stale()) execFileSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    mkdirSync(artifacts, { recursive: true });
    fx = await startFixture({ webDir: webDist });
    // A richer report through today's pipeline, for the reader's screenshot.
    const example = join(root, 'examples', EXAMPLE);
    if (existsSync(example)) {
      const analysis = createEngine().analyseText(readFileSync(example, 'utf8'), { id: EXAMPLE });
      // open the reader on a claimed event, so the panel shows who claims it through whom
      const claimed = analysis.events.find((v) => v.claimedIn && analysis.attributions.find((a) => a.id === v.claimedIn)?.parent) ?? analysis.events.find((v) => v.claimedIn) ?? analysis.events[0];
      exampleEvent = claimed?.id ?? null;
      await fx.store.put(analysis);
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push('dialog: ' + d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
  const open = async (hash: string) => {
    await page.goto(`${fx.url}/#${hash}`);
  };

  it('lists reports and opens one in the reader, with the side panel', async () => {
    await open('/');
    await page.getByTestId('documents').getByRole('link', { name: 'a.txt' }).waitFor();
    expect(await page.getByTestId('pager').textContent()).toContain('of 4');
    await shot('reports');
    await page.getByTestId('documents').getByRole('link', { name: 'a.txt' }).click();
    const text = page.getByTestId('reader-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('Our navy intercepted the smugglers.');
    // Click the minister's name: the panel shows his entity.
    await text.locator('span.l-mention', { hasText: /^Ola Berg$/ }).first().click();
    expect(await page.getByTestId('panel-title').textContent()).toBe('Ola Berg');
    // Click the trigger: the panel shows the event and who claims it.
    await text.locator('span.l-trigger', { hasText: 'intercepted' }).click();
    const panel = page.getByTestId('panel');
    expect(await panel.textContent()).toContain('COERCE');
    expect(await panel.textContent()).toMatch(/claimed by\s*Ola Berg/);
    await text.locator('span.l-cue', { hasText: 'said' }).click();
    expect(await page.getByTestId('quote-content').textContent()).toBe('Our navy intercepted the smugglers.');
  });

  it('shows a richer report for the record', async () => {
    await open(`/doc/${EXAMPLE}${exampleEvent ? '?event=' + exampleEvent : ''}`);
    await page.getByTestId('reader-text').waitFor();
    await shot('reader');
    if (process.env.DATELINE_DOCS_SCREENSHOT) {
      mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
      copyFileSync(join(artifacts, 'reader.png'), join(root, 'docs', 'screenshots', 'reader.png'));
    }
  });

  it('goes from the reader to an entity page', async () => {
    await open('/doc/a.txt');
    await page.getByTestId('reader-text').locator('span.l-mention', { hasText: /^Ola Berg$/ }).first().click();
    await page.getByRole('link', { name: 'Open entity page →' }).click();
    await page.getByTestId('entity-name').waitFor();
    expect(await page.getByTestId('entity-name').textContent()).toBe('Ola Berg');
    expect(await page.getByTestId('did').textContent()).toContain('CONSULT');
    expect(await page.getByTestId('meets').textContent()).toContain('Finland');
    expect(await page.getByTestId('quotes').textContent()).toContain('Our navy intercepted the smugglers.');
    await shot('entity');
  });

  it('filters events', async () => {
    await open('/events');
    await page.getByTestId('events').waitFor();
    await page.getByTestId('histogram').waitFor();
    const before = await page.getByTestId('events').locator('tbody tr').count();
    expect(before).toBeGreaterThanOrEqual(2);
    await page.locator('select[name=type]').selectOption('COERCE');
    await page.locator('input[name=actor]').fill('NOR-MIL');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/actor=NOR-MIL.*type=COERCE/);
    await page.getByTestId('events').locator('tbody tr').first().waitFor();
    await expect.poll(() => page.getByTestId('events').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('events').textContent()).toContain('intercepted');
    await shot('events');
    // The trigger opens the report with that event selected.
    await page.getByTestId('events').getByRole('link', { name: 'intercepted' }).click();
    await page.getByTestId('reader-text').waitFor();
    expect(await page.getByTestId('panel').textContent()).toContain('COERCE');
  });

  it('draws the actor network and the map offline', async () => {
    await open('/graph');
    await page.getByTestId('graph').waitFor();
    expect(await page.locator('[data-testid=graph] g.node').count()).toBeGreaterThanOrEqual(2);
    // a real click: the node must be visible and not covered by another node or label
    await page.locator('[data-testid=graph] g.node', { hasText: 'Ola Berg' }).click({ timeout: 10_000 });
    expect(await page.getByTestId('graph-panel').textContent()).toContain('Finland');
    await shot('network');
    await open('/map');
    await page.getByTestId('map').waitFor();
    expect(await page.locator('[data-testid=map] path.country').count()).toBeGreaterThan(100);
    expect(await page.getByTestId('places').textContent()).toContain('Helsinki');
    await shot('map');
  });

  it('searches reports and quotes', async () => {
    await open('/');
    await page.getByTestId('search').fill('smugglers');
    await page.getByTestId('search').press('Enter');
    await page.getByTestId('hits').locator('li').first().waitFor();
    expect(await page.getByTestId('hits').locator('mark').first().textContent()).toMatch(/smugglers/i);
  });

  it('analyses a pasted report at once', async () => {
    await open('/paste');
    await page.getByTestId('paste-text').fill('Riga, March 3 : Latvia\'s foreign minister said on Monday that the talks would resume.');
    await page.getByTestId('analyse').click();
    const text = page.getByTestId('paste-out').getByTestId('reader-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('the talks would resume');
    await shot('paste');
  });

  it('shows markup in report text as text, stored or pasted', async () => {
    await open('/doc/x.txt');
    const text = page.getByTestId('reader-text');
    await text.waitFor();
    expect(await text.textContent()).toBe(hostileText);
    expect(await text.locator('script, img').count()).toBe(0);
    await open('/paste');
    await page.getByTestId('paste-text').fill(hostileText);
    await page.getByTestId('analyse').click();
    const pasted = page.getByTestId('paste-out').getByTestId('reader-text');
    await pasted.waitFor();
    expect(await pasted.textContent()).toBe(hostileText);
    expect(await pasted.locator('script, img').count()).toBe(0);
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot('hostile');
    expect(errors).toEqual([]);
  });
});
