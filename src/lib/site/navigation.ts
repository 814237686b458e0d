/**
 * The reading order of each cahier on the site (its table of contents and
 * previous/next links), computed from the model.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract } from '../model/index.ts';
import { pluralize } from '../plural.ts';
import { routes } from './routes.ts';

export interface NavEntry {
  path: string;
  title: string;
  /** Shown before the title in the table of contents, e.g. "Pilier 2". */
  kicker?: string;
}

export type Cahier = 1 | 2;

export function cahierSequence(contract: Contract, cahier: Cahier): NavEntry[] {
  const { libelles } = contract.contrat;
  if (cahier === 1) {
    return [
      { path: routes.cahier1(), title: fr.cahier1Titre, kicker: fr.cahier1 },
      ...contract.cahier1.map((c) => ({ path: routes.chapitre1(c.slug), title: c.titre })),
      ...(contract.indicateurs.length ? [{ path: routes.indicateurs(), title: fr.indicateurs }] : []),
      ...(contract.afoms.length ? [{ path: routes.afoms(), title: fr.afom }] : []),
    ];
  }
  return [
    { path: routes.cahier2(), title: fr.cahier2Titre, kicker: fr.cahier2 },
    ...contract.cahier2.map((c) => ({ path: routes.chapitre2(c.slug), title: c.titre })),
    ...contract.piliers.map((p) => ({ path: routes.pilier(p.id), title: p.titre, kicker: `${libelles.pilier} ${p.numero}` })),
    ...(contract.quartiers.some((q) => q.declinaison) ? [{ path: routes.declinaisons(), title: declinaisonsTitle(contract) }] : []),
    ...contract.quartiers.filter((q) => q.declinaison).map((q) => ({ path: routes.declinaison(q.id), title: q.nom, kicker: declinaisonsTitle(contract) })),
    { path: routes.fiches(), title: fr.fichesProjets },
  ];
}

export function prevNext(sequence: readonly NavEntry[], path: string): { prev?: NavEntry; next?: NavEntry } {
  const i = sequence.findIndex((e) => e.path === path);
  if (i < 0) return {};
  return { ...(i > 0 ? { prev: sequence[i - 1]! } : {}), ...(i < sequence.length - 1 ? { next: sequence[i + 1]! } : {}) };
}

/** "Enjeux par quartier"; a contract without the enjeux level declines its objectifs instead. */
export function declinaisonsTitle(contract: Contract): string {
  const withEnjeux = contract.piliers.some((p) => p.enjeux.length > 0);
  return withEnjeux ? `${pluralize(contract.contrat.libelles.enjeu)} par quartier` : 'Déclinaison par quartier';
}

/** "Piliers, enjeux et objectifs opérationnels", without the levels the contract does not have. */
export function treeLevelsTitle(contract: Contract): string {
  const l = contract.contrat.libelles;
  const levels = [pluralize(l.pilier), ...(contract.piliers.some((p) => p.enjeux.length > 0) ? [pluralize(l.enjeu).toLowerCase()] : []), pluralize(l.objectif).toLowerCase()];
  return `${levels.slice(0, -1).join(', ')} et ${levels.at(-1)}`;
}
