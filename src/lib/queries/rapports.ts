/**
 * The annual report (FORMAT-SUIVI « The annual report »), as the site and
 * the print document read it.
 *
 * - `rapportParts(rapport)`: the generated parts (ranks 10 to 70) and the
 *   authored chapters, in the report's order; a chapter whose `ordre`
 *   equals a part's rank follows that part.
 * - `consultationRows(contract, rapport)`: every consulted body (conseils
 *   citoyens of the quartiers prioritaires, conseils municipaux of their
 *   communes) with its opinion, or what stands for one: « réputé
 *   favorable » once the tacit rule applies, else awaited (before the
 *   adoption) or none; then the opinions of other bodies.
 * - `fichesOfYear(contract, annee)`: the fiches with a suivi for year N, by
 *   pilier and objectif, each under its first objectif (as the money is).
 */
import { avisTerritoire, consultedBodies, type ConsultedType } from '../model/consultation.ts';
import type { Avis, Contract, Fiche, Objectif, Pilier, Rapport, RapportChapitre } from '../model/index.ts';
import { lookupOf, objectifsOf } from './lookup.ts';
import { suiviAt } from './suivi.ts';

/** The generated parts, by their fixed rank. */
export const PARTIES = { orientations: 10, quartiers: 20, actions: 30, moyens: 40, engagements: 50, avis: 60, deliberation: 70 } as const;
export type Partie = keyof typeof PARTIES;

export type RapportPart = { partie: Partie } | { chapitre: RapportChapitre };

export function rapportParts(rapport: Rapport): RapportPart[] {
  const parts: (RapportPart & { rang: number; tie: number })[] = [
    ...(Object.entries(PARTIES) as [Partie, number][]).map(([partie, rang]) => ({ partie, rang, tie: 0 })),
    ...rapport.chapitres.map((chapitre, i) => ({ chapitre, rang: chapitre.ordre, tie: 1 + i })),
  ];
  return parts.sort((a, b) => a.rang - b.rang || a.tie - b.tie).map((p) => ('partie' in p ? { partie: p.partie } : { chapitre: p.chapitre }));
}

export function rapportOf(contract: Contract, annee: number): Rapport | undefined {
  return contract.rapports.find((r) => r.annee === annee);
}

/** The décret's rule: adopted on or after the end of the consultation, a body that did not answer is deemed favourable. */
export function tacitApplies(rapport: Rapport): boolean {
  return rapport.etat === 'adopte' && !!rapport.deliberation && !!rapport.consultation && rapport.deliberation.date >= rapport.consultation.fin;
}

/** `avis`: written; `tacite`: « avis réputé favorable »; `attendu`: the consultation runs; `sans-avis`: adopted before the consultation's end. */
export type ConsultationStatut = 'avis' | 'tacite' | 'attendu' | 'sans-avis';

export interface ConsultationRow {
  instance: string;
  type: ConsultedType | 'autre';
  /** The quartier or commune the body speaks for. */
  territoire?: string;
  avis?: Avis;
  statut: ConsultationStatut;
}

export function consultationRows(contract: Contract, rapport: Rapport): ConsultationRow[] {
  const silent: ConsultationStatut = tacitApplies(rapport) ? 'tacite' : rapport.etat === 'adopte' ? 'sans-avis' : 'attendu';
  const bodies = consultedBodies(contract.quartiers, contract.territoires);
  const rows = bodies.map((b): ConsultationRow => {
    // The latest opinion of the body counts (avis-double warns of the others).
    const avis = rapport.avis.filter((a) => a.type === b.type && avisTerritoire(a) === b.territoire).at(-1);
    return avis ? { instance: avis.instance, type: b.type, territoire: b.territoire, avis, statut: 'avis' } : { instance: b.instance, type: b.type, territoire: b.territoire, statut: silent };
  });
  const consulted = (a: Avis) => bodies.some((b) => b.type === a.type && b.territoire === avisTerritoire(a));
  const others = rapport.avis.filter((a) => !consulted(a)).map((a): ConsultationRow => ({ instance: a.instance, type: a.type, avis: a, statut: 'avis' }));
  return [...rows, ...others];
}

export interface ObjectifActions {
  objectif: Objectif;
  fiches: Fiche[];
}

export interface PilierActions {
  pilier: Pilier;
  objectifs: ObjectifActions[];
}

/** The fiches followed in year N, each under its first objectif, in tree order; piliers and objectifs without any are left out. */
export function fichesOfYear(contract: Contract, annee: number): PilierActions[] {
  const objectif = lookupOf(contract).objectif;
  const followed = contract.fiches.filter((f) => suiviAt(f, annee) !== undefined);
  return contract.piliers.flatMap((pilier) => {
    const objectifs = objectifsOf([pilier]).flatMap((o) => {
      const fiches = followed.filter((f) => f.objectifs[0] === o.id && objectif.has(o.id));
      return fiches.length ? [{ objectif: o, fiches }] : [];
    });
    return objectifs.length ? [{ pilier, objectifs }] : [];
  });
}
