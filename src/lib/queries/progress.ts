/**
 * Progress towards targets (FORMAT-SUIVI), judged by the direction that is
 * favourable. A secret value (null) stays a secret: `secret: true`, no
 * ratio, never 0.
 *
 * - `ciblesOf(contract)`: every objectif's figured target, in tree order.
 * - `cibleProgress(contract, cible, annee?)`: reference (as written, else the
 *   indicator's earliest non-null value for the territory) → latest value
 *   of a year ≤ N (no N: the latest) → target; `ratio` =
 *   (latest − reference) / (target − reference) when all are numbers and
 *   target ≠ reference.
 * - `ficheIndicateurProgress(fiche, id, annee?)`: a fiche indicator's values
 *   from its suivi (years ≤ N), the latest, and `ratio` =
 *   (value − valeur_initiale) / (cible − valeur_initiale) when all are
 *   numbers and cible ≠ valeur_initiale; a text `cible` is given as is.
 * - `jugement(sens, from, to)`: `favorable`, `defavorable` or `neutre`
 *   (sens `neutre`, or no movement).
 */
import type { Cible, Contract, Fiche, Indicateur, Objectif } from '../model/index.ts';
import type { FicheIndicateur } from '../model/schemas/fiche.ts';
import { lookupOf, objectifsOf } from './lookup.ts';

export type Sens = 'hausse-favorable' | 'baisse-favorable' | 'neutre';
export type Jugement = 'favorable' | 'defavorable' | 'neutre';

export interface Point {
  annee: number;
  /** null: statistical secret. */
  valeur: number | null;
}

export interface CibleProgress {
  /** The objectif that sets the target (absent for a cible not taken from the contract). */
  objectif?: Objectif;
  cible: Cible;
  indicateur?: Indicateur;
  reference?: { annee: number; valeur: number };
  /** Latest value of a year ≤ N for the territory. */
  derniere?: Point;
  ratio?: number;
  /** The movement from reference to latest value; absent without both numbers. */
  jugement?: Jugement;
  /** The latest value is a secret. */
  secret: boolean;
}

export interface FicheIndicateurProgress {
  indicateur: FicheIndicateur;
  /** Values written in the suivi for years ≤ N, ascending. */
  valeurs: Point[];
  derniere?: Point;
  ratio?: number;
  jugement?: Jugement;
  secret: boolean;
}

export function jugement(sens: Sens | undefined, from: number, to: number): Jugement {
  if (!sens || sens === 'neutre' || from === to) return 'neutre';
  return (to > from) === (sens === 'hausse-favorable') ? 'favorable' : 'defavorable';
}

const cibles = new WeakMap<Contract, { objectif: Objectif; cible: Cible }[]>();

export function ciblesOf(contract: Contract): readonly { objectif: Objectif; cible: Cible }[] {
  let list = cibles.get(contract);
  if (!list) cibles.set(contract, (list = objectifsOf(contract.piliers).flatMap((objectif) => (objectif.cibles ?? []).map((cible) => ({ objectif, cible })))));
  return list;
}

export function cibleProgress(contract: Contract, cible: Cible, annee?: number): CibleProgress {
  const objectif = ciblesOf(contract).find((c) => c.cible === cible)?.objectif;
  const indicateur = lookupOf(contract).indicateur.get(cible.indicateur);
  const found = indicateur?.valeurs.filter((v) => v.territoire === cible.territoire && (annee === undefined || v.annee <= annee)).at(-1);
  const derniere = found ? { annee: found.annee, valeur: found.valeur } : undefined;
  const reference = cible.reference;
  const progress: CibleProgress = {
    ...(objectif ? { objectif } : {}),
    cible,
    ...(indicateur ? { indicateur } : {}),
    ...(reference ? { reference } : {}),
    ...(derniere ? { derniere } : {}),
    secret: derniere?.valeur === null,
  };
  if (reference && derniere && derniere.valeur !== null) {
    progress.jugement = jugement(indicateur?.sens, reference.valeur, derniere.valeur);
    if (cible.valeur !== reference.valeur) progress.ratio = ratio(derniere.valeur - reference.valeur, cible.valeur - reference.valeur);
  }
  return progress;
}

export function ficheIndicateurProgress(fiche: Fiche, id: string, annee?: number): FicheIndicateurProgress | undefined {
  const indicateur = fiche.indicateurs.find((i) => i.id === id);
  if (!indicateur) return undefined;
  const valeurs = (fiche.suivi ?? [])
    .filter((s) => (annee === undefined || s.annee <= annee) && Object.hasOwn(s.valeurs, id))
    .map((s) => ({ annee: s.annee, valeur: s.valeurs[id]! }));
  const derniere = valeurs.at(-1);
  const progress: FicheIndicateurProgress = { indicateur, valeurs, ...(derniere ? { derniere } : {}), secret: derniere?.valeur === null };
  const initiale = indicateur.valeur_initiale;
  if (derniere && derniere.valeur !== null && initiale !== undefined) {
    progress.jugement = jugement(indicateur.sens, initiale, derniere.valeur);
    if (typeof indicateur.cible === 'number' && indicateur.cible !== initiale) progress.ratio = ratio(derniere.valeur - initiale, indicateur.cible - initiale);
  }
  return progress;
}

/** No « -0 % » when nothing moved. */
function ratio(done: number, total: number): number {
  return done / total + 0;
}
