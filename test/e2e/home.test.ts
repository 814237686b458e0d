/**
 * Builds a fixture contract with the real build command and reads the
 * home page it wrote: what it shows must come from the model. Built
 * without PDFs (PDF=0), the site offers none.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { htmlFiles } from '../../scripts/lib/post-build.ts';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { buildContract } from '../../src/lib/model/index.ts';
import { frenchTypography } from '../../src/lib/typography.ts';
import { FIXTURES, fixtureFiles } from '../helpers/fixtures.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const decode = (html: string) => html.replace(/&#39;/g, '\'').replace(/&amp;/g, '&').replace(/&quot;/g, '"');

describe.each(['autre-contrat', 'minimal'])('home page of %s', (name) => {
  const out = mkdtempSync(join(tmpdir(), 'cahiers-home-'));
  let html = '';
  let said = '';
  const contract = buildContract(fixtureFiles(name)).contract!;

  beforeAll(async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const code = await buildAll({ ...process.env, CONTENT_DIR: join(FIXTURES, name), PDF: '0' }, join(out, 'dist'));
    said = write.mock.calls.map((c) => String(c[0])).join('');
    write.mockRestore();
    expect(code).toBe(0);
    html = decode(readFileSync(join(out, 'dist', 'index.html'), 'utf8'));
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('shows the title, version and every pilier and quartier', () => {
    expect(html).toContain('<html lang="fr"');
    const typo = (s: string) => frenchTypography(s).replace(/&/g, '&');
    expect(html).toContain(`<h1>${typo(contract.contrat.titre)}</h1>`);
    expect(html).toContain(`Version ${contract.contrat.version}`);
    for (const p of contract.piliers) expect(html).toMatch(new RegExp(`<h3><a href="[^"]*/strategie/piliers/${p.id}/">${escapeRe(typo(p.titre))}</a></h3>`));
    for (const q of contract.quartiers) expect(html).toContain(`>${typo(q.nom)}</a>`);
  });

  it('built with PDF=0, says the PDFs were skipped and links to none of them', () => {
    expect(said).toContain('PDF non construits (PDF=0)');
    expect(existsSync(join(out, 'dist', 'pdf'))).toBe(false);
    for (const file of htmlFiles(join(out, 'dist'))) expect(readFileSync(file, 'utf8'), file).not.toMatch(/href="[^"]*\.pdf"/);
    // The open data is still offered, with its size.
    expect(html).toMatch(/<li data-fichier="\/donnees\/[^"]+"><a [^>]+>[^<]+\(<span data-fichier-details="(\w+)">\1, [\d,]+\u00a0(octets|ko|Mo)<\/span>\)/);
    const downloads = readFileSync(join(out, 'dist', 'telechargements', 'index.html'), 'utf8');
    expect(downloads).not.toContain('Les cahiers en PDF');
  });

  it('shows the « document de travail » banner if and only if statut is projet', () => {
    expect(html.includes('<p class="banner-projet"')).toBe(contract.contrat.statut === 'projet');
  });
});
