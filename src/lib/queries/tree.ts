/**
 * Walks of the tree of orientations that the site's pilier pages and the
 * printed cahier II both lay out, and the quartiers that decline it.
 */
import type { Axe, Contract, Enjeu, Pilier, Quartier } from '../model/index.ts';

/** A part of a pilier as it reads: an enjeu and its axes, or (without the enjeu level) the pilier's axes. */
export interface PilierSection {
  enjeu?: Enjeu;
  axes: readonly Axe[];
}

export function pilierSections(pilier: Pilier): PilierSection[] {
  return pilier.enjeux.length ? pilier.enjeux.map((enjeu) => ({ enjeu, axes: enjeu.axes })) : [{ axes: pilier.axes }];
}

/** Whether the contract has the enjeu level (some contracts go from pilier straight to axes). */
export function hasEnjeux(contract: Contract): boolean {
  return contract.piliers.some((p) => p.enjeux.length > 0);
}

/** The quartiers whose declinaison cahier II holds, in quartier order. */
export function declinedQuartiers(contract: Contract): (Quartier & { declinaison: NonNullable<Quartier['declinaison']> })[] {
  return contract.quartiers.filter((q): q is Quartier & { declinaison: NonNullable<Quartier['declinaison']> } => q.declinaison !== undefined);
}
