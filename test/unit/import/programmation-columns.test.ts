import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALIASES, columnKey, programmationColumns, type Role } from '../../../src/lib/import/programmation/columns.ts';
import { detectLayout } from '../../../src/lib/import/layout.ts';

const header = (...names: string[]) => ({ line: 1, cells: names });

describe('columnKey', () => {
  it.each([
    ['Montant programmé', 'montant_programme'],
    ['montant_programme', 'montant_programme'],
    ['MONTANT PROGRAMMÉ (€)', 'montant_programme'],
    ['Montant programmé en euros', 'montant_programme'],
    ['N° dossier', 'n_dossier'],
    ['Nº de dossier', 'n_dossier'],
    ['Numéro du dossier', 'numero_dossier'],
    ['Intitulé de l’action', 'intitule_action'],
    ["Intitulé de l'action", 'intitule_action'],
    ['  Payé  ', 'paye'],
  ])('« %s » → %s', (name, key) => {
    expect(columnKey(name)).toBe(key);
  });

  it('has no alias in two roles', () => {
    const all = Object.values(ALIASES).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('programmationColumns', () => {
  it('recognises the usual French names', () => {
    const columns = programmationColumns(header('Fiche', 'Action', 'Porteur', 'Financeur', 'Programmé', 'Engagé', 'Réalisé', 'N° dossier', 'Exercice'));
    const found = Object.fromEntries(Object.entries(columns ?? {}).map(([role, c]) => [role, c.index])) as Record<Role, number>;
    expect(found).toEqual({ fiche: 0, titre: 1, financeur: 3, prevu: 4, engage: 5, realise: 6, dossier: 7, annee: 8 });
    expect(programmationColumns(header('Intitulé', 'Financeurs', 'Versé'))).toMatchObject({ titre: { index: 0 }, financeur: { index: 1 }, realise: { index: 2, name: 'Versé' } });
  });

  it('needs a fiche or title, a funder and an amount', () => {
    expect(programmationColumns(header('Action', 'Montant programmé'))).toBeUndefined();
    expect(programmationColumns(header('Financeur', 'Montant programmé'))).toBeUndefined();
    expect(programmationColumns(header('Action', 'Financeur', 'Dossier'))).toBeUndefined();
  });

  it('is the layout of a table whose header sits under title lines; Insee extracts keep theirs', () => {
    const table = { format: 'csv' as const, description: '', rows: [{ line: 1, cells: ['Programmation 2016'] }, header('Fiche', 'Financeur', 'Payé')] };
    expect(detectLayout(table)).toMatchObject({ kind: 'programmation', headerRow: 1 });
    expect(detectLayout({ ...table, rows: [header('code_qp', 'tp60')] })).toMatchObject({ kind: 'wide' });
  });
});

describe('the guide’s table of column names (docs/suivi.md)', () => {
  const guide = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'suivi.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## Importer la programmation annuelle'));
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ce que'));
  const roles: Role[] = ['fiche', 'titre', 'financeur', 'prevu', 'engage', 'realise', 'dossier', 'annee'];

  it('lists exactly the aliases of each role, in order', () => {
    expect(rows).toHaveLength(roles.length);
    rows.forEach((row, i) => {
      const names = [...row.split('|')[2]!.matchAll(/`([^`]+)`/g)].map((m) => columnKey(m[1]!));
      expect(names, roles[i]).toEqual(ALIASES[roles[i]!]);
    });
  });
});
