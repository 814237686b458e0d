/**
 * The annual report's opinions and deliberation: a table of every
 * consulted body and its answer (or « avis réputé favorable » once the
 * décret's tacit rule applies), each opinion in full, then the
 * deliberation that adopted the report.
 */
import { fr } from '../../i18n/fr.ts';
import type { Rapport } from '../model/index.ts';
import { consultationRows, type ConsultationRow } from '../queries/index.ts';
import { renderBody } from './body.ts';
import { scrollTable } from './scroll-table.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';
import { formatDate } from '../format.ts';

const NBSP = '\u00a0';

function answer(row: ConsultationRow, r: Rapport): string {
  if (row.avis) return row.avis.sens ? fr.rapport.sens[row.avis.sens] : 'Sens à compléter';
  if (row.statut === 'tacite') return fr.rapport.tacite;
  if (row.statut === 'attendu') return r.consultation ? `Avis attendu d’ici au ${formatDate(r.consultation.fin)}` : 'Consultation à venir';
  return 'Sans avis à la date de la délibération';
}

export function renderRapportAvis(ctx: RenderContext, r: Rapport, headingLevel: number): string {
  const rows = consultationRows(ctx.contract, r);
  const h = `h${headingLevel}`;
  const c = r.consultation;
  const intro = c
    ? `<p>Le projet de rapport a été soumis pour avis le ${formatDate(c.debut)} aux conseils municipaux des communes qui comptent un quartier prioritaire et au conseil citoyen de chaque quartier prioritaire, qui ${r.etat === 'adopte' ? 'avaient' : 'ont'} jusqu’au ${formatDate(c.fin)} pour répondre. Une instance qui n’a pas répondu dans ce délai est réputée avoir rendu un avis favorable.</p>`
    : `<p>Le projet de rapport sera soumis pour avis aux conseils municipaux des communes qui comptent un quartier prioritaire et au conseil citoyen de chaque quartier prioritaire.</p>`;
  const table = scrollTable(ctx, 'Instances consultées et leurs avis', `<table class="rapport-consultation"><caption>Instances consultées et leurs avis</caption><thead><tr><th scope="col">Instance</th><th scope="col">Date</th><th scope="col">Avis</th></tr></thead><tbody>${rows
    .map((row) => `<tr data-statut="${row.statut}"><th scope="row">${esc(row.instance)}</th><td>${row.avis?.date ? esc(formatDate(row.avis.date)) : '—'}</td><td>${esc(answer(row, r))}</td></tr>`)
    .join('')}</tbody></table>`);
  const full = rows.flatMap((row) => {
    const a = row.avis;
    if (!a) return [];
    const meta = [a.date ? `rendu le ${formatDate(a.date)}` : 'date à compléter', a.sens ? fr.rapport.sens[a.sens].toLowerCase() : 'sens à compléter'].join(', ');
    return [`<section class="rapport-avis" id="avis-${esc(a.id)}"><${h}>${esc(a.instance)}</${h}><p class="rapport-avis-meta">Avis ${esc(meta)}.</p>${renderBody(a.body, ctx, { headingShift: headingLevel - 1, idPrefix: `avis-${a.id}-` })}</section>`];
  });
  return intro + table + full.join('');
}

export function renderRapportDeliberation(r: Rapport): string {
  const d = r.deliberation;
  if (r.etat !== 'adopte' || !d) return `<p>Le rapport n’est pas encore adopté${NBSP}: il le sera par délibération, au vu des avis recueillis.</p>`;
  return `<p>Le rapport a été adopté par délibération ${d.numero ? `n°${NBSP}${esc(d.numero)} ` : ''}du ${esc(d.instance.charAt(0).toLowerCase() + d.instance.slice(1))} en date du ${formatDate(d.date)}.</p>`;
}
