/**
 * The columns of an annual programmation, recognised by their names as
 * French spreadsheets write them: « Montant programmé (€) », « N° dossier »,
 * « Intitulé de l’action »… Names are compared once reduced to their words
 * (no case, accents, punctuation, articles or unit), so one alias covers
 * « Montant programmé », « montant_programme » and « MONTANT PROGRAMMÉ € ».
 */
import { normalizeTitle } from '../../model/ids.ts';
import { cellText, type Column, type Row } from '../table.ts';

export type Role = 'fiche' | 'titre' | 'financeur' | 'prevu' | 'engage' | 'realise' | 'dossier' | 'annee';

/** Aliases of each role, as reduced by `columnKey`. The guide (docs/suivi.md, « Importer la programmation annuelle ») lists them in this order; a test keeps both in step. */
export const ALIASES: Readonly<Record<Role, readonly string[]>> = {
  fiche: ['fiche', 'id_fiche', 'identifiant_fiche', 'code_fiche', 'ref_fiche', 'reference_fiche', 'n_fiche', 'numero_fiche', 'fiche_action', 'fiche_projet'],
  titre: ['action', 'intitule', 'intitule_action', 'intitule_fiche', 'intitule_projet', 'libelle', 'libelle_action', 'titre', 'titre_fiche', 'titre_action', 'nom_action', 'projet', 'nom_projet'],
  financeur: ['financeur', 'financeurs', 'cofinanceur', 'organisme_financeur', 'partenaire_financeur', 'source_financement'],
  prevu: ['programme', 'montant_programme', 'montant_programmation', 'prevu', 'montant_prevu', 'propose', 'montant_propose'],
  engage: ['engage', 'montant_engage', 'accorde', 'montant_accorde', 'attribue', 'montant_attribue', 'notifie', 'montant_notifie', 'subvention_accordee'],
  realise: ['paye', 'montant_paye', 'realise', 'montant_realise', 'verse', 'montant_verse', 'mandate', 'montant_mandate', 'paiement', 'paiements'],
  dossier: ['dossier', 'dossiers', 'n_dossier', 'numero_dossier', 'num_dossier', 'no_dossier', 'ref_dossier', 'reference_dossier', 'dossier_subvention', 'n_dossier_subvention', 'dossier_dauphin', 'n_dauphin', 'dauphin'],
  annee: ['annee', 'exercice', 'annee_programmation', 'millesime'],
};

/** Words that never tell two columns apart. */
const NOISE = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'en', 'eur', 'euro', 'euros', 'ttc', 'ht']);

/** « N° de dossier » → `n_dossier`, « Montant programmé (€) » → `montant_programme`. */
export function columnKey(name: string): string {
  return normalizeTitle(name.replace(/[°º]/g, ' '))
    .split(' ')
    .filter((w) => w !== '' && !NOISE.has(w))
    .join('_');
}

export type ProgrammationColumns = Partial<Record<Role, Column>>;

/** The programmation's columns in a header row, or undefined when the row is not one. */
export function programmationColumns(row: Row): ProgrammationColumns | undefined {
  const keys = row.cells.map((c) => columnKey(cellText(c)));
  const columns: ProgrammationColumns = {};
  for (const role of Object.keys(ALIASES) as Role[]) {
    const index = keys.findIndex((k) => k !== '' && ALIASES[role].includes(k));
    if (index >= 0) columns[role] = { index, name: cellText(row.cells[index]) };
  }
  const amounts = columns.prevu ?? columns.engage ?? columns.realise;
  return (columns.fiche ?? columns.titre) && columns.financeur && amounts ? columns : undefined;
}
