/**
 * Indicators grouped by theme for the indicator explorer: a theme that is a
 * pilier id takes the pilier's number and title, in tree order; free themes
 * follow, then indicators without a theme.
 */
import type { Contract, Indicateur } from '../model/index.ts';
import { lookupOf } from './lookup.ts';

export interface IndicateurGroup {
  titre: string;
  indicateurs: Indicateur[];
}

export function groupIndicateurs(contract: Contract): IndicateurGroup[] {
  const { libelles } = contract.contrat;
  const groups = new Map<string, IndicateurGroup>();
  for (const p of contract.piliers) groups.set(p.id, { titre: `${libelles.pilier} ${p.numero} — ${p.titre}`, indicateurs: [] });
  const other = (t: string) => {
    if (!groups.has(`theme:${t}`)) groups.set(`theme:${t}`, { titre: t, indicateurs: [] });
    return groups.get(`theme:${t}`)!;
  };
  for (const ind of contract.indicateurs) {
    const group = ind.theme && lookupOf(contract).pilier.has(ind.theme) ? groups.get(ind.theme)! : other(ind.theme ?? 'Autres indicateurs');
    group.indicateurs.push(ind);
  }
  return [...groups.values()].filter((g) => g.indicateurs.length > 0);
}
