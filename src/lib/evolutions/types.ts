/**
 * What changed between two versions of a contract, in the contract's own
 * terms: plain data, computed once (compare.ts) and read by the site's
 * page, the print document and the terminal (`npm run evolutions`).
 */

export type ChangeKind = 'ajout' | 'suppression' | 'modification';

/** A run of words of a text excerpt: kept, added or removed. */
export interface WordRun {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/** A changed indicator value (null: statistical secret; undefined: no value). */
export interface ValueChange {
  annee: number;
  territoire: string;
  avant?: number | null | undefined;
  apres?: number | null | undefined;
}

export type Detail =
  /** The element's title. */
  | { type: 'titre'; avant: string; apres: string }
  /** The element now sits under another parent: the parents' labels. */
  | { type: 'deplacement'; avant: string; apres: string }
  /** A field shown as text (statut, porteur, calendrier…); undefined when absent. */
  | { type: 'valeur'; champ: string; avant?: string | undefined; apres?: string | undefined }
  /** An amount in euros (budget total, one funder's amount); undefined when absent. */
  | { type: 'montant'; champ: string; avant?: number | undefined; apres?: number | undefined }
  /** A list whose members changed (quartiers, objectifs). */
  | { type: 'liste'; champ: string; ajouts: string[]; retraits: string[] }
  /** An indicator's values: its new years, and the values that changed in the years both versions have. */
  | { type: 'valeurs'; unite: string; nouvellesAnnees: number[]; anneesRetirees: number[]; modifiees: ValueChange[] }
  /** Other fields that changed, named (« partenaires », « description »), without their values. */
  | { type: 'autres'; champs: string[] }
  /** A text's word-level excerpts around its changes; `autres` counts the changes not shown. */
  | { type: 'texte'; extraits: WordRun[][]; autres: number };

export interface Change {
  change: ChangeKind;
  /** The element's kind and number, as the site names it (« Objectif opérationnel 1.2.3 », « Fiche 4 », « Quartier »). */
  prefix: string;
  titre: string;
  /** Its current page on the site (a path of routes.ts); none when it was removed. */
  path?: string;
  details: Detail[];
}

export type SectionId = 'contrat' | 'orientations' | 'fiches' | 'quartiers' | 'indicateurs' | 'afoms' | 'engagements' | 'chapitres';

export interface Section {
  id: SectionId;
  titre: string;
  changes: Change[];
}

export interface Evolutions {
  /** The version compared with, as the contract was at that ref. */
  depuis: { ref: string; version: string; date: string };
  /** « Évolutions depuis la version 1.0 du 30 juin 2015 ». */
  titre: string;
  /** Only the sections that have changes, in a fixed order. */
  sections: Section[];
}
