/**
 * The contract's data as open data: one row per fiche, per funder of a fiche,
 * per indicator value, with the columns of open-data-columns.ts. CSV for
 * machines (RFC 4180: comma, double quotes, CRLF; UTF-8 without BOM), JSON
 * for programs; the XLSX for spreadsheets is in open-data-xlsx.ts.
 */
import type { Contract } from './model/index.ts';
import { lookupOf } from './queries/index.ts';
import { FICHES_TABLE, FINANCEMENTS_TABLE, INDICATEURS_TABLE, plainDescription, TYPE_LABELS, type TableSpec } from './open-data-columns.ts';

/** A cell before a format writes it; `undefined` and `null` are an empty cell. */
export type Value = string | number | boolean | null | undefined | readonly (string | undefined)[];
export type Row = Record<string, Value>;

export interface OpenDataTable {
  spec: TableSpec;
  rows: (contract: Contract) => Row[];
}

export function fichesRows(contract: Contract): Row[] {
  const { objectif } = lookupOf(contract);
  return contract.fiches.map((f) => ({
    id: f.id,
    numero: f.numero,
    titre: f.titre,
    statut: f.statut,
    piliers: f.piliers,
    objectifs: f.objectifs,
    objectifs_numeros: f.objectifs.map((o) => objectif.get(o)?.numero),
    quartiers: f.quartiers,
    tous_quartiers: f.tousQuartiers,
    axes_transversaux: f.axes_transversaux,
    porteur: f.porteur,
    pilote_nom: f.pilote?.nom,
    pilote_service: f.pilote?.service,
    pilote_contact: f.pilote?.contact,
    partenaires: f.partenaires,
    public: f.public,
    calendrier_debut: f.calendrier?.debut,
    calendrier_fin: f.calendrier?.fin,
    budget_total: f.budget?.total,
    financements: f.budget?.financements.map((x) => `${x.financeur}: ${x.montant}`) ?? [],
  }));
}

/** One row per fiche and funder, in fiche order then in the fiche's order of funders. */
export function financementsRows(contract: Contract): Row[] {
  return contract.fiches.flatMap((f) =>
    (f.budget?.financements ?? []).map((x) => ({
      fiche: f.id,
      numero: f.numero,
      titre: f.titre,
      porteur: f.porteur,
      financeur: x.financeur,
      montant: x.montant,
      budget_total: f.budget!.total,
      part: f.budget!.total > 0 ? Math.round((x.montant / f.budget!.total) * 10_000) / 10_000 : null,
    })),
  );
}

export function indicateursRows(contract: Contract): Row[] {
  const { territoire } = lookupOf(contract);
  return contract.indicateurs.flatMap((ind) =>
    ind.valeurs.map((v) => {
      const t = territoire.get(v.territoire);
      return {
        indicateur: ind.id,
        titre: ind.titre,
        unite: ind.unite,
        source: ind.source,
        annee: v.annee,
        territoire: v.territoire,
        territoire_nom: t?.nom,
        territoire_type: t?.type,
        territoire_code: t?.code,
        valeur: v.valeur,
        secret_statistique: v.valeur === null,
      };
    }),
  );
}

/** The published tables, in the order of the downloads page. */
export const OPEN_DATA_TABLES: readonly OpenDataTable[] = [
  { spec: FICHES_TABLE, rows: fichesRows },
  { spec: FINANCEMENTS_TABLE, rows: financementsRows },
  { spec: INDICATEURS_TABLE, rows: indicateursRows },
];

/** A list cell as text: the CSV and XLSX form (« a|b|c »). */
export function joinList(v: Value): Exclude<Value, readonly unknown[]> {
  return Array.isArray(v) ? v.map((x) => x ?? '').join('|') : (v as Exclude<Value, readonly unknown[]>);
}

export function toCsv(spec: TableSpec, rows: readonly Row[]): string {
  const cell = (v: Value) => {
    const flat = joinList(v);
    if (flat === null || flat === undefined) return '';
    const s = String(flat);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const names = spec.colonnes.map((c) => c.nom);
  return [names.join(','), ...rows.map((r) => names.map((n) => cell(r[n])).join(','))].join('\r\n') + '\r\n';
}

/**
 * JSON for programs: the contract's title, version and licence, the
 * description of the columns, then one record per row with every column
 * (absent values as `null`, lists as arrays), under the table's name.
 */
export function toJson(spec: TableSpec, rows: readonly Row[], contract: Contract): string {
  const { titre, version, licence } = contract.contrat;
  const colonnes = spec.colonnes.map((c) => ({ nom: c.nom, libelle: c.libelle, type: TYPE_LABELS[c.type], description: plainDescription(c) }));
  const records = rows.map((r) => Object.fromEntries(spec.colonnes.map((c) => [c.nom, jsonValue(r[c.nom])])));
  return `${JSON.stringify({ contrat: titre, version, licence, colonnes, [spec.nom]: records }, null, 2)}\n`;
}

function jsonValue(v: Value): unknown {
  if (Array.isArray(v)) return v.map((x) => x ?? null);
  return v ?? null;
}
