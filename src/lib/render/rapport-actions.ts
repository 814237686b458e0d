/**
 * The annual report's actions of year N: every fiche with a suivi for N,
 * by pilier and objectif (each under its first objectif), with its status
 * and progress, its money by funder (programmed, committed, paid), its
 * indicators against their targets, its subsidy files and its comment.
 */
import { fr } from '../../i18n/fr.ts';
import type { Fiche } from '../model/index.ts';
import { entityLabel, ficheIndicateurProgress, fichesOfYear, ficheStatut, isLate, moneyByFiche, suiviAt, type ObjectifActions } from '../queries/index.ts';
import { renderBody } from './body.ts';
import { scrollTable } from './scroll-table.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';
import { printAnchor } from './labels.ts';
import { formatValue, SECRET, SECRET_LABEL } from './units.ts';
import { formatNumber } from '../format.ts';

const NBSP = '\u00a0';

export function euros(n: number): string {
  return formatValue(n, '€');
}

export interface ActionsOptions {
  /**
   * `sheets`: each fiche's year in full (print); `table`: one row per
   * fiche, linked to its page where the year is told in full (the site,
   * whose report page stays light).
   */
  detail: 'sheets' | 'table';
}

export function renderRapportActions(ctx: RenderContext, annee: number, headingLevel: number, options: ActionsOptions = { detail: 'sheets' }): string {
  const groups = fichesOfYear(ctx.contract, annee);
  if (groups.length === 0) return `<p>Aucune fiche n’a de suivi pour ${annee}.</p>`;
  const count = groups.reduce((n, g) => n + g.objectifs.reduce((m, o) => m + o.fiches.length, 0), 0);
  const h = (depth: number) => `h${Math.min(6, headingLevel + depth)}`;
  const [h1, h2, h3] = [h(0), h(1), h(2)];
  return (
    `<p>${count} fiche${count > 1 ? 's' : ''} projet${count > 1 ? 's ont' : ' a'} un suivi pour ${annee}. Chacune figure sous son premier ${esc(ctx.contract.contrat.libelles.objectif.toLowerCase())}, comme ses montants dans les moyens.</p>` +
    groups
      .map(
        (g) =>
          `<${h1}>${esc(entityLabel(ctx.contract, { kind: 'pilier', id: g.pilier.id }).prefix)} — ${esc(g.pilier.titre)}</${h1}>` +
          (options.detail === 'table'
            ? ficheTable(g.objectifs, ctx, annee)
            : g.objectifs.map((o) => `<${h2}>${esc(o.objectif.numero)} ${esc(o.objectif.titre)}</${h2}>` + o.fiches.map((f) => ficheYear(f, ctx, annee, h3, headingLevel + 2)).join('')).join('')),
      )
      .join('')
  );
}

function ficheYear(f: Fiche, ctx: RenderContext, annee: number, h: string, level: number): string {
  const s = suiviAt(f, annee)!;
  const statut = ficheStatut(f, annee);
  const late = isLate(ctx.contract, f, annee) && statut !== 'en-retard' ? ` (en retard sur son calendrier)` : '';
  const facts = [
    `<dt>${fr.porteur}</dt><dd>${esc(f.porteur)}</dd>`,
    `<dt>${fr.statut} ${annee}</dt><dd>${esc(fr.statuts[statut])}${late}</dd>`,
    ...(s.avancement !== undefined ? [`<dt>Avancement</dt><dd>${esc(formatNumber(s.avancement, 0))}${NBSP}%</dd>`] : []),
    ...(s.dossiers?.length ? [`<dt>Dossiers de subvention</dt><dd>${s.dossiers.map((d) => esc(d)).join(', ')}</dd>`] : []),
  ];
  return (
    // The fiche's anchor: a reference to it in the printed report leads here, with its page.
    `<section class="rapport-fiche" id="${esc(printAnchor({ kind: 'fiche', id: f.id }))}">` +
    `<${h}>${esc(entityLabel(ctx.contract, { kind: 'fiche', id: f.id }).prefix)} — ${esc(f.titre)}</${h}>` +
    `<dl class="rapport-faits">${facts.join('')}</dl>` +
    money(f, annee, ctx) +
    indicators(f, annee, ctx) +
    (s.commentaire ? `<div class="rapport-commentaire">${renderBody(s.commentaire, ctx, { headingShift: level - 1, idPrefix: `rapport-${f.id}-${annee}-` })}</div>` : '') +
    `</section>`
  );
}

/** One row per fiche: status, progress and money of the year, the fiche linked to its page. */
function ficheTable(objectifs: readonly ObjectifActions[], ctx: RenderContext, annee: number): string {
  const totals = moneyByFiche(ctx.contract, { annee });
  const cell = (n: number | undefined) => `<td>${n === undefined ? '—' : esc(euros(n))}</td>`;
  // In the fiches' own numbering, which follows the earliest of their objectifs.
  const fiches = objectifs.flatMap((o) => o.fiches).sort((a, b) => a.numero - b.numero);
  const rows = fiches.map((f) => {
    const s = suiviAt(f, annee)!;
    const t = totals.get(f.id);
    const label = entityLabel(ctx.contract, { kind: 'fiche', id: f.id });
    return `<tr><th scope="row"><a href="${esc(ctx.href({ kind: 'fiche', id: f.id }))}">${esc(label.prefix)} — ${esc(f.titre)}</a></th><td>${esc(fr.statuts[ficheStatut(f, annee)])}</td><td>${s.avancement !== undefined ? `${esc(formatNumber(s.avancement, 0))}${NBSP}%` : '—'}</td>${cell(t?.prevu)}${cell(t?.engage)}${cell(t?.realise)}</tr>`;
  });
  return scrollTable(ctx, `Fiches suivies en ${annee}`, `<table class="rapport-financements"><caption>Fiches suivies en ${annee}</caption><thead><tr><th scope="col">Fiche</th><th scope="col">${fr.statut}</th><th scope="col">Avancement</th><th scope="col">Programmé</th><th scope="col">Engagé</th><th scope="col">Versé</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
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
