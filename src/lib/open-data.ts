/**
 * The contract's data as open data: one row per fiche, per funder of a fiche,
 * per indicator value, with the columns of open-data-columns.ts. CSV for
 * machines (RFC 4180: comma, double quotes, CRLF; UTF-8 without BOM), JSON
 * for programs; the XLSX for spreadsheets is in open-data-xlsx.ts.
 */
import type { Contract } from './model/index.ts';
import { fichePilier, ficheStatut, isLate, lookupOf, moneyRows, type MoneyRow } from './queries/index.ts';
import { ENGAGEMENTS_TABLE, FICHES_TABLE, FINANCEMENTS_TABLE, INDICATEURS_TABLE, SUIVI_TABLE, plainDescription, TYPE_LABELS, type TableSpec } from './open-data-columns.ts';

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

/**
 * One row per fiche × suivi year × funder, the amounts from the shared money
 * query; a year without funder gives one row with an empty funder, so its
 * statut and progress are not lost.
 */
export function suiviRows(contract: Contract): Row[] {
  const money = new Map<string, MoneyRow[]>();
  for (const r of moneyRows(contract)) {
    const key = `${r.fiche}\u0000${r.annee}`;
    money.set(key, [...(money.get(key) ?? []), r]);
  }
  return contract.fiches.flatMap((f) =>
    (f.suivi ?? []).flatMap((s) => {
      const year = {
        fiche: f.id,
        numero: f.numero,
        titre: f.titre,
        annee: s.annee,
        statut: ficheStatut(f, s.annee),
        en_retard: isLate(contract, f, s.annee),
        avancement: s.avancement === undefined ? undefined : s.avancement / 100,
        dossiers: s.dossiers,
      };
      const rows = money.get(`${f.id}\u0000${s.annee}`) ?? [];
      if (rows.length === 0) return [{ ...year, pilier: fichePilier(contract, f) }];
      return rows.map((r) => ({ ...year, pilier: r.pilier, financeur: r.financeur, prevu: r.prevu, engage: r.engage, realise: r.realise }));
    }),
  );
}

/** One row per commitment × suivi year; a commitment without suivi gives one row with an empty year. */
export function engagementsRows(contract: Contract): Row[] {
  return contract.engagements.flatMap((e) => {
    const base = { id: e.id, signataire: e.signataire, engagement: e.engagement, objectifs: e.objectifs, quartiers: e.quartiers, tous_quartiers: e.tousQuartiers };
    return e.suivi.length ? e.suivi.map((s) => ({ ...base, annee: s.annee, statut: s.statut, commentaire: s.commentaire })) : [base];
  });
}

/** The published tables, in the order of the downloads page. */
export const OPEN_DATA_TABLES: readonly OpenDataTable[] = [
  { spec: FICHES_TABLE, rows: fichesRows },
  { spec: FINANCEMENTS_TABLE, rows: financementsRows },
  { spec: INDICATEURS_TABLE, rows: indicateursRows },
  // Headers only for a contract without follow-up: every contract publishes the same files.
  { spec: SUIVI_TABLE, rows: suiviRows },
  { spec: ENGAGEMENTS_TABLE, rows: engagementsRows },
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
