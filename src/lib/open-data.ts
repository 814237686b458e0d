/**
 * The contract's data as open data: one row per fiche, one row per
 * indicator value. CSV is RFC 4180 (comma, double quotes, CRLF), UTF-8;
 * lists inside a cell are joined with « | ». Columns are documented in the
 * README; their order is fixed so files diff cleanly between versions.
 */
import type { Contract } from './model/index.ts';
import { lookupOf } from './queries/index.ts';

export const FICHE_COLUMNS = [
  'id', 'numero', 'titre', 'statut', 'piliers', 'objectifs', 'objectifs_numeros', 'quartiers', 'tous_quartiers',
  'axes_transversaux', 'porteur', 'pilote_nom', 'pilote_service', 'pilote_contact', 'partenaires', 'public',
  'calendrier_debut', 'calendrier_fin', 'budget_total', 'financements',
] as const;

export const INDICATEUR_COLUMNS = [
  'indicateur', 'titre', 'unite', 'source', 'annee', 'territoire', 'territoire_nom', 'territoire_type', 'territoire_code', 'valeur', 'secret_statistique',
] as const;

type Row = Record<string, string | number | boolean | null | undefined>;

export function fichesRows(contract: Contract): Row[] {
  const { objectif } = lookupOf(contract);
  return contract.fiches.map((f) => ({
    id: f.id,
    numero: f.numero,
    titre: f.titre,
    statut: f.statut,
    piliers: f.piliers.join('|'),
    objectifs: f.objectifs.join('|'),
    objectifs_numeros: f.objectifs.map((o) => objectif.get(o)?.numero).join('|'),
    quartiers: f.quartiers.join('|'),
    tous_quartiers: f.tousQuartiers,
    axes_transversaux: f.axes_transversaux.join('|'),
    porteur: f.porteur,
    pilote_nom: f.pilote?.nom,
    pilote_service: f.pilote?.service,
    pilote_contact: f.pilote?.contact,
    partenaires: f.partenaires.join('|'),
    public: f.public,
    calendrier_debut: f.calendrier?.debut,
    calendrier_fin: f.calendrier?.fin,
    budget_total: f.budget?.total,
    financements: f.budget?.financements.map((x) => `${x.financeur}: ${x.montant}`).join('|'),
  }));
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

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const cell = (v: Row[string]) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** JSON for developers: the fiches without their body, the indicators with their values. */
export function fichesJson(contract: Contract): string {
  const fiches = contract.fiches.map(({ body: _body, ...rest }) => rest);
  return `${JSON.stringify({ contrat: contract.contrat.titre, version: contract.contrat.version, licence: contract.contrat.licence, fiches }, null, 2)}\n`;
}

export function indicateursJson(contract: Contract): string {
  const territoires = contract.territoires;
  return `${JSON.stringify({ contrat: contract.contrat.titre, version: contract.contrat.version, licence: contract.contrat.licence, territoires, indicateurs: contract.indicateurs }, null, 2)}\n`;
}
