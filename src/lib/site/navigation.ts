/**
 * The reading order of each cahier on the site (its table of contents and
 * previous/next links), computed from the model.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract } from '../model/index.ts';
import { declinaisonsTitle, declinedQuartiers, entityLabel, labelText } from '../queries/index.ts';
import { routes } from './routes.ts';

export interface NavEntry {
  path: string;
  title: string;
  /** Shown before the title in the table of contents, e.g. "Pilier 2". */
  kicker?: string;
}

export type Cahier = 1 | 2;

/** A step of the breadcrumbs. */
export interface Crumb {
  /** A site path from routes.ts. */
  href: string;
  label: string;
}

export function cahierSequence(contract: Contract, cahier: Cahier): NavEntry[] {
  if (cahier === 1) {
    return [
      { path: routes.cahier1(), title: fr.cahier1Titre, kicker: fr.cahier1 },
      ...contract.cahier1.map((c) => ({ path: routes.chapitre1(c.slug), title: c.titre })),
      ...(contract.indicateurs.length ? [{ path: routes.indicateurs(), title: fr.indicateurs }] : []),
      ...(contract.afoms.length ? [{ path: routes.afoms(), title: fr.afom }] : []),
    ];
  }
  const declined = declinedQuartiers(contract);
  return [
    { path: routes.cahier2(), title: fr.cahier2Titre, kicker: fr.cahier2 },
    ...contract.cahier2.map((c) => ({ path: routes.chapitre2(c.slug), title: c.titre })),
    ...contract.piliers.map((p) => ({ path: routes.pilier(p.id), title: p.titre, kicker: entityLabel(contract, { kind: 'pilier', id: p.id }).prefix })),
    ...(declined.length ? [{ path: routes.declinaisons(), title: declinaisonsTitle(contract) }] : []),
    ...declined.map((q) => ({ path: routes.declinaison(q.id), title: q.nom, kicker: declinaisonsTitle(contract) })),
    { path: routes.fiches(), title: fr.fichesProjets },
  ];
}

/** The fiches in their numbered order, named as their previous/next links name them. */
export function ficheSequence(contract: Contract): NavEntry[] {
  return contract.fiches.map((f) => ({ path: routes.fiche(f.id), title: labelText(entityLabel(contract, { kind: 'fiche', id: f.id })) }));
}

export function prevNext(sequence: readonly NavEntry[], path: string): { prev?: NavEntry; next?: NavEntry } {
  const i = sequence.findIndex((e) => e.path === path);
  if (i < 0) return {};
  return { ...(i > 0 ? { prev: sequence[i - 1]! } : {}), ...(i < sequence.length - 1 ? { next: sequence[i + 1]! } : {}) };
}
