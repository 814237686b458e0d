/**
 * The annual report's actions of year N: every fiche with a suivi for N,
 * by pilier and objectif (each under its first objectif), with its status
 * and progress, its money by funder (programmed, committed, paid), its
 * indicators against their targets, its subsidy files and its comment.
 */
import { fr } from '../../i18n/fr.ts';
import type { Fiche } from '../model/index.ts';
import { entityLabel, fichesOfYear, ficheStatut, moneyByFiche, suiviAt, type ObjectifActions } from '../queries/index.ts';
import { scrollTable } from './scroll-table.ts';
import type { RenderContext } from './context.ts';
import { euros, renderFicheYear } from './fiche-suivi.ts';
import { esc } from './html.ts';
import { printAnchor } from './labels.ts';
import { formatNumber } from '../format.ts';

export { euros };

const NBSP = '\u00a0';

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
  return (
    // The fiche's anchor: a reference to it in the printed report leads here, with its page.
    `<section class="rapport-fiche" id="${esc(printAnchor({ kind: 'fiche', id: f.id }))}">` +
    `<${h}>${esc(entityLabel(ctx.contract, { kind: 'fiche', id: f.id }).prefix)} — ${esc(f.titre)}</${h}>` +
    renderFicheYear(f, ctx, annee, { headingLevel: level, idPrefix: `rapport-${f.id}-${annee}-`, porteur: true }) +
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
