/**
 * A table that breaks across pages in a PDF repeats its header row on the
 * next page, under a « (suite) » caption (our Paged.js handler).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { pageTexts } from '../helpers/pdf.ts';

describe('a long table in a printed cahier', () => {
  const work = mkdtempSync(join(tmpdir(), 'cahiers-table-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('repeats its header with « (suite) » on each continued page', async () => {
    const dir = join(work, 'contrat');
    cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
    const rows = Array.from({ length: 120 }, (_, i) => `| Ligne ${i + 1} | ${i * 3} |`).join('\n');
    writeFileSync(
      join(dir, 'cahier-1/chapitres/annexe.md'),
      `---\ntitre: Annexe\nordre: 2\n---\n| Colonne de gauche | Colonne de droite |\n|---|---|\n${rows}\n`,
    );
    expect(await buildAll({ ...process.env, CONTENT_DIR: dir }, join(work, 'dist'))).toBe(0);
    const pages = pageTexts(join(work, 'dist/pdf/cahier-1-diagnostic.pdf')).filter((p) => p.includes('Ligne '));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toMatch(/Colonne de gauche\s+Colonne de droite/);
    for (const page of pages.slice(1)) expect(page).toContain('(suite)');
    expect(pages[0]).not.toContain('(suite)');
  }, 120_000);
});
