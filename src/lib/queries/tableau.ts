/**
 * The follow-up dashboard's aggregates (FORMAT-SUIVI), over the fiches'
 * effective statut (`ficheStatut`) and lateness (`isLate`):
 *
 * - `statutGroups(contract, by)`: the fiches grouped by pilier (each under
 *   the pilier of its first objectif, so that the groups add up to every
 *   fiche), by objectif or by quartier (a fiche in each of its objectifs or
 *   quartiers), groups in tree or file order, those without a fiche kept
 *   (they show as « aucune fiche »); each with its count per statut and its
 *   late fiches.
 * - `statutCounts(fiches)`: how many fiches per statut, in the
 *   statuts' order, zeros left out.
 * - `lateFiches(contract)`: the late fiches, in fiche order, each with why:
 *   its statut says `en-retard`, or its `calendrier.fin` is past « now ».
 * - `ficheAvancement(fiche)`: the progress of its latest suivi year that
 *   gives one, with that year.
 * - `coverage(contract)`: objectifs × quartiers, the fiches of each
 *   objectif that concern each quartier (`quartiers: tous` counts in every
 *   quartier); `vide` when the objectif has no fiche at all.
 */
import type { Contract, Fiche, FicheStatut, Objectif, Pilier, Quartier } from '../model/index.ts';
import { fichePilier, fichesOf } from './fiches.ts';
import { objectifsOf } from './lookup.ts';
import { ficheStatut, isLate } from './suivi.ts';

export const STATUTS: readonly FicheStatut[] = ['a-lancer', 'en-cours', 'en-retard', 'suspendu', 'realise', 'abandonne'];

export type StatutBy = 'pilier' | 'objectif' | 'quartier';

export interface StatutGroup {
  id: string;
  entity: Pilier | Objectif | Quartier;
  fiches: readonly Fiche[];
  counts: { statut: FicheStatut; nombre: number }[];
  late: Fiche[];
}

export interface CoverageRow {
  objectif: Objectif;
  /** One cell per quartier, in the order of `contract.quartiers`. */
  cells: { quartier: Quartier; fiches: Fiche[] }[];
  vide: boolean;
}

export function statutCounts(fiches: readonly Fiche[]): { statut: FicheStatut; nombre: number }[] {
  return STATUTS.map((statut) => ({ statut, nombre: fiches.filter((f) => ficheStatut(f) === statut).length })).filter((c) => c.nombre > 0);
}

export interface LateFiche {
  fiche: Fiche;
  raison: 'statut' | 'echeance';
}

export function lateFiches(contract: Contract): LateFiche[] {
  return contract.fiches.filter((f) => isLate(contract, f)).map((fiche) => ({ fiche, raison: ficheStatut(fiche) === 'en-retard' ? 'statut' : 'echeance' }));
}

export function ficheAvancement(fiche: Fiche): { annee: number; avancement: number } | undefined {
  const s = (fiche.suivi ?? []).filter((x) => x.avancement !== undefined).at(-1);
  return s ? { annee: s.annee, avancement: s.avancement! } : undefined;
}

export function statutGroups(contract: Contract, by: StatutBy): StatutGroup[] {
  const entities: { id: string; entity: Pilier | Objectif | Quartier; fiches: readonly Fiche[] }[] =
    by === 'pilier'
      ? contract.piliers.map((p) => ({ id: p.id, entity: p, fiches: contract.fiches.filter((f) => fichePilier(contract, f) === p.id) }))
      : by === 'objectif'
        ? objectifsOf(contract.piliers).map((o) => ({ id: o.id, entity: o, fiches: fichesOf(contract, { objectif: o.id }) }))
        : contract.quartiers.map((q) => ({ id: q.id, entity: q, fiches: fichesOf(contract, { quartier: q.id }) }));
  return entities.map((g) => ({ ...g, counts: statutCounts(g.fiches), late: g.fiches.filter((f) => isLate(contract, f)) }));
}

export function coverage(contract: Contract): CoverageRow[] {
  return objectifsOf(contract.piliers).map((objectif) => {
    const fiches = fichesOf(contract, { objectif: objectif.id });
    return { objectif, cells: contract.quartiers.map((quartier) => ({ quartier, fiches: fiches.filter((f) => f.quartiers.includes(quartier.id)) })), vide: fiches.length === 0 };
  });
}
