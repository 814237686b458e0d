/**
 * The resolved contract: validated, references checked, numbers computed.
 * Plain data (ids, not object links), so it serialises as it is for open
 * data and the dev overlay. The site and the print documents read only this.
 */
import type { Root } from 'mdast';
import type { AfomQuadrant } from './schemas/afom.ts';
import type { AxeTransversal, Libelles, Signataire } from './schemas/contrat.ts';
import type { FicheInput, FicheStatut } from './schemas/fiche.ts';
import type { TERRITOIRE_TYPES } from './schemas/territoires.ts';

export type RefKind = 'pilier' | 'enjeu' | 'axe' | 'objectif' | 'fiche' | 'quartier' | 'indicateur' | 'afom' | 'constat';
export const REF_KINDS: readonly RefKind[] = ['pilier', 'enjeu', 'axe', 'objectif', 'fiche', 'quartier', 'indicateur', 'afom', 'constat'];

/** A Markdown body, its directives checked and each `:ref` resolved (see `data.target` on the node). */
export interface Body {
  file: string;
  root: Root;
}

export interface Contrat {
  titre: string;
  sous_titre?: string;
  territoire: string;
  periode: { debut: number; fin: number };
  statut: 'projet' | 'signe';
  version: string;
  date: string;
  maitre_ouvrage: string;
  redaction: string[];
  libelles: Libelles;
  axes_transversaux: AxeTransversal[];
  signataires: Signataire[];
  licence: string;
}

export interface Territoire {
  id: string;
  nom: string;
  type: (typeof TERRITOIRE_TYPES)[number] | 'quartier';
  code?: string;
}

export interface Quartier {
  id: string;
  nom: string;
  code?: string;
  commune: string;
  population?: number;
  annee_population?: number;
  /** The outline as parsed GeoJSON geometries (Polygon / MultiPolygon), EPSG:4326. */
  contour?: GeoGeometry[];
  categorie: 'prioritaire' | 'veille';
  renouvellement_urbain: boolean;
  portrait: Body;
  declinaison?: Declinaison;
}

export type Position = [number, number];
export type GeoGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface Declinaison {
  quartier: string;
  priorites: string[];
  body: Body;
}

export interface Valeur {
  annee: number;
  territoire: string;
  valeur: number | null;
}

export interface Indicateur {
  id: string;
  titre: string;
  unite: string;
  theme?: string;
  source: string;
  definition?: string;
  sens: 'hausse-favorable' | 'baisse-favorable' | 'neutre';
  /** Sorted by year, then by territory in the order they were written. */
  valeurs: Valeur[];
  annees: number[];
  territoires: string[];
}

export interface AfomItem {
  texte: string;
  id?: string;
  indicateurs: string[];
  /** Enjeux that cite this item as a constat. */
  enjeux: string[];
}

export interface Afom {
  id: string;
  titre: string;
  pilier?: string;
  quartier?: string;
  quadrants: Record<AfomQuadrant, AfomItem[]>;
}

export interface Chapitre {
  slug: string;
  titre: string;
  ordre: number;
  body: Body;
}

export interface Objectif {
  id: string;
  titre: string;
  numero: string;
  pilier: string;
  enjeu?: string;
  axe: string;
  indicateurs: string[];
}

export interface Axe {
  id: string;
  titre: string;
  numero: string;
  pilier: string;
  enjeu?: string;
  objectifs: Objectif[];
}

export interface Enjeu {
  id: string;
  titre: string;
  numero: string;
  pilier: string;
  constats: string[];
  axes: Axe[];
}

export interface Pilier {
  id: string;
  titre: string;
  numero: string;
  /** Empty when the contract has no enjeux level under this pilier. */
  enjeux: Enjeu[];
  /** Every axe of the pilier, in tree order, whether under an enjeu or not. */
  axes: Axe[];
}

export interface Fiche {
  id: string;
  /** 1-based, in tree order of the first objectif. */
  numero: number;
  titre: string;
  objectifs: string[];
  /** Derived from the objectifs, in tree order. */
  piliers: string[];
  /** `tous` expanded to every quartier; `tousQuartiers` says it was written so. */
  quartiers: string[];
  tousQuartiers: boolean;
  axes_transversaux: string[];
  porteur: string;
  pilote?: FicheInput['pilote'];
  partenaires: string[];
  public?: string;
  calendrier?: { debut: number; fin: number };
  budget?: { total: number; financements: { financeur: string; montant: number }[] };
  indicateurs: { libelle: string; cible?: string | number; indicateur?: string }[];
  statut: FicheStatut;
  body: Body;
}

export interface Contract {
  contrat: Contrat;
  territoires: Territoire[];
  quartiers: Quartier[];
  indicateurs: Indicateur[];
  afoms: Afom[];
  cahier1: Chapitre[];
  cahier2: Chapitre[];
  piliers: Pilier[];
  fiches: Fiche[];
  /** Files under medias/ the site must publish: images of the bodies, signataires' logos. */
  medias: string[];
}

/** Where a `:ref` points once resolved. */
export interface RefTarget {
  kind: RefKind;
  id: string;
}
