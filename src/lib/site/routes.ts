/**
 * Every URL of the site, in one place, relative to the base path. Pages,
 * links and the print documents all call these, so a route changes once.
 * Chapters live under chapitres/ so that no chapter slug can collide with
 * the fixed pages (indicateurs, afom, piliers…).
 */
import type { RefTarget } from '../model/index.ts';

export const routes = {
  home: () => '/',
  cahier1: () => '/diagnostic/',
  chapitre1: (slug: string) => `/diagnostic/chapitres/${slug}/`,
  indicateurs: () => '/diagnostic/indicateurs/',
  indicateur: (id: string) => `/diagnostic/indicateurs/${id}/`,
  afoms: () => '/diagnostic/afom/',
  afom: (id: string) => `/diagnostic/afom/#${anchors.afom(id)}`,
  constat: (id: string) => `/diagnostic/afom/#${anchors.constat(id)}`,
  cahier2: () => '/strategie/',
  chapitre2: (slug: string) => `/strategie/chapitres/${slug}/`,
  pilier: (id: string) => `/strategie/piliers/${id}/`,
  declinaisons: () => '/strategie/quartiers/',
  declinaison: (id: string) => `/strategie/quartiers/${id}/`,
  quartiers: () => '/quartiers/',
  quartier: (id: string) => `/quartiers/${id}/`,
  fiches: () => '/fiches/',
  fiche: (id: string) => `/fiches/${id}/`,
  telechargements: () => '/telechargements/',
  recherche: () => '/recherche/',
  /** What changed since a version (built with DEPUIS). */
  evolutions: () => '/evolutions/',
  imprimerEvolutions: () => '/imprimer/evolutions/',
  imprimerCahier: (n: 1 | 2) => `/imprimer/cahier-${n}/`,
  /** The follow-up (FORMAT-SUIVI): the dashboard and the signatories' commitments. */
  suivi: () => '/suivi/',
  engagements: () => '/suivi/engagements/',
  /** The annual reports (FORMAT-SUIVI): their list, one report, its print document. */
  rapports: () => '/rapports/',
  rapport: (annee: number) => `/rapports/${annee}/`,
  /** One part of a report on the site: `partie-moyens`, `chapitre-<slug>` (render/rapport.ts `partId`). */
  rapportPartie: (annee: number, id: string) => `/rapports/${annee}/${id}/`,
  imprimerRapport: (annee: number) => `/imprimer/rapport-${annee}/`,
  /** The causal tree as an SVG file: `contrat` for the whole tree, `pilier-<id>` for one. */
  arbreSvg: (key: string) => `/figures/arbre-${key}.svg`,
} as const;

/** Fragment ids inside pages, prefixed so they never collide with heading ids. */
export const anchors = {
  afom: (id: string) => `afom-${id}`,
  constat: (id: string) => `constat-${id}`,
  enjeu: (id: string) => `enjeu-${id}`,
  axe: (id: string) => `axe-${id}`,
  objectif: (id: string) => `objectif-${id}`,
} as const;

/** Prefixes a site path with the base path (`/contrat-de-ville/`), never doubling slashes. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Where a `:ref` (or any reference to an entity) points, given the pilier of tree nodes. */
export function targetPath(target: RefTarget, pilierOf: (id: string) => string | undefined): string {
  switch (target.kind) {
    case 'pilier':
      return routes.pilier(target.id);
    case 'enjeu':
    case 'axe':
    case 'objectif':
      return `${routes.pilier(pilierOf(target.id) ?? '')}#${anchors[target.kind](target.id)}`;
    case 'fiche':
      return routes.fiche(target.id);
    case 'quartier':
      return routes.quartier(target.id);
    case 'indicateur':
      return routes.indicateur(target.id);
    case 'afom':
      return routes.afom(target.id);
    case 'constat':
      return routes.constat(target.id);
  }
}
