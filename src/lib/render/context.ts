/**
 * What every renderer receives: the contract, lookups by id, and how to
 * make links. The same renderers serve the site (`mode: 'site'`) and the
 * print documents (`mode: 'print'`, where links become page references).
 */
import type { Afom, AfomItem, Axe, Contract, Enjeu, Fiche, Indicateur, Objectif, Pilier, Quartier, RefTarget, Territoire } from '../model/index.ts';
import { targetPath, withBase } from '../site/routes.ts';

export interface RenderContext {
  contract: Contract;
  mode: 'site' | 'print';
  /** Site path (from routes.ts) → URL with the base path. */
  url(path: string): string;
  /** URL of an entity. */
  href(target: RefTarget): string;
  lookup: Lookup;
  /**
   * In print: whether the document being printed holds this entity (so a
   * reference can print its page number). Entities of the other cahier are
   * named with `elsewhere` instead.
   */
  printHas?: (target: RefTarget) => boolean;
  elsewhere?: string;
}

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

export function buildLookup(contract: Contract): Lookup {
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x]));
  const enjeux = contract.piliers.flatMap((p) => p.enjeux);
  const axes = contract.piliers.flatMap((p) => p.axes);
  const objectifs = axes.flatMap((a) => a.objectifs);
  const constat = new Map<string, { item: AfomItem; afom: Afom; quadrant: string }>();
  for (const afom of contract.afoms)
    for (const [quadrant, items] of Object.entries(afom.quadrants))
      for (const item of items) if (item.id) constat.set(item.id, { item, afom, quadrant });
  return {
    pilier: byId(contract.piliers),
    enjeu: byId(enjeux),
    axe: byId(axes),
    objectif: byId(objectifs),
    fiche: byId(contract.fiches),
    quartier: byId(contract.quartiers),
    indicateur: byId(contract.indicateurs),
    afom: byId(contract.afoms),
    constat,
    territoire: byId(contract.territoires),
  };
}

export function createContext(
  contract: Contract,
  options: { base?: string; mode?: 'site' | 'print'; printHas?: (target: RefTarget) => boolean; elsewhere?: string } = {},
): RenderContext {
  const base = options.base ?? '/';
  const lookup = buildLookup(contract);
  const pilierOf = (id: string) => lookup.enjeu.get(id)?.pilier ?? lookup.axe.get(id)?.pilier ?? lookup.objectif.get(id)?.pilier;
  const url = (path: string) => withBase(base, path);
  return {
    contract,
    mode: options.mode ?? 'site',
    url,
    href: (target) => url(targetPath(target, pilierOf)),
    lookup,
    ...(options.printHas ? { printHas: options.printHas } : {}),
    ...(options.elsewhere ? { elsewhere: options.elsewhere } : {}),
  };
}
