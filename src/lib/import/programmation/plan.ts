/**
 * What each fiche received → the fiche files with their `suivi` written,
 * and a line saying what changes in each. How a year already followed is
 * merged (docs/suivi.md « Importer la programmation annuelle »): the file is the
 * year's programmation, so it replaces that year's financements, and its
 * dossiers when it has a dossier column; an amount column it lacks keeps
 * the value written for the same funder; statut, avancement, valeurs and
 * commentaire are never touched, nor the fiches and years it does not name.
 */
import { formatNumber } from '../../format.ts';
import { decodeText, type SourceFile } from '../../model/source.ts';
import type { FileChange } from '../plan.ts';
import { isRecord } from '../yaml-splice.ts';
import { AMOUNTS, funderKey, type AmountKey, type FicheYear } from './extract.ts';
import { frontMatterData, writeSuiviYear, type Financement } from './suivi-yaml.ts';

export interface Given {
  /** The amount columns the file has. */
  amounts: readonly AmountKey[];
  /** The file has a dossier column. */
  dossiers: boolean;
}

export type ProgrammationPlan = { ok: true; changes: FileChange[]; unchanged: string[] } | { ok: false; message: string };

const LABELS: Record<AmountKey, string> = { prevu: 'programmé', engage: 'engagé', realise: 'payé' };

export function planProgrammation(entries: readonly FicheYear[], files: readonly SourceFile[], given: Given): ProgrammationPlan {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const paths = [...new Set(entries.map((e) => e.fiche.path))].sort();
  const changes: FileChange[] = [];
  const unchanged: string[] = [];
  for (const path of paths) {
    const decoded = decodeText(byPath.get(path)!);
    if (!decoded.ok) return { ok: false, message: `${path} : ${decoded.message}` };
    let text = decoded.text;
    const summary: string[] = [];
    for (const entry of entries.filter((e) => e.fiche.path === path).sort((a, b) => a.annee - b.annee)) {
      const data = frontMatterData(text);
      if (!data) return { ok: false, message: `${path} : en-tête YAML invalide ; corrigez-le (npm run check) avant d’importer` };
      const year = yearOf(data, entry.annee);
      const before = Array.isArray(year['financements']) ? year['financements'].filter(isRecord) : [];
      const financements = entry.financements.map((f) => merge(f, before, budgetNames(data), given));
      const written = writeSuiviYear(text, entry.annee, { financements, ...(given.dossiers ? { dossiers: entry.dossiers } : {}) });
      if (!written.ok) return { ok: false, message: `${path} : ${written.message}` };
      text = written.text;
      summary.push(describe(entry, financements, before.length, given));
    }
    if (text === decoded.text) unchanged.push(path);
    else changes.push({ path, before: decoded.text, after: text, summary: [`${path} : suivi mis à jour`, ...summary] });
  }
  return { ok: true, changes, unchanged };
}

function yearOf(data: Record<string, unknown>, annee: number): Record<string, unknown> {
  const suivi = data['suivi'];
  const year = isRecord(suivi) ? suivi[String(annee)] : undefined;
  return isRecord(year) ? year : {};
}

/** Funder names as the fiche's budget spells them, by funderKey. */
function budgetNames(data: Record<string, unknown>): Map<string, string> {
  const budget = data['budget'];
  const list = isRecord(budget) && Array.isArray(budget['financements']) ? budget['financements'] : [];
  return new Map(list.filter(isRecord).flatMap((f) => (typeof f['financeur'] === 'string' ? [[funderKey(f['financeur']), f['financeur'].trim()] as const] : [])));
}

function merge(line: FicheYear['financements'][number], before: readonly Record<string, unknown>[], names: ReadonlyMap<string, string>, given: Given): Financement {
  const key = funderKey(line.financeur);
  const old = before.find((f) => typeof f['financeur'] === 'string' && funderKey(f['financeur']) === key);
  const financement: Financement = { financeur: names.get(key) ?? line.financeur };
  for (const amount of AMOUNTS) {
    const value = given.amounts.includes(amount) ? line[amount] : old?.[amount];
    if (typeof value === 'number') financement[amount] = value;
  }
  return financement;
}

function describe(entry: FicheYear, financements: readonly Financement[], replaced: number, given: Given): string {
  const parts: string[] = [];
  if (financements.length > 0) {
    const totals = AMOUNTS.filter((k) => financements.some((f) => f[k] !== undefined)).map((k) => `${LABELS[k]} ${euros(financements.reduce((s, f) => s + (f[k] ?? 0), 0))}`);
    parts.push(`${count(financements.length, 'financeur')}${totals.length > 0 ? ` (${totals.join(', ')})` : ''}${replaced > 0 ? `, à la place de ${count(replaced, 'financeur')}` : ''}`);
  }
  if (given.dossiers) parts.push(entry.dossiers.length > 0 ? `dossiers ${entry.dossiers.join(', ')}` : 'aucun dossier');
  return `  ${entry.annee} : ${parts.join(' ; ')}`;
}

const CENTS = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** « 16 000 € », « 9 500,50 € ». */
function euros(n: number): string {
  return `${Number.isInteger(n) ? formatNumber(n, 0) : CENTS.format(n)}\u202f€`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}
