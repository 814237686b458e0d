/**
 * A quartier named with an article reads as French writes it, on the site
 * and in the PDF: « Localisation des Vignes », « aux Vignes », never
 * « de Les Vignes ».
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { flat, pageTexts } from '../helpers/pdf.ts';

describe('a quartier named « Les … »', () => {
  const work = mkdtempSync(join(tmpdir(), 'cahiers-contractions-'));
  const dist = join(work, 'dist');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    const dir = join(work, 'contrat');
    cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
    const file = join(dir, 'quartiers/centre.md');
    const portrait = '\n::carte{quartier=centre}\n\nLe chômage recule à :ref[centre], comme dans le reste de la ville.\n';
    writeFileSync(file, `${readFileSync(file, 'utf8').replace(/^nom: .*$/m, 'nom: Les Vignes')}${portrait}`);
    expect(await buildAll({ ...process.env, CONTENT_DIR: dir }, dist)).toBe(0);
  }, 120_000);

  it('reads « des Vignes » and « aux Vignes » on its page of the site', () => {
    const text = readFileSync(join(dist, 'quartiers/centre/index.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(text).toContain('Localisation des Vignes');
    expect(text).toContain('Contour des Vignes');
    expect(text).toContain('Le chômage recule aux Vignes');
    expect(text).not.toMatch(/\b(de|à) Les Vignes/);
  });

  it('reads « des Vignes » and « aux Vignes » in the printed Cahier I', () => {
    const text = flat(pageTexts(join(dist, 'pdf/cahier-1-diagnostic.pdf')).join('\n'));
    expect(text).toContain('Localisation des Vignes');
    expect(text).toContain('Le chômage recule aux Vignes');
    expect(text).not.toMatch(/\b(de|à) Les Vignes/);
  });
});
