/**
 * Imported values → the indicator files to create or update, as text, with
 * a line saying what changes in each. Nothing here touches the disk.
 */
import { parseDocument } from 'yaml';
import { decodeText, type SourceFile } from '../model/source.ts';
import type { ImportedValue } from './extract.ts';
import { createIndicatorYaml, diffValeurs, mergeIndicatorYaml, type Valeurs, type ValeursDiff } from './indicator-yaml.ts';
import type { TerritoryIndex } from './territories.ts';
import { defaultsFor } from './variables.ts';

export interface PlanOptions {
  /** Name of the input file, recorded in the comment heading a new file. */
  origin: string;
  source?: string;
  theme?: string;
  /** Title and unit of a new indicator that is not a known Insee variable (one new indicator only). */
  titre?: string;
  unite?: string;
}

export interface FileChange {
  /** Path in the contract folder, e.g. `cahier-1/indicateurs/taux-pauvrete.yaml`. */
  path: string;
  /** The file's text before, absent for a new file. */
  before?: string;
  after: string;
  /** What changes, in French, one line per fact. */
  summary: string[];
}

export type Plan = { ok: true; changes: FileChange[]; unchanged: string[] } | { ok: false; exitCode: 1 | 2; message: string };

export const indicatorPath = (id: string) => `cahier-1/indicateurs/${id}.yaml`;

/** indicator → year → territory → value; territories in a year go quartiers first, France last, then in input order. */
export function groupValues(values: readonly ImportedValue[], index: TerritoryIndex): Map<string, Valeurs> {
  const grouped = new Map<string, Valeurs>();
  for (const v of values) {
    const years = grouped.get(v.indicateur) ?? grouped.set(v.indicateur, new Map()).get(v.indicateur)!;
    const territoires = years.get(v.annee) ?? years.set(v.annee, new Map()).get(v.annee)!;
    territoires.set(v.territoire, v.valeur);
  }
  for (const years of grouped.values())
    for (const [annee, territoires] of years) {
      const order = [...territoires.keys()];
      const sorted = [...territoires].sort(([a], [b]) => index.rank(a) - index.rank(b) || order.indexOf(a) - order.indexOf(b));
      years.set(annee, new Map(sorted));
    }
  return grouped;
}

export function planChanges(grouped: ReadonlyMap<string, Valeurs>, files: readonly SourceFile[], options: PlanOptions): Plan {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const created = [...grouped.keys()].filter((id) => !byPath.has(indicatorPath(id)));
  if (created.length > 0 && !options.source?.trim())
    return usage(`--source est obligatoire pour créer ${created.map(indicatorPath).join(', ')} (ex. --source "Insee, Filosofi 2013")`);
  const unknown = created.filter((id) => !defaultsFor(id));
  if (unknown.length > 1 || (unknown.length === 1 && (!options.titre || !options.unite)))
    return usage(`titre et unité inconnus pour ${unknown.map((id) => `« ${id} »`).join(', ')} : créez le fichier de l’indicateur à la main, ou précisez --titre et --unite (un seul nouvel indicateur à la fois)`);

  const changes: FileChange[] = [];
  const unchanged: string[] = [];
  for (const [id, valeurs] of grouped) {
    const path = indicatorPath(id);
    const file = byPath.get(path);
    if (!file) {
      const defaults = defaultsFor(id) ?? { titre: options.titre!, unite: options.unite! };
      const after = createIndicatorYaml({ ...defaults, source: options.source!.trim(), ...(options.theme ? { theme: options.theme } : {}) }, valeurs, options.origin);
      changes.push({ path, after, summary: [`${path} : nouveau fichier « ${defaults.titre} »`, ...describe(diffValeurs(undefined, valeurs), valeurs)] });
      continue;
    }
    const decoded = decodeText(file);
    if (!decoded.ok) return { ok: false, exitCode: 1, message: `${path} : ${decoded.message}` };
    if (parseDocument(decoded.text).errors.length > 0)
      return { ok: false, exitCode: 1, message: `${path} : YAML invalide ; corrigez-le (npm run check) avant d’importer` };
    const { text, diff } = mergeIndicatorYaml(decoded.text, valeurs);
    if (diff.added === 0 && diff.changed.length === 0) {
      unchanged.push(path);
      continue;
    }
    changes.push({ path, before: decoded.text, after: text, summary: [`${path} : mis à jour`, ...describe(diff, valeurs)] });
  }
  return { ok: true, changes, unchanged };
}

function usage(message: string): Plan {
  return { ok: false, exitCode: 2, message };
}

function describe(diff: ValeursDiff, valeurs: Valeurs): string[] {
  const lines: string[] = [];
  for (const annee of diff.newYears) {
    const values = [...(valeurs.get(annee)?.values() ?? [])];
    const secret = values.filter((v) => v === null).length;
    lines.push(`  ${annee} : année ajoutée, ${count(values.length, 'valeur')}${secret > 0 ? ` dont ${count(secret, 'secret statistique', 'secrets statistiques')}` : ''}`);
  }
  const addedInOldYears = diff.added - diff.newYears.reduce((n, a) => n + (valeurs.get(a)?.size ?? 0), 0);
  if (addedInOldYears > 0) lines.push(`  ${count(addedInOldYears, 'valeur ajoutée', 'valeurs ajoutées')} aux années existantes`);
  for (const c of diff.changed) lines.push(`  ${c.annee} ${c.territoire} : ${c.avant ?? 'null'} → ${c.apres ?? 'null'}`);
  if (diff.unchanged > 0) lines.push(`  ${count(diff.unchanged, 'valeur inchangée', 'valeurs inchangées')}`);
  return lines;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n > 1 ? plural : singular}`;
}
