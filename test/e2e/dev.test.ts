/**
 * The live preview: `astro dev` on a copy of a fixture contract. A content
 * edit reloads the page and shows on every page that displays it, entity
 * pages included; a new file gets its page and a deleted one loses it,
 * without restarting the server; a content error shows in the browser with
 * its file:line:column; fixing it recovers. The print preview paginates in
 * the browser, its fiches fitted to their pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
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

  it.each([
    ['a fiche', '/fiches/accompagner-jeunes/', 'cahier-2/fiches/accompagner-jeunes.md', 'titre', 'Accompagner les jeunes', 'Former les apprentis'],
    ['a quartier', '/quartiers/centre/', 'quartiers/centre.md', 'nom', 'Centre', 'Faubourg'],
    ['an indicator', '/diagnostic/indicateurs/chomage/', 'cahier-1/indicateurs/chomage.yaml', 'titre', 'Taux de chômage', "Demandeurs d'emploi"],
    ['a pilier', '/strategie/piliers/social/', 'cahier-2/orientations.yaml', 'titre', 'Cohésion', 'Solidarités'],
  ])('shows an edit on the page of %s', async (_, path, file, key, before, after) => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}${path}`);
    await expect.poll(() => heading(page), { timeout: 30_000 }).toContain(before);

    const original = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), original.replace(`${key}: ${before}`, `${key}: ${after}`));
    await expect.poll(() => heading(page), { timeout: 30_000 }).toContain(after);
    expect(await heading(page)).not.toContain(before);

    writeFileSync(join(dir, file), original);
    await expect.poll(() => heading(page), { timeout: 30_000 }).toContain(before);
    await page.close();
  });

  it('gives a new fiche its page, and takes it away when the file is deleted', async () => {
    const page = await browser.newPage();
    const url = `http://127.0.0.1:${port}/fiches/nouvelle-fiche/`;
    const status = async () => (await page.goto(url).catch(() => null))?.status();
    // Ask once before the file exists, so the dev server has the fiches' paths cached.
    expect(await status()).toBe(404);

    const file = join(dir, 'cahier-2/fiches/nouvelle-fiche.md');
    const model = readFileSync(join(dir, 'cahier-2/fiches/accompagner-jeunes.md'), 'utf8');
    writeFileSync(file, model.replace('titre: Accompagner les jeunes', 'titre: Une fiche toute neuve'));
    // Generous: on a busy machine the watcher and the dev server take their time; only a page that never comes fails.
    await expect.poll(status, { timeout: 120_000, interval: 500 }).toBe(200);
    expect(await heading(page)).toContain('Une fiche toute neuve');

    unlinkSync(file);
    await expect.poll(status, { timeout: 120_000, interval: 500 }).toBe(404);
    await page.close();
  }, 300_000);

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
    // The fiches were fitted to their pages before the preview paginated them (src/print/fit.js, fiches.js).
    expect(await page.locator('.pagedjs_page .fiche-projet[data-pages]').count()).toBeGreaterThan(0);
    expect(await page.locator('.pagedjs_page .fiche-projet:not([data-pages])').count()).toBe(0);
    await page.close();
  });
});

/** The page's h1, or '' while the page reloads. */
function heading(page: Page): Promise<string> {
  return page.locator('h1').textContent({ timeout: 5_000 }).then((t) => t ?? '').catch(() => '');
}

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
