/**
 * `DEPUIS=v1.0 npm run build` on a contract kept in git (tagged, then
 * amended: test/helpers/git-contract.ts) adds the page /evolutions/, its
 * PDF, and a link from the home page; each entry links to its element's
 * current page, a removed one to nothing. One build, with PDFs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveDir } from '../../scripts/lib/serve.ts';
import { amendedContract } from '../helpers/git-contract.ts';
import { pageTexts } from '../helpers/pdf.ts';

const repo = amendedContract();
const out = mkdtempSync(join(tmpdir(), 'cahiers-evolutions-'));
const dist = join(out, 'dist');
const BASE = '/contrat/';
let said = '';

beforeAll(async () => {
  const write = vi.spyOn(process.stdout, 'write');
  const code = await buildAll({ ...process.env, CONTENT_DIR: repo.dir, DEPUIS: 'v1.0', BASE_PATH: BASE }, dist);
  said = write.mock.calls.map((c) => String(c[0])).join('');
  write.mockRestore();
  expect(code).toBe(0);
}, 300_000);
afterAll(() => {
  repo.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#39;/g, '’').replace(/[\u00a0\u202f]/g, ' ');

describe('DEPUIS=v1.0 npm run build', () => {
  it('says what it compared', () => {
    expect(said).toContain('Évolutions depuis la version 1.0 du 30 juin 2015 : 21 éléments changés');
  });

  it('adds /evolutions/, titled with the version and date of that ref, each entry linked to its current page', () => {
    const html = readFileSync(join(dist, 'evolutions', 'index.html'), 'utf8');
    expect(html).toContain('<h1>Évolutions depuis la version 1.0 du 30 juin 2015</h1>');
    expect(html).toMatch(/<span class="evolution-nature">Modification<\/span> <a href="\/contrat\/fiches\/accompagner-jeunes\/">Fiche 1 — Accompagner les jeunes<\/a>/);
    expect(html).toMatch(/<span class="evolution-nature">Ajout<\/span> <a href="\/contrat\/quartiers\/nord\/">Quartier — Nord<\/a>/);
    // Removed: named as it was, linked to nothing.
    expect(html).toMatch(/<span class="evolution-nature">Suppression<\/span> Quartier — Sud<\/p>/);
    expect(html).toMatch(/<span class="evolution-nature">Suppression<\/span> Objectif opérationnel 1\.1\.2 — Prévenir le décrochage<\/p>/);
    expect(text(html)).toContain('Budget total : avant : 1 000 € → après : 1 500 €');
    expect(text(html)).toContain('Texte : Le chômage supprimé : reste élevé ajouté : a baissé depuis 2011 dans le quartier');
    // Its PDF is offered, with its size and pages.
    expect(html).toMatch(/<li data-fichier="\/pdf\/evolutions\.pdf"><a href="\/contrat\/pdf\/evolutions\.pdf">Les évolutions en PDF \(<span data-fichier-details="PDF">PDF, [\d,]+\u00a0ko, \d\u00a0pages?<\/span>\)/);
  });

  it('links the home page to it, naming the version; the downloads page offers its PDF', () => {
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('<p class="evolutions-lien"><a href="/contrat/evolutions/">Ce qui a changé depuis la version 1.0 du 30 juin 2015</a></p>');
    const downloads = readFileSync(join(dist, 'telechargements', 'index.html'), 'utf8');
    expect(downloads).toContain('<h2>Évolutions depuis la version 1.0 du 30 juin 2015</h2>');
    expect(downloads).toContain('<li data-fichier="/pdf/evolutions.pdf"><a href="/contrat/pdf/evolutions.pdf">Les évolutions en PDF');
  });

  it('has no axe-core violation, on a screen and on a phone', async () => {
    const axe = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules/axe-core/axe.min.js'), 'utf8');
    const server = await serveDir(dist, BASE);
    const browser = await launchBrowser();
    try {
      for (const width of [1280, 375]) {
        // axe is injected as an inline script, which the site's own CSP rightly refuses.
        const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
        await page.goto(`${server.url}/evolutions/`);
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const run = (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string }[] }> } }).axe.run;
          return (await run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => v.id);
        });
        expect(violations, `${width} px`).toEqual([]);
        // Nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('prints dist/pdf/evolutions.pdf with the same entries', () => {
    const file = join(dist, 'pdf', 'evolutions.pdf');
    expect(existsSync(file)).toBe(true);
    const pages = pageTexts(file);
    expect(pages[0]).toContain('depuis la version 1.0 du 30 juin 2015');
    const all = pages.join('\n').replace(/\s+/g, ' ');
    for (const entry of [
      'SUPPRESSION Objectif opérationnel 1.1.2 — Prévenir le décrochage',
      'Déplacé : Axe stratégique 1.1 — Insérer → Axe stratégique 1.2 — Former',
      'Financeur État : 600 € → 900 €',
      'Centre, 2011 : 20,5 % → 21 %',
      'AJOUT Chapitre du Cahier II — Bilan à mi-parcours',
    ])
      expect(all).toContain(entry);
  });
});
