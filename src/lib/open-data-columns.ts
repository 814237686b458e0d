/**
 * The one description of the open data tables: each column's name (snake_case,
 * the same in CSV, XLSX and JSON), its French label (the XLSX header), its
 * type (how each format writes a value) and what it holds. The CSV header,
 * the XLSX sheets, the JSON records and the README tables are all read from
 * here, so a column is never described twice. The order of the columns is
 * fixed, so that files diff cleanly between versions.
 */

import { ENGAGEMENT_STATUTS, FICHE_STATUTS } from './model/schemas/suivi.ts';

/** Each table is published in these formats, the XLSX first: the one to open in a spreadsheet. */
export const OPEN_DATA_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/**
 * - `liste`: joined with « | » in CSV and XLSX, an array in JSON;
 * - `annee`, `entier`: integers (an XLSX year is shown without a thousands separator);
 * - `nombre`: decimal point in CSV and JSON, a number cell in XLSX;
 * - `euros`: a number of euros; `part`: a share between 0 and 1 (a percentage in XLSX);
 * - `booleen`: `true` / `false` in CSV and JSON, a logical cell (VRAI / FAUX) in XLSX.
 */
export type ColumnType = 'texte' | 'liste' | 'entier' | 'annee' | 'nombre' | 'euros' | 'part' | 'booleen';

export interface Column {
  /** snake_case: the CSV header, the JSON key, the second XLSX sheet's technical name. */
  nom: string;
  /** The XLSX header: readable French. */
  libelle: string;
  type: ColumnType;
  description: string;
}

export interface TableSpec {
  /** The file name without extension: `fiches` gives fiches.csv, fiches.xlsx, fiches.json. */
  nom: string;
  /** The title of the table (XLSX sheet name: at most 31 characters). */
  titre: string;
  /** What one row is, completing « une ligne par… ». */
  ligne: string;
  colonnes: readonly Column[];
}

/** How each type is named in the documentation (README, second XLSX sheet, JSON). */
export const TYPE_LABELS: Record<ColumnType, string> = {
  texte: 'texte',
  liste: 'liste',
  entier: 'entier',
  annee: 'année',
  nombre: 'nombre',
  euros: 'euros',
  part: 'part (0 à 1)',
  booleen: 'booléen',
};

const col = (nom: string, libelle: string, type: ColumnType, description: string): Column => ({ nom, libelle, type, description });

export const FICHES_TABLE: TableSpec = {
  nom: 'fiches',
  titre: 'Fiches projets',
  ligne: 'fiche projet',
  colonnes: [
    col('id', 'Identifiant', 'texte', 'identifiant de la fiche (le nom de son fichier)'),
    col('numero', 'Numéro', 'entier', 'numéro d’ordre de la fiche dans l’arbre des objectifs'),
    col('titre', 'Titre', 'texte', 'titre de la fiche'),
    col('statut', 'Statut', 'texte', oneOf(FICHE_STATUTS)),
    col('piliers', 'Piliers', 'liste', 'identifiants des piliers, déduits des objectifs'),
    col('objectifs', 'Objectifs', 'liste', 'identifiants des objectifs opérationnels'),
    col('objectifs_numeros', 'Numéros des objectifs', 'liste', 'numéros des objectifs (`1.2.3`), dans l’ordre de `objectifs`'),
    col('quartiers', 'Quartiers', 'liste', 'identifiants des quartiers concernés'),
    col('tous_quartiers', 'Tous les quartiers', 'booleen', 'vrai si la fiche vise tous les quartiers'),
    col('axes_transversaux', 'Axes transversaux', 'liste', 'identifiants des axes transversaux'),
    col('porteur', 'Porteur', 'texte', 'structure porteuse, telle qu’écrite dans la fiche'),
    col('pilote_nom', 'Pilote (nom)', 'texte', 'nom du pilote'),
    col('pilote_service', 'Pilote (service)', 'texte', 'service du pilote'),
    col('pilote_contact', 'Pilote (contact)', 'texte', 'contact du pilote'),
    col('partenaires', 'Partenaires', 'liste', 'partenaires, tels qu’écrits dans la fiche'),
    col('public', 'Public visé', 'texte', 'public visé, tel qu’écrit dans la fiche'),
    col('calendrier_debut', 'Année de début', 'annee', 'année de début de l’action'),
    col('calendrier_fin', 'Année de fin', 'annee', 'année de fin de l’action'),
    col('budget_total', 'Budget total (€)', 'euros', 'coût total de l’action'),
    col('financements', 'Financements', 'liste', '`financeur: montant` par financeur (le détail est dans la table `financements`)'),
  ],
};

export const INDICATEURS_TABLE: TableSpec = {
  nom: 'indicateurs',
  titre: 'Indicateurs',
  ligne: 'valeur d’un indicateur, pour un territoire et une année',
  colonnes: [
    col('indicateur', 'Indicateur', 'texte', 'identifiant de l’indicateur'),
    col('titre', 'Titre de l’indicateur', 'texte', 'titre de l’indicateur'),
    col('unite', 'Unité', 'texte', 'unité de la valeur (`%`, `€`, `hab.`…)'),
    col('source', 'Source', 'texte', 'source de l’indicateur'),
    col('annee', 'Année', 'annee', 'année de la valeur'),
    col('territoire', 'Territoire', 'texte', 'identifiant du territoire'),
    col('territoire_nom', 'Nom du territoire', 'texte', 'nom du territoire'),
    col('territoire_type', 'Type de territoire', 'texte', '`quartier`, `commune`, `epci`, `departement`, `region` ou `pays`'),
    col('territoire_code', 'Code du territoire', 'texte', 'code officiel du territoire (Insee, SIREN…), s’il est donné'),
    col('valeur', 'Valeur', 'nombre', 'la valeur, dans l’unité de l’indicateur ; vide en cas de secret statistique'),
    col('secret_statistique', 'Secret statistique', 'booleen', 'vrai si la valeur est couverte par le secret statistique'),
  ],
};

export const FINANCEMENTS_TABLE: TableSpec = {
  nom: 'financements',
  titre: 'Financements',
  ligne: 'financeur d’une fiche projet',
  colonnes: [
    col('fiche', 'Fiche', 'texte', 'identifiant de la fiche (colonne `id` de la table `fiches`)'),
    col('numero', 'Numéro de la fiche', 'entier', 'numéro d’ordre de la fiche'),
    col('titre', 'Titre de la fiche', 'texte', 'titre de la fiche'),
    col('porteur', 'Porteur', 'texte', 'structure porteuse de la fiche'),
    col('financeur', 'Financeur', 'texte', 'financeur, tel qu’écrit dans la fiche'),
    col('montant', 'Montant (€)', 'euros', 'montant apporté par ce financeur'),
    col('budget_total', 'Budget total de la fiche (€)', 'euros', 'coût total de la fiche : les montants de ses lignes en font la somme'),
    col('part', 'Part du budget', 'part', 'montant rapporté au budget total, arrondi au dix-millième ; vide si le budget total est nul'),
  ],
};

export const SUIVI_TABLE: TableSpec = {
  nom: 'suivi',
  titre: 'Suivi des fiches',
  ligne: 'fiche, année de suivi et financeur (une année sans financeur donne une ligne au financeur vide)',
  colonnes: [
    col('fiche', 'Fiche', 'texte', 'identifiant de la fiche (colonne `id` de la table `fiches`)'),
    col('numero', 'Numéro de la fiche', 'entier', 'numéro d’ordre de la fiche'),
    col('titre', 'Titre de la fiche', 'texte', 'titre de la fiche'),
    col('pilier', 'Pilier', 'texte', 'identifiant du pilier du premier objectif de la fiche : les piliers totalisent l’ensemble'),
    col('annee', 'Année', 'annee', 'année de la programmation suivie'),
    col('statut', 'Statut', 'texte', `statut de la fiche à la fin de l’année : ${oneOf(FICHE_STATUTS)}`),
    col('en_retard', 'En retard', 'booleen', 'vrai si la fiche est en retard cette année-là (statut `en-retard`, ou calendrier achevé avant l’année sans être réalisée ni abandonnée)'),
    col('avancement', 'Avancement', 'part', 'avancement de la fiche cette année-là, de 0 à 1 ; vide s’il n’est pas renseigné'),
    col('financeur', 'Financeur', 'texte', 'financeur, écrit comme dans le budget de la fiche s’il y figure ; vide pour une année sans financement'),
    col('prevu', 'Programmé (€)', 'euros', 'montant programmé par ce financeur cette année-là'),
    col('engage', 'Engagé (€)', 'euros', 'montant engagé (convention signée, subvention attribuée)'),
    col('realise', 'Versé (€)', 'euros', 'montant versé à ce jour sur la programmation de l’année'),
    col('dossiers', 'Dossiers', 'liste', 'références des dossiers de subvention de l’année'),
  ],
};

export const ENGAGEMENTS_TABLE: TableSpec = {
  nom: 'engagements',
  titre: 'Engagements des signataires',
  ligne: 'engagement d’un signataire et année de suivi (un engagement sans suivi donne une ligne à l’année vide)',
  colonnes: [
    col('id', 'Identifiant', 'texte', 'identifiant de l’engagement'),
    col('signataire', 'Signataire', 'texte', 'signataire qui s’engage, tel que nommé dans le contrat'),
    col('engagement', 'Engagement', 'texte', 'l’engagement, en une phrase'),
    col('objectifs', 'Objectifs', 'liste', 'identifiants des objectifs opérationnels servis'),
    col('quartiers', 'Quartiers', 'liste', 'identifiants des quartiers concernés'),
    col('tous_quartiers', 'Tous les quartiers', 'booleen', 'vrai si l’engagement vise tous les quartiers'),
    col('annee', 'Année', 'annee', 'année de suivi'),
    col('statut', 'Statut', 'texte', oneOf(ENGAGEMENT_STATUTS)),
    col('commentaire', 'Commentaire', 'texte', 'commentaire de l’année'),
  ],
};

/** « `a`, `b` ou `c` »: the values a column takes, from the list the model checks them against. */
function oneOf(values: readonly string[]): string {
  const coded = values.map((v) => `\`${v}\``);
  return `${coded.slice(0, -1).join(', ')} ou ${coded.at(-1)}`;
}

/** A description without its Markdown code marks, for the XLSX and JSON. */
export function plainDescription(c: Column): string {
  return c.description.replaceAll('`', '');
}

/** The README's table of a table's columns: one Markdown row per column. */
export function columnsMarkdown(table: TableSpec): string {
  const escape = (s: string) => s.replaceAll('|', '\\|');
  return [
    '| colonne | libellé (XLSX) | type | contenu |',
    '|---|---|---|---|',
    ...table.colonnes.map((c) => `| \`${c.nom}\` | ${escape(c.libelle)} | ${TYPE_LABELS[c.type]} | ${escape(c.description)} |`),
  ].join('\n');
}
