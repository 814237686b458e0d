/**
 * Every entity of a contract by id, built once per contract and shared by
 * the site, the print documents and the open data.
 */
import type { Afom, AfomItem, Axe, Contract, Enjeu, Fiche, Indicateur, Objectif, Pilier, Quartier, Territoire } from '../model/index.ts';

export interface Lookup {
  pilier: Map<string, Pilier>;
  enjeu: Map<string, Enjeu>;
  axe: Map<string, Axe>;
  objectif: Map<string, Objectif>;
  fiche: Map<string, Fiche>;
  quartier: Map<string, Quartier>;
  indicateur: Map<string, Indicateur>;
  afom: Map<string, Afom>;
  constat: Map<string, { item: AfomItem; afom: Afom; quadrant: string }>;
  territoire: Map<string, Territoire>;
}

const cache = new WeakMap<Contract, Lookup>();

export function lookupOf(contract: Contract): Lookup {
  let lookup = cache.get(contract);
  if (!lookup) cache.set(contract, (lookup = buildLookup(contract)));
  return lookup;
}

function buildLookup(contract: Contract): Lookup {
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x]));
  const enjeux = contract.piliers.flatMap((p) => p.enjeux);
  const axes = contract.piliers.flatMap((p) => p.axes);
  const constat = new Map<string, { item: AfomItem; afom: Afom; quadrant: string }>();
  for (const afom of contract.afoms)
    for (const [quadrant, items] of Object.entries(afom.quadrants))
      for (const item of items) if (item.id) constat.set(item.id, { item, afom, quadrant });
  return {
    pilier: byId(contract.piliers),
    enjeu: byId(enjeux),
    axe: byId(axes),
    objectif: byId(objectifsOf(contract.piliers)),
    fiche: byId(contract.fiches),
    quartier: byId(contract.quartiers),
    indicateur: byId(contract.indicateurs),
    afom: byId(contract.afoms),
    constat,
    territoire: byId(contract.territoires),
  };
}

/** The objectifs under these piliers, in tree order. */
export function objectifsOf(piliers: readonly Pilier[]): Objectif[] {
  return piliers.flatMap((p) => p.axes.flatMap((a) => a.objectifs));
}

/** The pilier an enjeu, axe or objectif belongs to. */
export function pilierOf(contract: Contract, id: string): string | undefined {
  const l = lookupOf(contract);
  return l.enjeu.get(id)?.pilier ?? l.axe.get(id)?.pilier ?? l.objectif.get(id)?.pilier;
}

/** A territory's name, or its id when the contract does not name it. */
export function territoireNom(contract: Contract, id: string): string {
  return lookupOf(contract).territoire.get(id)?.nom ?? id;
}
