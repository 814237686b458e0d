import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, formatIssues } from '../../../src/lib/model/index.ts';

describe('the example contract in content/', () => {
  const result = buildContract(readContentFiles(join(import.meta.dirname, '../../../content')));

  it('passes the check with no error and no warning', () => {
    expect(formatIssues(result.issues)).toBe('');
  });

  it('has what the issue asks of it', () => {
    const c = result.contract!;
    expect(c.quartiers.filter((q) => q.categorie === 'prioritaire').length).toBeGreaterThanOrEqual(5);
    expect(c.quartiers.filter((q) => q.categorie === 'veille').length).toBeGreaterThanOrEqual(2);
    expect(c.indicateurs.length).toBeGreaterThanOrEqual(12);
    expect(c.indicateurs.filter((i) => i.annees.length >= 2).length).toBeGreaterThanOrEqual(2);
    expect(c.indicateurs.some((i) => i.valeurs.some((v) => v.valeur === null))).toBe(true);
    expect(c.fiches.length).toBeGreaterThanOrEqual(30);
    for (const p of c.piliers) expect(c.fiches.some((f) => f.piliers.includes(p.id))).toBe(true);
  });
});
