import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, formatIssues } from '../../../src/lib/model/index.ts';
import { ciblesOf } from '../../../src/lib/queries/index.ts';

describe('the example contract in content/', () => {
  const result = buildContract(readContentFiles(join(import.meta.dirname, '../../../content')));

  it('passes the check with no error, and warns only of the opinions its reports still lack', () => {
    // Deliberate: the 2016 report is adopted with one conseil citoyen silent (tacitly
    // favourable), the 2017 report is still in consultation.
    expect(formatIssues(result.issues.filter((i) => i.rule !== 'avis-manquant'))).toBe('');
    expect(result.issues.map((i) => `${i.severity} ${i.rule} ${i.file}`)).toEqual([
      'warning avis-manquant rapports/2016/rapport.yaml',
      ...Array(5).fill('warning avis-manquant rapports/2017/rapport.yaml'),
    ]);
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

  it('has the follow-up the issues ask of it', () => {
    const c = result.contract!;
    const followed = c.fiches.filter((f) => f.suivi?.length);
    expect(followed.length).toBeGreaterThan(c.fiches.length / 2);
    expect(new Set(followed.flatMap((f) => f.suivi!.map((s) => s.annee)))).toEqual(new Set([2015, 2016, 2017]));
    for (const statut of ['en-retard', 'suspendu', 'abandonne']) expect(c.fiches.some((f) => f.statut === statut), statut).toBe(true);
    const unpaid = followed.flatMap((f) => f.suivi!.flatMap((s) => s.financements)).filter((m) => (m.engage ?? 0) > 0 && !m.realise);
    expect(unpaid.length).toBeGreaterThan(0);
    expect(new Set(ciblesOf(c).map((x) => x.objectif.id)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(c.engagements.map((e) => e.signataire)).size).toBeGreaterThanOrEqual(4);
    expect(c.rapports.map((r) => [r.annee, r.etat])).toEqual([
      [2016, 'adopte'],
      [2017, 'consultation'],
    ]);
  });
});
