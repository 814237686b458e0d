/**
 * Which of the two layouts a table has, found from its header row:
 *
 * - wide (Insee QPV extract): one row per territory, one column per variable
 *   (`code_qp;nom_qp;pop_mun;tp60…`), the year given by `--annee` or an
 *   `annee` column;
 * - long: one row per value (`territoire,annee,indicateur,valeur`);
 * - programmation: one row per action × funder, with its amounts
 *   (programmation/columns.ts), written into the fiches' `suivi`.
 *
 * Title lines above the header (Insee spreadsheets have some) are skipped.
 */
import { programmationColumns, type ProgrammationColumns } from './programmation/columns.ts';
import { cellText, type Column, type Table } from './table.ts';
import { normalizeName } from './variables.ts';

export type { Column } from './table.ts';

export type Layout =
  | { kind: 'wide'; headerRow: number; code: Column; annee?: Column; variables: Column[] }
  | { kind: 'long'; headerRow: number; territoire: Column; annee: Column; indicateur: Column; valeur: Column }
  | { kind: 'programmation'; headerRow: number; columns: ProgrammationColumns };

/** The layouts whose values go into indicator files. */
export type IndicatorLayout = Exclude<Layout, { kind: 'programmation' }>;

const CODE = ['code_qp', 'codgeo', 'code_geo', 'code', 'code_territoire', 'code_insee', 'territoire'];
const TERRITOIRE = ['territoire', 'code_territoire', 'code', 'codgeo', 'code_geo', 'code_qp', 'code_insee'];
const ANNEE = ['annee', 'an', 'millesime', 'year'];
const INDICATEUR = ['indicateur', 'variable', 'indicator'];
const VALEUR = ['valeur', 'value'];
/** Label columns of Insee extracts: never imported as values. */
export const LABEL_COLUMNS = new Set(['nom_qp', 'lib_qp', 'libgeo', 'lib_geo', 'nom', 'libelle', 'lib_com', 'nom_com', 'commune', 'insee_com', 'com', 'dep', 'reg', 'epci', 'lib_epci']);

/** How many leading rows may be titles before the header. */
const MAX_HEADER_ROW = 20;

export function detectLayout(table: Table): Layout | undefined {
  for (let r = 0; r < Math.min(table.rows.length, MAX_HEADER_ROW); r++) {
    // Its columns are specific enough (a fiche, a funder, an amount) to be looked for first.
    const columns = programmationColumns(table.rows[r]!);
    if (columns) return { kind: 'programmation', headerRow: r, columns };
    const names = table.rows[r]!.cells.map((c) => normalizeName(cellText(c)));
    const find = (aliases: readonly string[]): Column | undefined => {
      for (const alias of aliases) {
        const index = names.indexOf(alias);
        if (index >= 0) return { index, name: cellText(table.rows[r]!.cells[index]) };
      }
      return undefined;
    };
    const annee = find(ANNEE);
    const indicateur = find(INDICATEUR);
    const valeur = find(VALEUR);
    const territoire = find(TERRITOIRE);
    if (territoire && annee && indicateur && valeur) return { kind: 'long', headerRow: r, territoire, annee, indicateur, valeur };
    const code = find(CODE);
    if (code && !indicateur && !valeur) {
      const variables = names.flatMap((name, index) =>
        name === '' || index === code.index || index === annee?.index || LABEL_COLUMNS.has(name) ? [] : [{ index, name: cellText(table.rows[r]!.cells[index]) }],
      );
      return { kind: 'wide', headerRow: r, code, ...(annee ? { annee } : {}), variables };
    }
  }
  return undefined;
}
