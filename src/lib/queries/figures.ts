/**
 * Key figures: the contract at a glance (home) and a quartier against its
 * commune (quartier page), from the model's values only.
 */
import type { Contract, Indicateur } from '../model/index.ts';
import { lookupOf, objectifsOf } from './lookup.ts';

export interface ContractFigures {
  quartiersPrioritaires: number;
  quartiersVeille: number;
  /** Sum of the priority quartiers' populations, with the years it covers. */
  population?: { total: number; annees: number[] };
  objectifs: number;
  fiches: number;
  budget: number;
}

export function contractFigures(contract: Contract): ContractFigures {
  const prioritaires = contract.quartiers.filter((q) => q.categorie === 'prioritaire');
  const withPop = prioritaires.filter((q) => q.population !== undefined);
  return {
    quartiersPrioritaires: prioritaires.length,
    quartiersVeille: contract.quartiers.length - prioritaires.length,
    ...(withPop.length
      ? { population: { total: withPop.reduce((s, q) => s + q.population!, 0), annees: [...new Set(withPop.map((q) => q.annee_population!))].sort() } }
      : {}),
    objectifs: objectifsOf(contract.piliers).length,
    fiches: contract.fiches.length,
    budget: contract.fiches.reduce((s, f) => s + (f.budget?.total ?? 0), 0),
  };
}

export interface QuartierFigure {
  indicateur: Indicateur;
  annee: number;
  quartier: number | null;
  /** The same year's value for the quartier's commune, when given. */
  commune?: number | null;
}

/** For each indicator with a value for the quartier: its latest year, beside the commune. */
export function quartierFigures(contract: Contract, quartierId: string): QuartierFigure[] {
  const q = lookupOf(contract).quartier.get(quartierId)!;
  const out: QuartierFigure[] = [];
  for (const ind of contract.indicateurs) {
    const own = ind.valeurs.filter((v) => v.territoire === quartierId);
    if (own.length === 0) continue;
    const latest = own[own.length - 1]!;
    const commune = ind.valeurs.find((v) => v.territoire === q.commune && v.annee === latest.annee);
    out.push({ indicateur: ind, annee: latest.annee, quartier: latest.valeur, ...(commune ? { commune: commune.valeur } : {}) });
  }
  return out;
}

/** The year to write after the indicator's title, « (2014) »; none when the title already names it (« … municipales de 2014 »). */
export function figureYear(f: QuartierFigure): number | undefined {
  return new RegExp(`(^|\\D)${f.annee}(\\D|$)`).test(f.indicateur.titre) ? undefined : f.annee;
}
