/// <reference lib="dom" />
// The web app in a real browser (issue 10 item 4): Debian's Chromium driven by playwright-core, one launch
// for the suite. A missing browser FAILS this file with a message saying how to install it; it never skips.
// Needs the built library (dist/), which `npm test` builds before the tests run.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'test-output';
const HOSTILE = '<img src=x onerror="window.__xss=1">';

let server: Server;
let url: string;
let buildDir: string;
let context: BrowserContext;
let page: Page;
let profile: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium; .ci/run does this) or set CHROMIUM_PATH.`);
  }
  if (!existsSync('dist/index.js')) throw new Error('dist/index.js is missing: run `npm run build` first (npm test does).');
  // A computed specifier keeps the script (plain JS) out of the typecheck.
  const appScript: string = '../scripts/app.mjs';
  const app = (await import(/* @vite-ignore */ appScript)) as {
    buildApp: () => Promise<string>;
    serveApp: () => Promise<{ server: Server; url: string }>;
  };
  buildDir = await app.buildApp();
  ({ server, url } = await app.serveApp());
  profile = mkdtempSync(join(tmpdir(), 'iop-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'sv-SE',
    viewport: { width: 1100, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('[data-testid=outcome]');
}, 60_000);

afterAll(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function loadExample(id: string): Promise<void> {
  await page.selectOption('#example', id);
  await page.click('#load-example');
  await page.waitForFunction((org) => document.querySelector('[data-testid=org-name] strong')?.textContent?.includes(org) ?? false, id === 'loparakademin-eligible' ? 'Löparakademin' : '');
}

describe('the web app in Chromium', () => {
  it('opens in Swedish with lang set, and shows an example verdict in words', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await loadExample('loparakademin-eligible');
    const outcome = page.locator('[data-testid=outcome]');
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('eligible');
    expect(await outcome.textContent()).toContain('Uppfyller villkoren');
    // Status in words, not only colour: every area row says its status.
    const statuses = await page.locator('table tbody td:nth-child(2)').allTextContents();
    expect(statuses.length).toBe(7);
    for (const s of statuses) expect(['uppfyllt', 'ej uppfyllt', 'okänt', 'ej tillämpligt']).toContain(s);
    // A legal source with a URL is a link.
    expect(await page.locator('details.finding a[href^="https://"]').count()).toBeGreaterThan(0);
  });

  it('walks a thin case: answering the first question removes it from the list and re-assesses', async () => {
    await page.click('#empty-case');
    await page.waitForSelector('[data-testid=question]');
    const first = await page.getAttribute('[data-testid=question]', 'data-fact');
    expect(first).toBeTruthy();
    const left = async () => Number((await page.locator('[data-testid=interview] h3').textContent())?.match(/\((\d+)\)/)?.[1]);
    const before = await left();
    // Answer by keyboard alone: focus the first input, choose, submit with Enter.
    await page.focus('#q-input');
    const tag = await page.evaluate(() => document.getElementById('q-input')?.tagName);
    if (tag === 'SELECT') await page.selectOption('#q-input', { index: 1 });
    else if ((await page.getAttribute('#q-input', 'type')) === 'radio') await page.keyboard.press('Space');
    else await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('[data-testid=question]', 'data-fact')).not.toBe(first);
    expect(await page.locator(`[data-testid=remaining] li[data-fact="${first}"]`).count()).toBe(0);
    expect(await left()).toBeLessThan(before);
    expect(await page.locator('[data-testid=change]').textContent()).toMatch(/Frågor kvar/);
    // The answer is in the case kept in localStorage.
    const stored = await page.evaluate(() => localStorage.getItem('iop-rules-app/v1'));
    expect(stored).toContain((first ?? '').split('.').at(-1));
  });

  it('keeps a hostile organisation name as text', async () => {
    await page.fill('#paste', JSON.stringify({ organisation: { name: HOSTILE } }));
    await page.click('#use-pasted');
    await expect.poll(() => page.locator('[data-testid=org-name] strong').textContent()).toBe(HOSTILE);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('shows every field error of a bad pasted case, naming the field', async () => {
    await page.fill('#paste', JSON.stringify({ organisation: { orgNumber: '802000-0000', sharedNeeds: true } }));
    await page.click('#use-pasted');
    const issues = page.locator('[data-testid=case-issues]');
    await expect.poll(() => issues.textContent()).toContain('organisation.orgNumber');
    expect(await issues.textContent()).toContain('organisation.sharedNeeds');
  });

  it('switches everything to English, with no Swedish headings left', async () => {
    await loadExample('rinkeby-folkets-hus-incomplete');
    await page.click('[data-testid=question] #skip'); // an answer leaves a sentence about what changed
    await page.waitForSelector('[data-testid=change]');
    await page.click('#lang-switch');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    const headings = (await page.locator('h1, h2, h3, legend, caption, th[scope=col], label').allTextContents()).join(' | ');
    expect(headings).toContain('Verdict');
    expect(headings).not.toMatch(/[åäöÅÄÖ]|Bedömning|Ärendet|Regler|Områden|Nästa fråga/);
    const outcome = await page.locator('[data-testid=outcome]').textContent();
    expect(outcome).toMatch(/^Outcome: /);
    // The app's own sentences (not case data) are English too.
    const own = (await page.locator('header, [data-testid=interview] > p, [data-testid=verdict] > p, [data-testid=verdict] h3, button').allTextContents()).join(' | ');
    expect(own).not.toMatch(/Utfall|Frågor|Fråga|Bedömning|Spara|Ladda|fortfarande/);
    // The verdict's own texts follow: no Swedish status words in the findings.
    const badges = (await page.locator('details.finding .badge').allTextContents()).join(' ');
    expect(badges).not.toMatch(/uppfyllt|hinder|väsentlig/);
  });

  it('compares two editions for the current case', async () => {
    await page.selectOption('#compare-from', 'stockholm-2017');
    await page.selectOption('#compare-to', 'stockholm-2023');
    await page.click('#compare');
    await expect.poll(() => page.locator('[data-testid=comparison]').textContent()).toMatch(/stockholm-2017: .+ → stockholm-2023: /);
  });

  it('downloads the report, the verdict JSON and the draft', async () => {
    for (const [id, pattern] of [
      ['#dl-report', /\.html$/],
      ['#dl-verdict', /\.json$/],
      ['#dl-draft', /\.md$/],
    ] as const) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
      expect(dl.suggestedFilename()).toMatch(pattern);
    }
  });

  it('has no serious or critical accessibility violations (axe), and no console errors', async () => {
    await page.click('#lang-switch'); // back to Swedish
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('sv');
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    expect(bad).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 30_000);

  it('a form library (react-jsonschema-form) fed caseJsonSchema shows Swedish titles, date pickers and no Option pickers', async () => {
    const { build } = await import('esbuild');
    const { writeFileSync } = await import('node:fs');
    await build({
      entryPoints: ['test/form-library/rjsf-page.mjs'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: join(buildDir, 'form-check.js'),
      alias: { 'iop-rules': './dist/index.js' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    writeFileSync(join(buildDir, 'form-check.html'), '<!doctype html><html lang="sv"><meta charset="utf-8"><title>rjsf</title><div id="root"></div><script type="module" src="form-check.js"></script></html>');
    const form = await context.newPage();
    const errors: string[] = [];
    form.on('pageerror', (e) => errors.push(e.message));
    try {
      await form.goto(`${url}form-check.html`);
      await form.waitForSelector('form', { timeout: 20_000 });
      const text = (await form.locator('form').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Organisationen');
      expect(text).toContain('Juridisk form');
      expect(text).toContain('Vad heter organisationen?'); // descriptions shown
      expect(await form.locator('input[type=date]').count()).toBeGreaterThan(3);
      expect(text).not.toMatch(/Option \d/);
      expect(text).not.toContain('$schema');
      // A labelled choice, not the raw value.
      const legal = await form.locator('select').first().locator('option').allTextContents();
      expect(legal).toContain('ideell förening');
      mkdirSync(SHOTS, { recursive: true });
      await form.screenshot({ path: join(SHOTS, 'rjsf.png') });
      expect(errors).toEqual([]);
    } finally {
      await form.close();
    }
  }, 60_000);

  it('writes a screenshot for the reviewer (test-output/app.png, git-ignored)', async () => {
    await loadExample('fryshuset-conditional');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'app.png'), fullPage: true });
    expect(existsSync(join(SHOTS, 'app.png'))).toBe(true);
  }, 20_000);
});
