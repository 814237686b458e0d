/**
 * Builds a fixture contract with the real build command and reads the
 * home page it wrote: what it shows must come from the model.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { buildContract } from '../../src/lib/model/index.ts';
import { frenchTypography } from '../../src/lib/typography.ts';
import { FIXTURES, fixtureFiles } from '../helpers/fixtures.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const decode = (html: string) => html.replace(/&#39;/g, '\'').replace(/&amp;/g, '&').replace(/&quot;/g, '"');

describe.each(['autre-contrat', 'minimal'])('home page of %s', (name) => {
  const out = mkdtempSync(join(tmpdir(), 'cahiers-home-'));
  let html = '';
  const contract = buildContract(fixtureFiles(name)).contract!;

  beforeAll(async () => {
    const code = await buildAll({ ...process.env, CONTENT_DIR: join(FIXTURES, name), PDF: '0' }, join(out, 'dist'));
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

  it('shows the « document de travail » banner if and only if statut is projet', () => {
    expect(html.includes('<p class="banner-projet"')).toBe(contract.contrat.statut === 'projet');
  });
});
