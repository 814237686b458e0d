/**
 * The follow-up's clock and statuses (FORMAT-SUIVI « Fiche »).
 *
 * - `suiviNow(contract)`: the contract's « now », the latest year written in
 *   any fiche's `suivi` or any commitment's `suivi` (undefined without any).
 * - `suiviYears(contract)`: every such year, ascending.
 * - `ficheStatut(fiche, annee?)`: the fiche's effective statut (as written,
 *   else the latest suivi year's); at year N, that of the latest suivi year
 *   ≤ N that has one (`a-lancer` before the first), or the fiche's own when
 *   no suivi year gives a statut.
 * - `isLate(contract, fiche, annee?)`: statut `en-retard`, or
 *   `calendrier.fin` earlier than « now » (or N) and the statut is neither
 *   `realise` nor `abandonne`.
 * - `suiviAt(fiche, annee)`: the fiche's suivi year N, if written.
 *
 * Pure, computed once per contract (WeakMap).
 */
import type { Contract, Fiche, FicheStatut, SuiviAnnee } from '../model/index.ts';

const years = new WeakMap<Contract, number[]>();

export function suiviYears(contract: Contract): readonly number[] {
  let list = years.get(contract);
  if (!list) {
    const all = new Set<number>();
    for (const f of contract.fiches) for (const s of f.suivi ?? []) all.add(s.annee);
    for (const e of contract.engagements) for (const s of e.suivi) all.add(s.annee);
    years.set(contract, (list = [...all].sort((a, b) => a - b)));
  }
  return list;
}

export function suiviNow(contract: Contract): number | undefined {
  return suiviYears(contract).at(-1);
}

export function suiviAt(fiche: Fiche, annee: number): SuiviAnnee | undefined {
  return fiche.suivi?.find((s) => s.annee === annee);
}

export function ficheStatut(fiche: Fiche, annee?: number): FicheStatut {
  const dated = (fiche.suivi ?? []).filter((s) => s.statut);
  if (annee === undefined || dated.length === 0) return fiche.statut;
  return dated.filter((s) => s.annee <= annee).at(-1)?.statut ?? 'a-lancer';
}

export function isLate(contract: Contract, fiche: Fiche, annee?: number): boolean {
  const statut = ficheStatut(fiche, annee);
  if (statut === 'en-retard') return true;
  if (statut === 'realise' || statut === 'abandonne') return false;
  const now = annee ?? suiviNow(contract);
  return now !== undefined && fiche.calendrier !== undefined && fiche.calendrier.fin < now;
}
