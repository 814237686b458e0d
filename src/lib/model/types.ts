/**
 * The resolved contract's types: plain data (ids, not object links), so it
 * serialises as it is for open data and the dev overlay. Each is derived
 * from its kind's schema in kinds/ (what the author writes, with its
 * defaults) plus what resolution adds; none is written twice.
 */
export type { Contract } from './resolve.ts';
export type { Body } from './bodies.ts';
export type { Contrat } from './kinds/contrat.ts';
export type { Territoire } from './kinds/territoires.ts';
export type { Quartier } from './kinds/quartier.ts';
export type { Declinaison } from './kinds/declinaison.ts';
export type { Indicateur, Valeur } from './kinds/indicateur.ts';
export type { Afom, AfomItem } from './kinds/afom.ts';
export type { Chapitre } from './kinds/chapitre.ts';
export type { Fiche } from './kinds/fiche.ts';
export type { SuiviAnnee, SuiviFinancement } from './fiche-suivi.ts';
export type { Engagement } from './kinds/engagements.ts';
export type { FicheStatut, EngagementStatut } from './schemas/suivi.ts';
export type { Rapport } from './kinds/rapport.ts';
export type { RapportChapitre } from './kinds/rapport-chapitre.ts';
export type { Avis } from './kinds/avis.ts';
export type { Axe, Cible, Enjeu, Objectif, Pilier } from './tree.ts';

export type RefKind = 'pilier' | 'enjeu' | 'axe' | 'objectif' | 'fiche' | 'quartier' | 'indicateur' | 'afom' | 'constat';
export const REF_KINDS: readonly RefKind[] = ['pilier', 'enjeu', 'axe', 'objectif', 'fiche', 'quartier', 'indicateur', 'afom', 'constat'];

export type Position = [number, number];
export type GeoGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Where a `:ref` points once resolved. */
export interface RefTarget {
  kind: RefKind;
  id: string;
}
