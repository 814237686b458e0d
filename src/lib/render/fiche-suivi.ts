/**
 * A fiche's follow-up for one year (FORMAT-SUIVI « Fiche »): its status and
 * progress, its money by funder (programmed, committed, paid), its
 * indicators against their targets, its subsidy files and its comment.
 * The annual report prints it under each fiche of year N; the fiche's page
 * shows it year by year. Values come from the shared queries.
 */
import { fr } from '../../i18n/fr.ts';
import type { Fiche } from '../model/index.ts';
import { ficheIndicateurProgress, ficheStatut, isLate, moneyByFiche, suiviAt } from '../queries/index.ts';
import { renderBody } from './body.ts';
import { scrollTable } from './scroll-table.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';
import { formatValue, SECRET, SECRET_LABEL } from './units.ts';
import { formatNumber } from '../format.ts';

const NBSP = '\u00a0';

export function euros(n: number): string {
  return formatValue(n, '€');
}

export interface FicheYearOptions {
  /** Level of the headings inside the block's text (the comment's). */
  headingLevel: number;
  /** Prefix of the ids in the comment, unique in the page. */
  idPrefix: string;
  /** Say the porteur (the report lists fiches of every porteur; the fiche's page already says it). */
  porteur?: boolean;
}

/** The facts, tables and comment of one suivi year of a fiche (the caller gives the heading); nothing without a suivi that year. */
export function renderFicheYear(f: Fiche, ctx: RenderContext, annee: number, options: FicheYearOptions): string {
  const s = suiviAt(f, annee);
  if (!s) return '';
  const statut = ficheStatut(f, annee);
  const late = isLate(ctx.contract, f, annee) && statut !== 'en-retard' ? ` (en retard sur son calendrier)` : '';
  const facts = [
    ...(options.porteur ? [`<dt>${fr.porteur}</dt><dd>${esc(f.porteur)}</dd>`] : []),
    `<dt>${fr.statut} ${annee}</dt><dd>${esc(fr.statuts[statut])}${late}</dd>`,
    ...(s.avancement !== undefined ? [`<dt>Avancement</dt><dd>${esc(formatNumber(s.avancement, 0))}${NBSP}%</dd>`] : []),
    ...(s.dossiers?.length ? [`<dt>Dossiers de subvention</dt><dd>${s.dossiers.map((d) => esc(d)).join(', ')}</dd>`] : []),
  ];
  return (
    `<dl class="rapport-faits">${facts.join('')}</dl>` +
    money(f, annee, ctx) +
    indicators(f, annee, ctx) +
    (s.commentaire ? `<div class="rapport-commentaire">${renderBody(s.commentaire, ctx, { headingShift: options.headingLevel - 1, idPrefix: options.idPrefix })}</div>` : '')
  );
}

function money(f: Fiche, annee: number, ctx: RenderContext): string {
  const rows = suiviAt(f, annee)!.financements;
  if (rows.length === 0) return '';
  const cell = (n: number | undefined) => `<td>${n === undefined ? '—' : esc(euros(n))}</td>`;
  const t = moneyByFiche(ctx.contract, { annee }).get(f.id);
  const total = rows.length > 1 && t ? `<tr class="total"><th scope="row">${fr.total}</th>${cell(t.prevu)}${cell(t.engage)}${cell(t.realise)}</tr>` : '';
  return scrollTable(ctx, `Financements ${annee}`, `<table class="rapport-financements"><caption>Financements ${annee}</caption><thead><tr><th scope="col">${fr.financeur}</th><th scope="col">Programmé</th><th scope="col">Engagé</th><th scope="col">Versé</th></tr></thead><tbody>${rows.map((r) => `<tr><th scope="row">${esc(r.financeur)}</th>${cell(r.prevu)}${cell(r.engage)}${cell(r.realise)}</tr>`).join('')}${total}</tbody></table>`);
}

function indicators(f: Fiche, annee: number, ctx: RenderContext): string {
  const rows = f.indicateurs.flatMap((ind) => {
    if (!ind.id) return [];
    const p = ficheIndicateurProgress(f, ind.id, annee);
    const value = p?.valeurs.find((v) => v.annee === annee);
    if (!p || !value) return [];
    const shown = value.valeur === null ? `<abbr title="${esc(SECRET_LABEL)}">${SECRET}</abbr>` : esc(formatNumber(value.valeur, 1));
    const ratio = p.ratio !== undefined && value.valeur !== null ? `${esc(formatNumber(p.ratio * 100, 0))}${NBSP}%` : '—';
    const initiale = ind.valeur_initiale !== undefined ? esc(formatNumber(ind.valeur_initiale, 1)) : '—';
    const cible = ind.cible === undefined ? '—' : esc(typeof ind.cible === 'number' ? formatNumber(ind.cible, 1) : String(ind.cible));
    return [`<tr><th scope="row">${esc(ind.libelle)}</th><td>${initiale}</td><td>${shown}</td><td>${cible}</td><td>${ratio}</td></tr>`];
  });
  if (rows.length === 0) return '';
  return scrollTable(ctx, `Indicateurs de la fiche en ${annee}`, `<table class="rapport-indicateurs"><caption>Indicateurs de la fiche en ${annee}</caption><thead><tr><th scope="col">${fr.libelle}</th><th scope="col">Valeur initiale</th><th scope="col">${annee}</th><th scope="col">${fr.cible}</th><th scope="col">Parcouru</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
}
