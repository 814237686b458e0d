/**
 * Table + layout → the values to import, each with its place in the input
 * file. Every unknown territory and every unreadable cell is reported, all
 * at once; a caller writes nothing while there is one.
 */
import type { ContentIssue, RuleId } from '../model/issues.ts';
import { ID_PATTERN } from '../model/schemas/common.ts';
import type { Column, IndicatorLayout } from './layout.ts';
import { parseValue, parseYear } from './numbers.ts';
import { cellIssue, cellText, isBlank, type Row, type Table } from './table.ts';
import type { TerritoryIndex } from './territories.ts';
import { INSEE_VARIABLES, normalizeName } from './variables.ts';

export interface ExtractOptions {
  /** The input file as the user named it: the `file` of every issue. */
  file: string;
  /** Year of a wide extract without an `annee` column; with one (and in the long layout), keeps only that year. */
  annee?: number;
  /** Normalised column (or variable) name → indicator id, from `--variables`. */
  variables?: ReadonlyMap<string, string>;
  /** Keep only this indicator. */
  indicateur?: string;
}

export interface ImportedValue {
  indicateur: string;
  annee: number;
  territoire: string;
  valeur: number | null;
}

export interface Extraction {
  values: ImportedValue[];
  issues: ContentIssue[];
  /** Columns of a wide extract left out (neither a known variable nor in --variables). */
  ignored: string[];
  /** Set when the options do not fit the file (exit 2, not 1). */
  usage?: string;
}

const VALUE_HINT = 'écrivez un nombre (12,5 ou 12.5, 1 234,5, 47,2 %) ; pour le secret statistique : s, nd, secret ou une cellule vide';

export function extractValues(table: Table, layout: IndicatorLayout, index: TerritoryIndex, options: ExtractOptions): Extraction {
  return layout.kind === 'wide' ? extractWide(table, layout, options, index) : extractLong(table, layout, options, index);
}

/** Builds located issues and remembers which (indicator, year, territory) were already given. */
function reporter(table: Table, options: ExtractOptions, index: TerritoryIndex) {
  const issues: ContentIssue[] = [];
  const seen = new Map<string, number>();
  const error = (rule: RuleId, row: Row, column: Column, message: string, hint?: string) => {
    issues.push(cellIssue(table, options.file, rule, row, column, message, hint));
  };
  const territory = (row: Row, column: Column): string | undefined => {
    const raw = row.cells[column.index];
    if (isBlank(raw)) {
      error('import-territoire', row, column, 'code de territoire manquant', 'chaque ligne doit nommer son territoire (code Insee ou identifiant du contrat)');
      return undefined;
    }
    const resolved = index.resolve(raw);
    if (resolved.ok) return resolved.id;
    const code = cellText(raw);
    if (resolved.reason === 'ambigu')
      error('import-territoire', row, column, `code de territoire ambigu « ${code} » : il désigne ${resolved.ids.join(', ')}`, 'donnez à chaque territoire un code distinct (territoires.yaml, quartiers/)');
    else
      error('import-territoire', row, column, `code de territoire inconnu « ${code} »`, `aucun territoire de territoires.yaml ni quartier de quartiers/ n’a ce code : ajoutez « code: ${code} » au bon territoire, ou corrigez le fichier`);
    return undefined;
  };
  const value = (row: Row, column: Column): number | null | undefined => {
    const parsed = parseValue(row.cells[column.index]);
    if (parsed === undefined) error('import-valeur', row, column, `valeur illisible « ${cellText(row.cells[column.index])} » : nombre attendu`, VALUE_HINT);
    return parsed;
  };
  const year = (row: Row, column: Column): number | undefined => {
    const parsed = parseYear(row.cells[column.index]);
    if (parsed === undefined) error('import-valeur', row, column, `année illisible « ${cellText(row.cells[column.index])} »`, 'une année sur quatre chiffres est attendue, ex. 2013');
    return parsed;
  };
  /** False (and reported) when an earlier row already gave this value. */
  const first = (row: Row, column: Column, v: Omit<ImportedValue, 'valeur'>): boolean => {
    const key = `${v.indicateur}|${v.annee}|${v.territoire}`;
    const previous = seen.get(key);
    if (previous === undefined) {
      seen.set(key, row.line);
      return true;
    }
    error('import-valeur', row, column, `valeur en double : ${v.indicateur}, ${v.annee}, ${v.territoire} (déjà donnée ligne ${previous})`);
    return false;
  };
  return { issues, error, territory, value, year, first };
}

function extractWide(table: Table, layout: Extract<IndicatorLayout, { kind: 'wide' }>, options: ExtractOptions, index: TerritoryIndex): Extraction {
  if (!layout.annee && options.annee === undefined)
    return { values: [], issues: [], ignored: [], usage: 'ce fichier n’a pas de colonne « annee » : précisez l’année des données avec --annee AAAA' };
  const report = reporter(table, options, index);
  const header = table.rows[layout.headerRow]!;
  const mapped: { column: Column; id: string }[] = [];
  const ignored: string[] = [];
  for (const column of layout.variables) {
    const name = normalizeName(column.name);
    const id = options.variables ? options.variables.get(name) : INSEE_VARIABLES[name]?.id;
    if (id && (!options.indicateur || id === options.indicateur)) mapped.push({ column, id });
    else ignored.push(column.name);
  }
  const headerNames = new Set(layout.variables.map((c) => normalizeName(c.name)));
  const first: Column = { index: 0, name: '' };
  for (const name of options.variables?.keys() ?? [])
    if (!headerNames.has(name)) report.error('import-colonne', header, first, `colonne « ${name} » (--variables) absente de l’en-tête`, `colonnes de l’en-tête : ${layout.variables.map((c) => c.name).join(', ')}`);
  if (mapped.length === 0 && report.issues.length === 0) {
    const what = options.indicateur ? `pour l’indicateur « ${options.indicateur} »` : 'à importer';
    report.error('import-colonne', header, first, `aucune colonne ${what}`, `variables Insee reconnues : ${Object.keys(INSEE_VARIABLES).join(', ')} ; pour une autre colonne : --variables colonne=indicateur`);
  }

  const values: ImportedValue[] = [];
  for (const row of table.rows.slice(layout.headerRow + 1)) {
    if (row.cells.every(isBlank)) continue;
    const annee = layout.annee ? report.year(row, layout.annee) : options.annee;
    if (layout.annee && options.annee !== undefined && annee !== undefined && annee !== options.annee) continue;
    const territoire = report.territory(row, layout.code);
    for (const { column, id } of mapped) {
      const valeur = report.value(row, column);
      if (valeur === undefined || territoire === undefined || annee === undefined) continue;
      const v = { indicateur: id, annee, territoire };
      if (report.first(row, layout.code, v)) values.push({ ...v, valeur });
    }
  }
  return { values, issues: report.issues, ignored };
}

function extractLong(table: Table, layout: Extract<IndicatorLayout, { kind: 'long' }>, options: ExtractOptions, index: TerritoryIndex): Extraction {
  const report = reporter(table, options, index);
  const values: ImportedValue[] = [];
  for (const row of table.rows.slice(layout.headerRow + 1)) {
    if (row.cells.every(isBlank)) continue;
    const indicateur = indicatorOf(cellText(row.cells[layout.indicateur.index]), options.variables);
    if (indicateur === undefined) {
      report.error('import-colonne', row, layout.indicateur, `identifiant d’indicateur invalide « ${cellText(row.cells[layout.indicateur.index])} »`, 'écrivez le nom du fichier de l’indicateur sans « .yaml » (minuscules sans accent, chiffres et « - ») ou une variable Insee connue');
      continue;
    }
    if (options.indicateur && indicateur !== options.indicateur) continue;
    const annee = report.year(row, layout.annee);
    if (options.annee !== undefined && annee !== undefined && annee !== options.annee) continue;
    const territoire = report.territory(row, layout.territoire);
    const valeur = report.value(row, layout.valeur);
    if (valeur === undefined || territoire === undefined || annee === undefined) continue;
    const v = { indicateur, annee, territoire };
    if (report.first(row, layout.territoire, v)) values.push({ ...v, valeur });
  }
  return { values, issues: report.issues, ignored: [] };
}

function indicatorOf(text: string, variables: ReadonlyMap<string, string> | undefined): string | undefined {
  const name = normalizeName(text);
  const mapped = variables?.get(name) ?? INSEE_VARIABLES[name]?.id;
  if (mapped) return mapped;
  return ID_PATTERN.test(text) ? text : undefined;
}
