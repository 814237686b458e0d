/**
 * Indicators added or removed, and, for the others, the years they gained
 * and the values that changed in the years both versions have.
 */
import type { Contract, Indicateur } from '../model/index.ts';
import { lookupOf, territoireNom } from '../queries/index.ts';
import { fr } from '../../i18n/fr.ts';
import { current, matchById, otherFields, removed, titleDetail } from './match.ts';
import type { Change, Detail, ValueChange } from './types.ts';

export function compareIndicateurs(old: Contract, now: Contract): Change[] {
  const f = fr.evolutions.indicateurChamps;
  return matchById(
    old.indicateurs,
    now.indicateurs,
    (a, b) => [
      ...titleDetail(a.titre, b.titre),
      ...valuesDetail(a, b, (id) => lookupOf(now).territoire.get(id)?.nom ?? territoireNom(old, id)),
      ...otherFields([
        [f.unite, a.unite, b.unite],
        [f.source, a.source, b.source],
        [f.definition, a.definition, b.definition],
        [f.sens, a.sens, b.sens],
        [f.ruptures, a.ruptures, b.ruptures],
      ]),
    ],
    (i) => current(now, { kind: 'indicateur', id: i.id }, [], 'ajout'),
    (i) => removed(old, { kind: 'indicateur', id: i.id }),
  );
}

function valuesDetail(a: Indicateur, b: Indicateur, nom: (id: string) => string): Detail[] {
  const nouvellesAnnees = b.annees.filter((y) => !a.annees.includes(y));
  const anneesRetirees = a.annees.filter((y) => !b.annees.includes(y));
  const key = (annee: number, territoire: string) => `${annee}|${territoire}`;
  const before = new Map(a.valeurs.map((v) => [key(v.annee, v.territoire), v.valeur]));
  const after = new Map(b.valeurs.map((v) => [key(v.annee, v.territoire), v.valeur]));
  const modifiees: ValueChange[] = [];
  // In the years both versions have: a value changed, added or taken out.
  for (const annee of b.annees.filter((y) => a.annees.includes(y))) {
    const territoires = [...b.territoires, ...a.territoires.filter((t) => !b.territoires.includes(t))];
    for (const territoire of territoires) {
      const k = key(annee, territoire);
      if (!before.has(k) && !after.has(k)) continue;
      const avant = before.get(k);
      const apres = after.get(k);
      if (avant !== apres) modifiees.push({ annee, territoire: nom(territoire), ...(before.has(k) ? { avant } : {}), ...(after.has(k) ? { apres } : {}) });
    }
  }
  return nouvellesAnnees.length || anneesRetirees.length || modifiees.length ? [{ type: 'valeurs', unite: b.unite, nouvellesAnnees, anneesRetirees, modifiees }] : [];
}
