/**
 * The annual reports of a built contract (test/fixtures/rapport-annuel/):
 * each report folder gives its pages and its PDF; the PDF's table of
 * contents gives the pages where the parts really begin; « Projet soumis à
 * avis » is on every page while the report is not adopted, and on none
 * once it is; the money of year N in the PDF, by pilier and by funder,
 * equals the sums recomputed here from the fixture's own files (its YAML
 * read here, not through the model).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveDir } from '../../scripts/lib/serve.ts';
import { brokenFolios, flat, metadata, pageTexts, tocEntries } from '../helpers/pdf.ts';
import { writeRapportContract } from '../helpers/rapport-fixture.ts';

const WATERMARK = 'Projet soumis à avis';

interface Amounts {
  prevu: number;
  engage: number;
  realise: number;
}

/** The sums of year N straight from the files: each fiche under the pilier of its first objectif; funders equal after trim, NFC, lower case. */
function expectedMoney(dir: string, annee: number): { piliers: Map<string, Amounts>; funders: Map<string, Amounts>; total: Amounts } {
  const front = (file: string) => parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
  const orientations = parse(readFileSync(join(dir, 'cahier-2/orientations.yaml'), 'utf8')) as { piliers: { id: string; enjeux?: { axes: unknown[] }[]; axes?: unknown[] }[] };
  const pilierOf = new Map<string, string>();
  for (const p of orientations.piliers) {
    const axes = [...(p.axes ?? []), ...(p.enjeux ?? []).flatMap((e) => e.axes)] as { objectifs: { id: string }[] }[];
    for (const a of axes) for (const o of a.objectifs) pilierOf.set(o.id, p.id);
  }
  const piliers = new Map<string, Amounts>();
  const funders = new Map<string, Amounts>();
  const total: Amounts = { prevu: 0, engage: 0, realise: 0 };
  const add = (map: Map<string, Amounts> | undefined, key: string, x: Partial<Amounts>) => {
    const into = map ? (map.get(key) ?? map.set(key, { prevu: 0, engage: 0, realise: 0 }).get(key)!) : total;
    for (const k of ['prevu', 'engage', 'realise'] as const) into[k] += Math.round((x[k] ?? 0) * 100);
  };
  const fiches = join(dir, 'cahier-2/fiches');
  for (const name of readdirSync(fiches).filter((f) => /^[a-z].*\.md$/.test(f))) {
    const fm = front(join(fiches, name)) as { objectifs: string[]; suivi?: Record<string, { financements?: (Partial<Amounts> & { financeur: string })[] }> };
    for (const x of fm.suivi?.[annee]?.financements ?? []) {
      add(piliers, pilierOf.get(fm.objectifs[0]!)!, x);
      add(funders, x.financeur.trim().normalize('NFC').toLocaleLowerCase('fr'), x);
      add(undefined, '', x);
    }
  }
  return { piliers, funders, total };
}

/** « 12 345 € », as a French reader writes whole euros (cents are kept in the sums, rounded once). */
const euros = (cents: number) => `${Math.round(cents / 100).toLocaleString('fr-FR').replace(/\s/g, ' ')} €`;
const triple = (a: Amounts) => [a.prevu, a.engage, a.realise].map(euros).join(' | ');

/** Rows of a money table as pdftotext lays them out: three amounts at the end of a line. */
function amountRows(text: string): string[] {
  // pdftotext keeps the narrow space of « 125 000 € » but not always the one before « € ».
  const amount = String.raw`\d{1,3}(?: \d{3})* ?€`;
  const row = new RegExp(`(${amount})\\s+(${amount})\\s+(${amount})\\s*$`);
  return text
    .replace(/[\u202f\u00a0]/g, ' ')
    .split('\n')
    .flatMap((l) => {
      const m = row.exec(l);
      return m ? [[m[1], m[2], m[3]].map((a) => a!.replace(/ ?€$/, ' €')).join(' | ')] : [];
    });
}

describe('annual reports, built', () => {
  const work = mkdtempSync(join(tmpdir(), 'cahiers-rapport-'));
  const dir = join(work, 'contrat');
  const dist = join(work, 'dist');
  const pdf = (annee: number) => join(dist, 'pdf', `rapport-annuel-${annee}.pdf`);

  beforeAll(async () => {
    writeRapportContract(dir);
    expect(await buildAll({ ...process.env, CONTENT_DIR: dir }, dist)).toBe(0);
    // A whole build with its PDFs: minutes on a loaded machine; the limit only stops a hang.
  }, 1_800_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives each report its pages and its PDF, listed for download', () => {
    for (const annee of [2024, 2025]) {
      expect(existsSync(pdf(annee)), `PDF ${annee}`).toBe(true);
      expect(existsSync(join(dist, 'rapports', String(annee), 'index.html'))).toBe(true);
      expect(existsSync(join(dist, 'rapports', String(annee), 'partie-moyens', 'index.html'))).toBe(true);
    }
    const index = readFileSync(join(dist, 'rapports', 'index.html'), 'utf8');
    expect(flat(index)).toContain('Soumis à avis : avis attendus d’ici au 10 avril 2026');
    expect(flat(index)).toContain('Adopté le 26 juin 2025');
    const downloads = readFileSync(join(dist, 'telechargements', 'index.html'), 'utf8');
    for (const annee of [2024, 2025]) expect(downloads).toMatch(new RegExp(`data-fichier="/pdf/rapport-annuel-${annee}\\.pdf"[^>]*><a [^>]+>Rapport annuel ${annee} \\(<span[^>]*>PDF, [^<]+\\spages</span>`));
  });

  it('prints a table of contents whose page numbers are the pages where the parts begin', () => {
    for (const annee of [2024, 2025]) {
      const pages = pageTexts(pdf(annee));
      const entries = tocEntries(pages.slice(1, 3).join('\n'));
      // Seven generated parts, and the two chapters of 2024.
      expect(entries.length, `sommaire ${annee}`).toBe(annee === 2024 ? 9 : 7);
      for (const e of entries) {
        const top = flat(pages[e.page - 1]!.split('\n').slice(0, 6).join(' ')).toLowerCase();
        expect(top, `« ${e.title} » p. ${e.page} (${annee})`).toContain(flat(e.title).toLowerCase());
      }
    }
  });

  it('marks every page « Projet soumis à avis » until the report is adopted, and none after', async () => {
    const projet = pageTexts(pdf(2025));
    projet.forEach((p, i) => expect(flat(p), `2025, page ${i + 1}`).toContain(WATERMARK));
    expect(brokenFolios(projet, WATERMARK)).toEqual([]);
    const adopte = pageTexts(pdf(2024));
    adopte.forEach((p, i) => expect(flat(p), `2024, page ${i + 1}`).not.toContain(WATERMARK));
    expect(await metadata(pdf(2024))).toMatchObject({ title: expect.stringMatching(/ — Rapport annuel 2024 sur la politique de la ville$/), lang: 'fr', tagged: true });
  });

  it.each([2024, 2025])('prints the money of %s by pilier and by funder as the fiches’ suivi adds it up', (annee) => {
    const pages = pageTexts(pdf(annee));
    const toc = tocEntries(pages.slice(1, 3).join('\n'));
    const start = toc.find((e) => e.title === 'Les moyens')!.page;
    const end = toc.find((e) => e.title === 'Les engagements des signataires')!.page;
    const means = pages.slice(start - 1, end - 1).join('\n');
    const yearN = means.slice(0, means.indexOf('Depuis le début du contrat'));
    const { piliers, funders, total } = expectedMoney(dir, annee);
    const expected = [...piliers.values(), total, ...funders.values(), total].map(triple).sort();
    expect(amountRows(yearN).sort()).toEqual(expected);
  });

  it('has pages that axe-core finds nothing wrong with, and that a phone reads without scrolling sideways', async () => {
    const axe = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
    const server = await serveDir(dist, '/');
    const browser = await launchBrowser();
    try {
      // axe is injected as an inline script, which the site's own CSP rightly refuses.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
      for (const path of ['/rapports/', '/rapports/2024/', '/rapports/2025/', ...['orientations', 'quartiers', 'actions', 'moyens', 'avis'].map((p) => `/rapports/2024/partie-${p}/`)]) {
        const page = await context.newPage();
        await page.goto(server.url + path);
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const a = (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const r = await a.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
        });
        expect(violations, path).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
