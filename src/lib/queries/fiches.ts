/**
 * The fiches of an objectif, a quartier or a pilier, in fiche order: the
 * `::fiches` directive, the tree, the pilier and quartier pages, the print
 * documents and the home page all read them here.
 */
import type { Contract, Fiche, Pilier } from '../model/index.ts';
import { lookupOf } from './lookup.ts';

export type FicheScope = { objectif: string } | { quartier: string } | { pilier: string };

interface FicheIndex {
  objectif: Map<string, Fiche[]>;
  quartier: Map<string, Fiche[]>;
  pilier: Map<string, Fiche[]>;
}

const cache = new WeakMap<Contract, FicheIndex>();

/** Every fiche without a scope. */
export function fichesOf(contract: Contract, scope?: FicheScope): readonly Fiche[] {
  if (!scope) return contract.fiches;
  const index = indexOf(contract);
  if ('objectif' in scope) return index.objectif.get(scope.objectif) ?? [];
  if ('quartier' in scope) return index.quartier.get(scope.quartier) ?? [];
  return index.pilier.get(scope.pilier) ?? [];
}

/** The fiches under the pilier each belongs to (`fichePilier`), piliers in their order, those without a fiche left out. */
export function fichesByPilier(contract: Contract): { pilier: Pilier; fiches: Fiche[] }[] {
  return contract.piliers.map((pilier) => ({ pilier, fiches: contract.fiches.filter((f) => fichePilier(contract, f) === pilier.id) })).filter((g) => g.fiches.length > 0);
}

/** The pilier a fiche counts under where totals must add up (money, statuts): that of its first objectif. */
export function fichePilier(contract: Contract, fiche: Fiche): string {
  return lookupOf(contract).objectif.get(fiche.objectifs[0]!)?.pilier ?? fiche.piliers[0] ?? '';
}

function indexOf(contract: Contract): FicheIndex {
  let index = cache.get(contract);
  if (index) return index;
  index = { objectif: new Map(), quartier: new Map(), pilier: new Map() };
  const add = (map: Map<string, Fiche[]>, key: string, f: Fiche) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of contract.fiches) {
    for (const id of new Set(f.objectifs)) add(index.objectif, id, f);
    for (const id of new Set(f.quartiers)) add(index.quartier, id, f);
    for (const id of new Set(f.piliers)) add(index.pilier, id, f);
  }
  cache.set(contract, index);
  return index;
}
