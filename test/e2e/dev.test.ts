/**
 * The live preview: `astro dev` on a copy of a fixture contract. A content
 * edit reloads the page; a content error shows in the browser with its
 * file:line:column; fixing it recovers without restarting the server. The
 * print preview paginates in the browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { astroEnv } from '../../scripts/lib/build-steps.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run dev', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cahiers-dev-'));
  let server: ChildProcess;
  let port = 0;
  let browser: Browser;

  beforeAll(async () => {
    cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
    port = await freePort();
    const env = astroEnv(process.env);
    server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: 'development', CONTENT_DIR: dir },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('astro dev did not start')), 60_000);
      server.stdout!.on('data', (d: Buffer) => {
        if (String(d).includes(`:${port}`)) {
          clearTimeout(timer);
          ok();
        }
      });
    });
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reloads on a content edit, shows a content error where it is, and recovers', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Contrat de ville minimal');

    const contrat = join(dir, 'contrat.yaml');
    const original = readFileSync(contrat, 'utf8');
    writeFileSync(contrat, original.replace('Contrat de ville minimal', 'Contrat de ville modifié'));
    await expect.poll(() => page.locator('h1').textContent().catch(() => ''), { timeout: 30_000 }).toBe('Contrat de ville modifié');

    writeFileSync(contrat, original.replace('statut: signe', 'statut: signé'));
    await expect
      .poll(async () => (await overlayText(page)).includes(`contrat.yaml:6:9  statut  erreur : valeur non permise : le texte « signé » ; attendu : « projet », « signe »`), { timeout: 30_000 })
      .toBe(true);

    writeFileSync(contrat, original);
    await expect.poll(() => page.locator('h1').textContent().catch(() => ''), { timeout: 30_000 }).toBe('Contrat de ville minimal');
    await page.close();
  });

  it('paginates the print preview in the browser', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/imprimer/cahier-2/`);
    await expect.poll(() => page.locator('.pagedjs_page').count(), { timeout: 60_000 }).toBeGreaterThan(3);
    // Once laid out, the table of contents gives the page of each entry.
    // "0000" holds the place until the whole cahier is laid out.
    const numbers = () => page.locator('.sommaire .renvoi-page').allTextContents();
    await expect.poll(async () => (await numbers()).filter((n) => n === '0000').length, { timeout: 60_000 }).toBe(0);
    expect((await numbers()).every((n) => /^\d+$/.test(n))).toBe(true);
    const first = await page.evaluate(() => {
      const id = document.querySelector('.sommaire a')!.getAttribute('href')!.slice(1);
      return { shown: document.querySelector('.sommaire .renvoi-page')!.textContent, page: document.getElementById(id)!.closest('.pagedjs_page')!.getAttribute('data-page-number') };
    });
    expect(first.shown).toBe(first.page);
    await page.close();
  });
});

/** The text of Vite's error overlay (inside its shadow root), or of the page. */
function overlayText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? document.body.innerText).catch(() => '');
}

/** A port nobody listens on, so the test never talks to another process's server. */
function freePort(): Promise<number> {
  return new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}
