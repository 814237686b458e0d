/**
 * The follow-up's clock and statuses (FORMAT-SUIVI « Fiche »).
 *
 * - `suiviNow(contract)`: the contract's « now », the latest year written in
 *   any fiche's `suivi` or any commitment's `suivi` (undefined without any).
 * - `suiviYears(contract)`: every such year, ascending.
 * - `ficheStatut(fiche, annee?)`: the fiche's effective statut; at year N,
 *   that of the latest suivi year ≤ N that has one (`a-lancer` when the
 *   fiche has a suivi but none yet; the fiche's own when it has no suivi).
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
  if (annee === undefined || !fiche.suivi) return fiche.statut;
  const last = fiche.suivi.filter((s) => s.annee <= annee && s.statut).at(-1);
  return last?.statut ?? 'a-lancer';
}

export function isLate(contract: Contract, fiche: Fiche, annee?: number): boolean {
  const statut = ficheStatut(fiche, annee);
  if (statut === 'en-retard') return true;
  if (statut === 'realise' || statut === 'abandonne') return false;
  const now = annee ?? suiviNow(contract);
  return now !== undefined && fiche.calendrier !== undefined && fiche.calendrier.fin < now;
}
