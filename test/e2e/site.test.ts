/**
 * The built site in headless Chromium, for the example and the second
 * fixture contract (the latter under a base path): every page type renders,
 * calls no other host, breaks no CSP rule, passes axe-core, stays within
 * 360 px and 100 KB; links resolve; the fiche filters and the search work.
 * Site details: a quartier's map shown once, every search result reachable,
 * downloads with their size and pages, chart legends in view at 360 px.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { buildContract, type Contract } from '../../src/lib/model/index.ts';
import { afomsInOrder, lookupOf } from '../../src/lib/queries/index.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { fr } from '../../src/i18n/fr.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { checkLinks } from '../helpers/links.ts';
import { bookmarks, fichePageProblems, fichePages, flat, fonts, metadata, outline, pageFill, pageLabels, pageTexts, selfReferences, structure, tocEntries } from '../helpers/pdf.ts';
import { fichesBodyFontSizes } from '../helpers/print-page.ts';
import { bracketDepth, printedRefs } from '../helpers/print-refs.ts';
import { printFiles } from '../../src/lib/print/documents.ts';
import { frenchTypography } from '../../src/lib/typography.ts';
import { formatValue } from '../../src/lib/render/units.ts';
import { de } from '../../src/lib/french.ts';
import { portraitHasMap } from '../../src/lib/queries/index.ts';
import { SEARCH_PAGE } from '../../src/lib/site/search-status.ts';
import { fileDetails } from '../../src/lib/site/file-details.ts';
import { serveDir, type Served } from '../../scripts/lib/serve.ts';
import { OPEN_DATA_TABLES } from '../../src/lib/open-data.ts';
import { openDataFiles } from '../../src/lib/open-data-files.ts';
import { XLSX_TYPE } from '../../src/lib/open-data-xlsx.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const SITES = [
  { name: 'exemple', dir: join(ROOT, 'content'), base: '/', env: { BASE_PATH: '/' } },
  // The base path follows from the public address, as in the publishing pipelines.
  { name: 'autre-contrat', dir: join(ROOT, 'test/fixtures/autre-contrat'), base: '/contrat-de-ville/', env: { SITE_URL: 'https://www.agglomeration.example/contrat-de-ville/' } },
];

/** One page of each type, chosen from the model so any contract works. */
function pageTypes(c: Contract): Record<string, string> {
  return {
    accueil: routes.home(),
    cahier1: routes.cahier1(),
    chapitre1: routes.chapitre1(c.cahier1[0]!.slug),
    indicateurs: routes.indicateurs(),
    indicateur: routes.indicateur(c.indicateurs[0]!.id),
    afom: routes.afoms(),
    cahier2: routes.cahier2(),
    chapitre2: routes.chapitre2(c.cahier2[0]!.slug),
    pilier: routes.pilier(c.piliers[0]!.id),
    declinaisons: routes.declinaisons(),
    declinaison: routes.declinaison(c.quartiers.find((q) => q.declinaison)!.id),
    quartiers: routes.quartiers(),
    quartier: routes.quartier(c.quartiers.find((q) => q.declinaison)!.id),
    fiches: routes.fiches(),
    fiche: routes.fiche(c.fiches[0]!.id),
    // The fiche with the longest follow-up: its thread, tables and comments.
    ...(followed(c) ? { ficheSuivie: routes.fiche(followed(c)!.id) } : {}),
    telechargements: routes.telechargements(),
    recherche: routes.recherche(),
    // Contracts that follow their reports (format 2).
    ...(c.rapports.length ? { rapports: routes.rapports(), rapport: routes.rapport(c.rapports[0]!.annee), rapportPartie: routes.rapportPartie(c.rapports[0]!.annee, 'partie-quartiers') } : {}),
    suivi: routes.suivi(),
    ...(c.engagements.length ? { engagements: routes.engagements() } : {}),
  };
}

function followed(c: Contract): Contract['fiches'][number] | undefined {
  return [...c.fiches].sort((a, b) => (b.suivi?.length ?? 0) - (a.suivi?.length ?? 0)).find((f) => f.suivi?.length);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(SITES)('site of $name (base $base)', ({ name, dir, base, env }) => {
  const out = mkdtempSync(join(tmpdir(), 'cahiers-site-'));
  const dist = join(out, 'dist');
  const contract = buildContract(readContentFiles(dir)).contract!;
  const pages = pageTypes(contract);
  let server: Served;
  let context: BrowserContext;
  let axeContext: BrowserContext;

  beforeAll(async () => {
    expect(await buildAll({ ...process.env, BASE_PATH: '', SITE_URL: '', CONTENT_DIR: dir, ...env }, dist)).toBe(0);
    server = await serveDir(dist, base);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // axe is injected as an inline script, which the site's own CSP rightly refuses.
    axeContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await axeContext?.close();
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  async function open(ctx: BrowserContext, path: string) {
    const page = await ctx.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    const bytes = new Map<string, number>();
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => !r.url().startsWith(new URL(server.url).origin) && !r.url().startsWith('data:') && foreign.push(r.url()));
    page.on('response', async (r) => {
      const type = r.request().resourceType();
      if (['document', 'stylesheet', 'script'].includes(type)) bytes.set(r.url(), (await r.body().catch(() => Buffer.alloc(0))).length);
    });
    const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
    return { page, status: response?.status(), problems, foreign, bytes };
  }

  it.each(Object.keys(pages))('renders the %s page: status, title, no foreign request, no console or CSP error, ≤ 100 KB', async (type) => {
    const { page, status, problems, foreign, bytes } = await open(context, pages[type]!);
    expect(status).toBe(200);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(total, `${type}: ${total} octets`).toBeLessThan(100 * 1024);
    expect(await page.locator('.banner-projet').count()).toBe(contract.contrat.statut === 'projet' ? 1 : 0);
    await page.close();
  });

  it.each(Object.keys(pages))('the %s page has no axe-core violation', async (type) => {
    const { page } = await open(axeContext, pages[type]!);
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it.each(Object.keys(pages))('the %s page fits 360 px without horizontal scrolling', async (type) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(server.url + pages[type]!);
    // Measured as the reader sees it, in its own fonts: a busy machine had not loaded them yet, and a line
    // set in the wider fallback font ran 3 px over.
    const width = await page.evaluate(() => document.fonts.ready.then(() => document.documentElement.scrollWidth));
    expect(width).toBeLessThanOrEqual(360);
    await page.close();
  });

  it('answers an unknown address, however deep, with its own 404 page, styled and linking home', async () => {
    const { page, status, problems, foreign } = await open(context, '/pas/de/page/ici/');
    expect(status).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page introuvable');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Source Sans 3');
    expect(await page.getAttribute('main a >> nth=0', 'href')).toBe(base);
    // Chromium reports the page's own 404, and nothing else: its styles and scripts load.
    expect([problems, foreign]).toEqual([['Failed to load resource: the server responded with a status of 404 (Not Found)'], []]);
    await page.close();
  });

  it('has no broken link or anchor in any page', () => {
    const { broken, checked } = checkLinks(dist, base);
    expect(checked).toBeGreaterThan(100);
    expect(broken.slice(0, 5)).toEqual([]);
  });

  it('publishes every table as XLSX, CSV and JSON with the same columns; the downloads page links them, XLSX first, and says to open the XLSX in a spreadsheet', async () => {
    const donnees = join(dist, 'donnees');
    expect(readdirSync(donnees).sort()).toEqual(openDataFiles().sort());
    for (const { spec, rows } of OPEN_DATA_TABLES) {
      const names = spec.colonnes.map((c) => c.nom);
      const count = rows(contract).length;
      const csv: string[][] = parse(readFileSync(join(donnees, `${spec.nom}.csv`), 'utf8'), { record_delimiter: '\r\n' });
      expect(csv[0]).toEqual(names);
      expect(csv.length - 1).toBe(count);
      const json = JSON.parse(readFileSync(join(donnees, `${spec.nom}.json`), 'utf8'));
      expect(json[spec.nom]).toHaveLength(count);
      for (const record of json[spec.nom]) expect(Object.keys(record)).toEqual(names);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(donnees, `${spec.nom}.xlsx`));
      const [data, doc] = workbook.worksheets;
      expect((data!.getRow(1).values as unknown[]).slice(1)).toEqual(spec.colonnes.map((c) => c.libelle));
      expect(data!.rowCount).toBe(count + 1);
      expect(names.map((_, i) => doc!.getRow(i + 2).getCell(2).value)).toEqual(names);
    }
    const { page } = await open(context, routes.telechargements());
    expect(await page.locator('main').textContent()).toContain('Pour un tableur, ouvrez le XLSX.');
    const hrefs = await page.locator('main ul.downloads a[href*="/donnees/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(openDataFiles().map((f) => `${base.replace(/\/$/, '')}/donnees/${f}`));
    const response = await page.request.get(`${server.url}/donnees/${openDataFiles()[0]}`);
    expect(response.headers()['content-type']).toBe(XLSX_TYPE);
    await page.close();
  });

  it('shows on a fiche’s page the golden thread in order, and its follow-up year by year with the amounts of its file', async () => {
    for (const fiche of [contract.fiches[0]!, followed(contract)].filter((f) => f !== undefined)) {
      const { page } = await open(context, routes.fiche(fiche.id));
      const threads = page.locator('.fil-rouge');
      expect(await threads.count()).toBe(fiche.objectifs.length);
      const steps = await threads.first().locator('.fil-etapes > li').evaluateAll((lis) => lis.map((li) => li.className));
      const objectif = lookupOf(contract).objectif.get(fiche.objectifs[0]!)!;
      expect(steps).toEqual(['fil-constats', ...(objectif.enjeu ? ['fil-enjeu'] : []), 'fil-objectif', 'fil-fiches', 'fil-resultats']);
      expect(await threads.first().locator('.fil-objectif a').getAttribute('href')).toContain(routes.pilier(objectif.pilier));
      expect((await threads.first().locator('[aria-current="page"]').textContent())!.replace(/’/g, "'")).toContain(fiche.titre.replace(/’/g, "'"));
      const years = await page.locator('.fiche-suivi-annee h3').allTextContents();
      expect(years).toEqual((fiche.suivi ?? []).map((s) => String(s.annee)).reverse());
      for (const s of fiche.suivi ?? []) {
        const paid = s.financements.reduce((t, f) => t + (f.realise ?? 0), 0);
        const table = page.locator('.fiche-suivi-annee').filter({ has: page.locator(`h3:text-is("${s.annee}")`) }).locator('table.rapport-financements');
        if (s.financements.length === 0) continue;
        const cells = (await table.locator('tr').last().locator('td').allTextContents()).map((t) => t.replace(/\s/g, ''));
        if (s.financements.length > 1 || s.financements[0]!.realise !== undefined) expect(cells.at(-1)).toBe(`${new Intl.NumberFormat('fr-FR').format(Math.round(paid)).replace(/\s/g, '')}€`);
      }
      await page.close();
    }
  });

  it('the follow-up dashboard gives the sums of the fiches’ suivi (recomputed here), or says there is none yet', async () => {
    const { page } = await open(context, routes.suivi());
    const main = flat((await page.locator('main').textContent())!);
    const years = [...new Set([...contract.fiches.flatMap((f) => (f.suivi ?? []).map((s) => s.annee)), ...contract.engagements.flatMap((e) => e.suivi.map((s) => s.annee))])].sort();
    if (years.length === 0) {
      expect(main).toContain('Le contrat n’a pas encore de suivi.');
      expect(main).toContain('Suivre le contrat');
      await page.close();
      return;
    }
    const now = years.at(-1)!;
    const money = contract.fiches.flatMap((f) => (f.suivi ?? []).flatMap((s) => s.financements.map((x) => ({ annee: s.annee, ...x }))));
    const total = (rows: typeof money, k: 'prevu' | 'engage' | 'realise') => rows.reduce((t, r) => t + (r[k] ?? 0), 0);
    const euros = (n: number) => formatValue(n, '€');
    const chiffres = flat((await page.locator('.suivi-chiffres').textContent())!);
    expect(chiffres).toContain(`${contract.fiches.length} fiches projets`);
    const late = contract.fiches.filter((f) => f.statut === 'en-retard' || (f.statut !== 'realise' && f.statut !== 'abandonne' && f.calendrier !== undefined && f.calendrier.fin < now));
    expect(chiffres).toContain(`${late.length} en retard`);
    for (const [k, word] of [['prevu', 'programmés'], ['engage', 'engagés'], ['realise', 'versés']] as const) expect(chiffres).toContain(flat(`${euros(total(money, k))} ${word}`));
    const rows = await page.locator('[data-moyens="suivi-annees"] table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(rows).toEqual([...new Set(money.map((m) => m.annee))].sort().map((y) => {
      const of = money.filter((m) => m.annee === y);
      return [String(y), euros(total(of, 'prevu')), euros(total(of, 'engage')), euros(total(of, 'realise'))];
    }));
    const lateLinks = await page.locator('.suivi-retards a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(lateLinks).toEqual(late.map((f) => `${base.replace(/\/$/, '')}${routes.fiche(f.id)}`));
    // By pilier, each fiche counts once: the counts add up to every fiche.
    const counts = await page.locator('table.suivi-statuts >> nth=0').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(counts.reduce((t, c) => t + (Number(c) || 0), 0)).toBe(contract.fiches.length);
    await page.close();
  });

  it('filters the fiches without reloading, with the count shown', async () => {
    const { page } = await open(context, routes.fiches());
    const all = contract.fiches.length;
    await expect.poll(() => page.locator('#fiches-compte').textContent()).toBe(`${all} fiches sur ${all}`);
    const quartier = contract.quartiers.find((q) => contract.fiches.some((f) => !f.tousQuartiers && f.quartiers.includes(q.id)))!;
    const expected = contract.fiches.filter((f) => f.quartiers.includes(quartier.id)).length;
    await page.selectOption('#filtre-quartier', quartier.id);
    expect(await page.locator('.fiche-card:visible').count()).toBe(expected);
    expect(await page.locator('#fiches-compte').textContent()).toBe(`${expected} fiche${expected > 1 ? 's' : ''} sur ${all}`);
    const statut = contract.fiches[0]!.statut;
    await page.selectOption('#filtre-statut', statut);
    const both = contract.fiches.filter((f) => f.quartiers.includes(quartier.id) && f.statut === statut).length;
    expect(await page.locator('.fiche-card:visible').count()).toBe(both);
    await page.click('button[type=reset]');
    await expect.poll(() => page.locator('.fiche-card:visible').count()).toBe(all);
    await page.close();
  });

  it('lists every fiche without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(server.url + routes.fiches());
    expect(await page.locator('.fiche-card:visible').count()).toBe(contract.fiches.length);
    expect(await page.locator('#fiches-filtres').isVisible()).toBe(false);
    await noJs.close();
  });

  it('finds a fiche by a word of its body', async () => {
    const fiche = contract.fiches[contract.fiches.length - 1]!;
    const words = JSON.stringify(fiche.body.root).match(/"value":"([^"]+)"/g)!.join(' ').match(/\p{L}{9,}/gu)!;
    const word = words[0]!;
    const { page } = await open(context, `${routes.recherche()}?q=${encodeURIComponent(word)}`);
    const link = page.locator('#recherche-resultats a', { hasText: fiche.titre.slice(0, 20) });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const href = await link.first().getAttribute('href');
    expect(href).toBe(`${base.replace(/\/$/, '')}${routes.fiche(fiche.id)}`);
    await page.close();
  });

  it('enhances an indicator page with an interactive chart.js chart, loaded only on request', async () => {
    const { page, problems, bytes } = await open(context, pages.indicateur!);
    const before = [...bytes.keys()].length;
    expect(await page.locator('canvas').count()).toBe(0);
    await page.click('.chart-toggle');
    await expect.poll(() => page.locator('.chart-interactive canvas').count()).toBe(1);
    // The SVG chart and the table stay in the page under the interactive chart.
    expect(await page.locator('figure.indicateur svg.graphique').count()).toBe(1);
    expect(await page.locator('figure.indicateur table').count()).toBe(1);
    expect(bytes.size).toBeGreaterThan(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a quartier’s map once: where its portrait places it, or else above', async () => {
    expect(contract.quartiers.some((q) => portraitHasMap(q))).toBe(true);
    const page = await context.newPage();
    for (const q of contract.quartiers) {
      await page.goto(server.url + routes.quartier(q.id));
      const maps = page.locator('figure.carte figcaption', { hasText: frenchTypography(`Localisation ${de(q.nom)}`) });
      expect(await maps.count(), q.id).toBe(1);
      expect(await page.locator('.quartier-top figure.carte').count(), q.id).toBe(portraitHasMap(q) ? 0 : 1);
    }
    await page.close();
  });

  it('lists every search result counted, a batch at a time, with « Plus de résultats »', async () => {
    const { page } = await open(context, `${routes.recherche()}?q=quartier`);
    const status = page.locator('#recherche-etat');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/résultats pour/);
    const total = Number((await status.textContent())!.match(/^(\d+) résultats/)![1]);
    expect(total).toBeGreaterThan(SEARCH_PAGE);
    const items = page.locator('#recherche-resultats li');
    expect(await items.count()).toBe(SEARCH_PAGE);
    while (await page.locator('#recherche-plus').isVisible()) {
      const before = await items.count();
      await page.click('#recherche-plus');
      await expect.poll(() => items.count()).toBe(Math.min(total, before + SEARCH_PAGE));
      // The keyboard lands on the first result added.
      await expect.poll(() => page.evaluate((n) => document.activeElement === document.querySelectorAll('#recherche-resultats li a')[n], before)).toBe(true);
    }
    expect(await items.count()).toBe(total);
    expect(await status.textContent()).toBe(`${total} résultats pour « quartier ».`);
    const hrefs = await page.locator('#recherche-resultats a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(total);
    await page.close();
  });

  it('gives each download’s size, and a PDF’s page count, in French', async () => {
    const { page } = await open(context, routes.telechargements());
    const paths = await page.locator('[data-fichier]').evaluateAll((els) => els.map((e) => e.getAttribute('data-fichier')!));
    expect(paths).toEqual(expect.arrayContaining(Object.values(printFiles).map((f) => `/pdf/${f}`)));
    expect(paths.filter((p) => p.startsWith('/donnees/')).sort()).toEqual(readdirSync(join(dist, 'donnees')).map((f) => `/donnees/${f}`).sort());
    for (const path of paths) {
      const file = join(dist, path);
      const facts = path.endsWith('.pdf') ? { bytes: statSync(file).size, pages: (await metadata(file)).pages } : { bytes: statSync(file).size };
      const format = path.split('.').pop()!.toUpperCase();
      expect(await page.locator(`[data-fichier="${path}"] a`).textContent(), path).toContain(fileDetails(format, facts));
    }
    expect(await page.locator(`li[data-fichier="/pdf/${printFiles[1]}"] a`).textContent()).toMatch(/\(PDF, \d+(,\d)?\u00a0[kM]o, \d+\u00a0pages\)/);
    await page.close();
  });

  it('keeps a chart’s legend in view at 360 px, without scrolling the chart sideways', async () => {
    const lines = contract.indicateurs.find((i) => i.annees.length > 1);
    const bars = contract.indicateurs.find((i) => i.annees.length === 1);
    for (const ind of [lines, bars].filter((i) => i !== undefined)) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(server.url + routes.indicateur(ind.id));
      // Bars name every territory; lines, those with a value to draw.
      const drawn = ind.territoires.filter((t) => ind.annees.length === 1 || ind.valeurs.some((v) => v.territoire === t && v.valeur !== null));
      const names = drawn.map((t) => contract.territoires.find((x) => x.id === t)?.nom ?? t);
      // A line chart names its lines at their far end: a list under the chart names them too.
      const legend = ind.annees.length > 1 ? page.locator('figure.indicateur .graphique-legende li') : page.locator('figure.indicateur svg.graphique text[text-anchor=end]');
      const boxes = await legend.evaluateAll((els) => els.map((e) => ({ text: e.textContent!.trim(), ...e.getBoundingClientRect().toJSON() })));
      const letters = (t: string) => t.replace(/\s+/g, '');
      expect(boxes.map((b) => letters(b.text)), ind.id).toEqual(names.map((n) => letters(frenchTypography(n))));
      for (const b of boxes) {
        expect(b.width, b.text).toBeGreaterThan(0);
        expect(b.left, b.text).toBeGreaterThanOrEqual(0);
        expect(b.right, b.text).toBeLessThanOrEqual(360);
      }
      expect(await page.locator('.graphique-scroll').first().evaluate((e) => e.scrollLeft)).toBe(0);
      // Kept in test/.output/ (not committed), to look at.
      await page.screenshot({ path: join(ROOT, 'test/.output/site', `${name}-${ind.id}-360.png`) });
      await page.close();
    }
  });

  it('links from the home page to each PDF built, with its size', async () => {
    const { page } = await open(context, routes.home());
    for (const f of Object.values(printFiles)) expect(await page.locator(`li[data-fichier="/pdf/${f}"] a`).textContent()).toMatch(/\(PDF, .+\spages\)/);
    await page.close();
  });

  describe('the PDFs', () => {
    const file = (n: 1 | 2 | 'both') => join(dist, 'pdf', printFiles[n]);

    it.each([1, 2] as const)('cahier %s: the table of contents gives the pages where the headings fall', (n) => {
      const pages = pageTexts(file(n));
      const tocPage = pages.findIndex((p) => /^ *Sommaire$/m.test(p));
      expect(tocPage).toBeGreaterThan(0);
      // The pages of the table of contents, which carry « Sommaire » as their running head (a table further on has numbered lines too).
      const tocEnd = pages.findIndex((p, i) => i > tocPage && !/Sommaire\s*$/.test(p.split('\n')[0]!));
      const entries = pages.slice(tocPage, tocEnd).flatMap((p) => tocEntries(p)).filter((e) => e.page <= pages.length);
      expect(entries.length).toBeGreaterThan(n === 1 ? contract.cahier1.length : contract.fiches.length);
      for (const e of entries) expect(flat(pages[e.page - 1]!).toLowerCase(), `« ${e.title} » p. ${e.page}`).toContain(flat(e.title).slice(0, 40).toLowerCase());
    });

    it.each([1, 2] as const)('cahier %s: every page but the cover and the blank versos carries its number over the total', (n) => {
      const pages = pageTexts(file(n));
      const blanks: number[] = [];
      pages.forEach((p, i) => {
        if (i === 0) return; // the cover
        const lines = p.split('\n').map((l) => l.replace(fr.statutProjet, '').trim()).filter(Boolean);
        if (lines.length === 0) blanks.push(i + 1);
        else expect(lines.at(-1), `page ${i + 1}`).toMatch(new RegExp(`(^|\\s)${i + 1} / ${pages.length}$`));
      });
      // A page is left blank only so that the next one, a chapter's first, is a right-hand page (or a fiche's spread opens on a left-hand one).
      expect(blanks.length).toBeGreaterThan(0);
      const spreads = n === 2 ? fichePages(pages, contract.fiches).filter((f) => f.pages.length > 1).map((f) => f.pages[0]!) : [];
      for (const b of blanks) if (!spreads.includes(b + 1)) expect(b % 2, `page blanche ${b}`).toBe(0);
    });

    it.each([1, 2] as const)('cahier %s: each chapter opens on a right-hand (odd) page', (n) => {
      const entries = tocEntries(pageTexts(file(n)).slice(1, 5).join('\n'));
      const chapters = n === 1 ? contract.cahier1 : contract.cahier2;
      for (const c of chapters) {
        const entry = entries.find((e) => flat(e.title) === flat(frenchTypography(c.titre)));
        expect(entry, c.titre).toBeDefined();
        expect(entry!.page % 2, `${c.titre} p. ${entry!.page}`).toBe(1);
      }
    });

    it('cahier 2: a reference to a fiche prints the page where that fiche begins', () => {
      const pages = pageTexts(file(2));
      const bodies = pages.map((p) => flat(p.split('\n').slice(1).join(' ')).toLowerCase());
      const text = flat(pages.join(' '));
      let found = 0;
      // The short form, « fiche 12 (p. 64) », or « fiche 12, p. 64 » inside brackets.
      for (const [ref, numero, page] of text.matchAll(/\bfiche (\d+)(?:\s?\(p\.\s?(\d+)\)|,\s?p\.\s?(\d+))/gi)) {
        found++;
        expect(bodies[Number(page ?? ref.match(/(\d+)\D*$/)![1]) - 1]!.startsWith(`fiche ${numero} `), ref).toBe(true);
      }
      expect(found).toBeGreaterThan(contract.fiches.length / 2);
      // The placeholder laid out before the numbers are known never reaches the page.
      expect(text).not.toMatch(/p\.\s?0000/);
    });

    it.each([1, 2] as const)('cahier %s: no reference gives the page it is read on, nor the page facing it', (n) => {
      const pages = pageTexts(file(n));
      expect(pages.some((p) => /\(p\.\s?\d+\)|,\s?p\.\s?\d+/.test(flat(p)))).toBe(true);
      expect(selfReferences(pages)).toEqual([]);
    });

    it.each([1, 2] as const)('cahier %s: a printed reference never puts a bracket inside a bracket', (n) => {
      const html = readFileSync(join(dist, 'imprimer', `cahier-${n}`, 'index.html'), 'utf8');
      const refs = printedRefs(html);
      expect(refs.length).toBeGreaterThan(10);
      for (const r of refs) {
        const { end } = bracketDepth(r.before);
        expect(bracketDepth(r.text, end).max, `${r.before.slice(-60)}⟦${r.text}⟧`).toBeLessThanOrEqual(1);
      }
      for (const [i, p] of pageTexts(file(n)).entries()) expect(flat(p), `page ${i + 1}`).not.toMatch(/\(\s?\(|\)\s?\)/);
    });

    it('cahier 2: `::fiches` prints a table of number, fiche, porteur, quartiers, amount and page', () => {
      const pages = pageTexts(file(2));
      const bodies = pages.map((p) => flat(p.split('\n').slice(1).join(' ')).toLowerCase());
      const tables = pages.filter((p) => /N°\s+Fiche\s+Porteur\s+Quartiers\s+Montant\s+Page/.test(p));
      expect(tables.length).toBeGreaterThan(0);
      let rows = 0;
      for (const t of tables)
        for (const [, numero, page] of t.matchAll(/^ *(\d+) +\S.*?(?:€|—) +(\d+)$/gm)) {
          rows++;
          const f = contract.fiches.find((x) => x.numero === Number(numero))!;
          expect(f, `fiche ${numero}`).toBeDefined();
          expect(bodies[Number(page) - 1]!.startsWith(`fiche ${numero} `), `fiche ${numero} p. ${page}`).toBe(true);
        }
      expect(rows).toBeGreaterThan(0);
    });

    it('cahier 2: a fiche holds on its page, or on a spread whose second page is at least a third full; no scrap page after it', () => {
      const pages = pageTexts(file(2));
      expect(fichePages(pages, contract.fiches)).toHaveLength(contract.fiches.length);
      expect(fichePageProblems(pages, pageFill(file(2)), contract.fiches)).toEqual([]);
    });

    it('cahier 2: a fiche’s text is never set under 9 pt in the print page, however tight', async () => {
      const sizes = await fichesBodyFontSizes(browser, `${server.url}/imprimer/cahier-2/`);
      expect(sizes.fiches).toBe(contract.fiches.length);
      expect(sizes.smallest).toBeGreaterThanOrEqual(9);
    });

    it('cahier 1: the AFOM matrices print as the cahier reads, piliers then quartiers, and the annexe fills its pages', () => {
      const pages = pageTexts(file(1));
      const toc = pages.slice(1, 5).join('\n');
      const afom = toc.slice(toc.search(new RegExp(`^ *${fr.afom}`, 'm')));
      const titles = tocEntries(afom).slice(1, contract.afoms.length + 1).map((e) => flat(e.title));
      expect(titles).toEqual(afomsInOrder(contract).map((a) => flat(frenchTypography(a.titre))));
      // Every page of the annexe but its last is at least half full: its figures flow.
      const fill = pageFill(file(1));
      const annexe = pages.findIndex((p, i) => i > 4 && /^ *Annexe statistique/m.test(p));
      expect(annexe).toBeGreaterThan(0);
      for (let i = annexe; i < pages.length - 1; i++) expect(fill[i], `p. ${i + 1}`).toBeGreaterThanOrEqual(0.5);
    });

    it('cahier 2: every fiche starts a page with its number and title', () => {
      // A page's text without its first line, the running head.
      const bodies = pageTexts(file(2)).map((p) => flat(p.split('\n').slice(1).join(' ')).toLowerCase());
      for (const f of contract.fiches) {
        const start = `fiche ${f.numero} ${flat(frenchTypography(f.titre)).slice(0, 30)}`.toLowerCase();
        expect(bodies.some((b) => b.startsWith(start)), start).toBe(true);
      }
    });

    it.each([1, 2, 'both'] as const)('%s: fonts embedded, none of Type 3, bookmarks, tagged, metadata in French', async (n) => {
      const used = fonts(file(n));
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((f) => !f.embedded)).toEqual([]);
      // Print shops' preflight rejects Type 3 (what Chromium makes of a variable font).
      expect(used.filter((f) => f.type === 'Type 3')).toEqual([]);
      expect(used.some((f) => f.name.includes('SourceSans3'))).toBe(true);
      const marks = await bookmarks(file(n));
      expect(marks.length).toBeGreaterThan(5);
      const meta = await metadata(file(n));
      expect(meta.title).toContain(contract.contrat.titre);
      expect(meta.author).toContain(contract.contrat.maitre_ouvrage);
      expect(meta.subject).toBeTruthy();
      expect(meta.lang).toBe('fr');
      expect(meta.tagged).toBe(true);
      expect(await structure(file(n))).toEqual({ tree: true, unmapped: [] });
      if (n === 2) for (const f of contract.fiches.slice(0, 3)) expect(marks.some((m) => m.includes(frenchTypography(f.titre).slice(0, 20)))).toBe(true);
    });

    it('cahier 2: the causal tree lies on landscape pages, its labels extractable text', async () => {
      const meta = await metadata(file(2));
      const turned = meta.rotations.flatMap((r, i) => (r === 90 ? [i] : []));
      expect(turned.length).toBeGreaterThan(0);
      const pages = pageTexts(file(2));
      const o = contract.piliers[0]!.axes[0]!.objectifs[0]!;
      expect(turned.some((i) => flat(pages[i]!).includes(o.numero))).toBe(true);
    });

    it('cahier 2: the landscape tree pages carry the running head and their number, whole constats and titled fiches', async () => {
      const { rotations } = await metadata(file(2));
      const turned = rotations.flatMap((r, i) => (r === 90 ? [i] : []));
      expect(turned.length).toBeGreaterThan(0);
      const pages = pageTexts(file(2));
      const lines = (i: number) => pages[i]!.split('\n').map((l) => l.replace(fr.statutProjet, '').trim()).filter(Boolean);
      for (const i of turned) {
        // Read turned, as the page is: the running head on top, the number at the bottom right.
        expect(lines(i)[0], `page ${i + 1}`).toMatch(new RegExp(`^${fr.cahier2} — .+ {2,}L’arbre des objectifs$`));
        expect(lines(i).at(-1), `page ${i + 1}`).toMatch(new RegExp(`(^|\\s)${i + 1} / ${pages.length}$`));
      }
      // Labels are compared without spaces: pdftotext does not always see those between a bold and a plain run.
      const squeeze = (s: string) => frenchTypography(s).replace(/\s+/g, '');
      const raw = pageTexts(file(2), { raw: true });
      const drawn = turned.map((i) => squeeze(raw[i]!)).join('');
      const lookup = lookupOf(contract);
      for (const id of contract.piliers.flatMap((p) => p.enjeux.flatMap((e) => e.constats))) {
        const texte = lookup.constat.get(id)?.item.texte;
        if (texte) expect(drawn, texte).toContain(squeeze(texte));
      }
      for (const f of contract.fiches) {
        const words = frenchTypography(f.titre).split(/\s+/).slice(0, 2).join(' ');
        expect(drawn, `Fiche ${f.numero}`).toContain(squeeze(`Fiche ${f.numero} ${words}`));
      }
    });

    it('cahier 1: a chart’s labels are text in the PDF, besides its table', () => {
      const pages = pageTexts(file(1)).map(flat);
      const ind = contract.indicateurs[0]!;
      const nom = contract.territoires.find((t) => t.id === ind.territoires[0])!.nom;
      const annexe = pages.findIndex((p) => p.includes('Annexe statistique') && !p.includes('Sommaire'));
      const text = pages.slice(annexe, annexe + 2).join(' ');
      expect(text.split(nom).length - 1).toBeGreaterThanOrEqual(2);
    });

    it.each([1, 2] as const)('cahier %s: « Document de travail » on every page if and only if statut is projet', (n) => {
      const pages = pageTexts(file(n));
      const marked = pages.filter((p) => p.includes('Document de travail')).length;
      expect(marked).toBe(contract.contrat.statut === 'projet' ? pages.length : 0);
    });

    it('the bound contract holds both cahiers, Cahier II opening on a right-hand page', async () => {
      const [one, two, both] = await Promise.all([metadata(file(1)), metadata(file(2)), metadata(file('both'))]);
      const second = one.pages + (one.pages % 2);
      expect(both.pages).toBe(second + two.pages);
      expect((second + 1) % 2, `Cahier II p. ${second + 1}`).toBe(1);
      const pages = pageTexts(file('both'));
      expect(pages[second]).toContain(fr.cahier2);
      if (second > one.pages) expect(pages[one.pages]!.trim()).toBe('');
    });

    it('the bound contract’s page labels are the printed folios: « I-3 », « II-3 »', async () => {
      const [one, two] = await Promise.all([metadata(file(1)), metadata(file(2))]);
      const second = one.pages + (one.pages % 2);
      const labels = await pageLabels(file('both'));
      const pages = pageTexts(file('both'));
      expect([labels[0], labels[2], labels[one.pages - 1]]).toEqual(['I-1', 'I-3', `I-${one.pages}`]);
      expect([labels[second], labels[second + 2], labels.at(-1)]).toEqual(['II-1', 'II-3', `II-${two.pages}`]);
      // Every folio printed at a page's foot is its label's number, in the label's cahier.
      let folios = 0;
      pages.forEach((p, i) => {
        const folio = /(?:^|\s)(\d+) \/ (\d+)\s*$/.exec(p);
        if (!folio) return;
        folios++;
        expect(labels[i], `page ${i + 1}`).toBe(`${i < second ? 'I' : 'II'}-${folio[1]}`);
        expect(Number(folio[2])).toBe(i < second ? one.pages : two.pages);
      });
      expect(folios).toBeGreaterThan(pages.length / 2);
    });

    it('the bound contract’s bookmarks keep their spaces and lead to the pages where their headings are', async () => {
      const marks = await outline(file('both'));
      const labels = await pageLabels(file('both'));
      const pages = pageTexts(file('both')).map((p) => flat(p).toLowerCase());
      const titre = flat(frenchTypography(contract.contrat.titre));
      expect(marks.filter((m) => flat(m.title) === titre)).toHaveLength(2);
      for (const [n, label] of [[1, 'I-1'], [2, 'II-1']] as const) {
        const part = marks.find((m) => m.title.startsWith(fr[`cahier${n}`] + ' —'));
        expect(part && labels[part.page]).toBe(label);
      }
      for (const m of marks.filter((m) => !/^Cahier I+ —/.test(m.title))) expect(pages[m.page], m.title).toContain(flat(m.title).toLowerCase().slice(0, 30));
    });
  });

  it('is usable by keyboard: the skip link comes first and leads to the content', async () => {
    const { page } = await open(context, routes.home());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await page.close();
  });
});
