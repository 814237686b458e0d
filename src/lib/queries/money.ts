/**
 * The follow-up's money (FORMAT-SUIVI « Fiche »), read from every fiche's
 * `suivi[].financements`.
 *
 * - `moneyRows(contract)`: one row per fiche × year × funder, in fiche
 *   order, then year, then as written: amounts programmed (`prevu`),
 *   committed (`engage`) and paid (`realise`), absent when not written;
 *   `pilier` is the pilier of the fiche's first objectif, so that pilier
 *   totals add up to the grand total.
 * - `moneyByYear`, `moneyByFunder`, `moneyByPilier`, `moneyByFiche`, `moneyTotal`: sums
 *   (an amount not written counts 0), for a scope: every year (none given),
 *   `{ annee: N }` (year N only) or `{ jusqua: N }` (cumulated up to N).
 *   Funders are one when their names are equal after trimming, NFC and
 *   case folding (`financeurKey`); each is shown as first written in a
 *   fiche's `budget` (in fiche order), else as first written in a suivi.
 *   Years ascending, piliers in tree order, funders by programmed amount,
 *   largest first (ties by name).
 *
 * Pure, computed once per contract (WeakMap).
 */
import { financeurKey } from '../model/fiche-suivi.ts';
import type { Contract } from '../model/index.ts';
import { fichePilier } from './fiches.ts';

export { financeurKey };

export interface MoneyAmounts {
  prevu?: number;
  engage?: number;
  realise?: number;
}

export interface MoneyRow extends MoneyAmounts {
  fiche: string;
  annee: number;
  /** As displayed: the name written in a budget, else as written in the suivi. */
  financeur: string;
  /** `financeurKey` of the name: what matches funders. */
  cle: string;
  /** Pilier of the fiche's first objectif. */
  pilier: string;
}

export interface MoneyTotals {
  prevu: number;
  engage: number;
  realise: number;
}

export type MoneyScope = { annee: number } | { jusqua: number } | undefined;

interface MoneyIndex {
  rows: MoneyRow[];
  names: Map<string, string>;
}

const cache = new WeakMap<Contract, MoneyIndex>();

function indexOf(contract: Contract): MoneyIndex {
  let index = cache.get(contract);
  if (index) return index;
  const names = new Map<string, string>();
  for (const f of contract.fiches) for (const b of f.budget?.financements ?? []) if (!names.has(financeurKey(b.financeur))) names.set(financeurKey(b.financeur), b.financeur.trim());
  for (const f of contract.fiches) for (const s of f.suivi ?? []) for (const x of s.financements) if (!names.has(financeurKey(x.financeur))) names.set(financeurKey(x.financeur), x.financeur.trim());
  const rows: MoneyRow[] = [];
  for (const f of contract.fiches) {
    const pilier = fichePilier(contract, f);
    for (const s of f.suivi ?? [])
      for (const x of s.financements) {
        const cle = financeurKey(x.financeur);
        rows.push({ fiche: f.id, annee: s.annee, financeur: names.get(cle)!, cle, pilier, ...amounts(x) });
      }
  }
  cache.set(contract, (index = { rows, names }));
  return index;
}

function amounts(x: MoneyAmounts): MoneyAmounts {
  return { ...(x.prevu !== undefined ? { prevu: x.prevu } : {}), ...(x.engage !== undefined ? { engage: x.engage } : {}), ...(x.realise !== undefined ? { realise: x.realise } : {}) };
}

export function moneyRows(contract: Contract): readonly MoneyRow[] {
  return indexOf(contract).rows;
}

function inScope(row: MoneyRow, scope: MoneyScope): boolean {
  if (!scope) return true;
  return 'annee' in scope ? row.annee === scope.annee : row.annee <= scope.jusqua;
}

/** Sums in cents, so that totals carry no floating-point dust. */
function sum(rows: readonly MoneyRow[]): MoneyTotals {
  const cents = (k: keyof MoneyAmounts) => rows.reduce((s, r) => s + Math.round((r[k] ?? 0) * 100), 0) / 100;
  return { prevu: cents('prevu'), engage: cents('engage'), realise: cents('realise') };
}

function groupBy<K>(rows: readonly MoneyRow[], key: (r: MoneyRow) => K): Map<K, MoneyRow[]> {
  const groups = new Map<K, MoneyRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

export function moneyTotal(contract: Contract, scope?: MoneyScope): MoneyTotals {
  return sum(moneyRows(contract).filter((r) => inScope(r, scope)));
}

/** Per year written, ascending (cumulated: up to N only). */
export function moneyByYear(contract: Contract, scope?: MoneyScope): (MoneyTotals & { annee: number })[] {
  const groups = groupBy(moneyRows(contract).filter((r) => inScope(r, scope)), (r) => r.annee);
  return [...groups].sort(([a], [b]) => a - b).map(([annee, rows]) => ({ annee, ...sum(rows) }));
}

export function moneyByFunder(contract: Contract, scope?: MoneyScope): (MoneyTotals & { financeur: string; cle: string })[] {
  const groups = groupBy(moneyRows(contract).filter((r) => inScope(r, scope)), (r) => r.cle);
  return [...groups]
    .map(([cle, rows]) => ({ financeur: indexOf(contract).names.get(cle)!, cle, ...sum(rows) }))
    .sort((a, b) => b.prevu - a.prevu || a.financeur.localeCompare(b.financeur, 'fr'));
}

/** Every pilier that has money in scope, in tree order. */
export function moneyByPilier(contract: Contract, scope?: MoneyScope): (MoneyTotals & { pilier: string })[] {
  const groups = groupBy(moneyRows(contract).filter((r) => inScope(r, scope)), (r) => r.pilier);
  return contract.piliers.flatMap((p) => (groups.has(p.id) ? [{ pilier: p.id, ...sum(groups.get(p.id)!) }] : []));
}

/** Each fiche's totals in scope, by fiche id (fiches without money in scope are absent). */
export function moneyByFiche(contract: Contract, scope?: MoneyScope): Map<string, MoneyTotals> {
  const groups = groupBy(moneyRows(contract).filter((r) => inScope(r, scope)), (r) => r.fiche);
  return new Map([...groups].map(([fiche, rows]) => [fiche, sum(rows)]));
}
