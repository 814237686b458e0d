/**
 * The signatories' commitments page: per signatory, each commitment with
 * the objectifs and quartiers it serves (linked) and its statut year by
 * year with the comment; above them, where each signatory stands in the
 * latest year. Groups, years and statuts are the thread queries'.
 */
import { fr } from '../../i18n/fr.ts';
import type { Engagement, EngagementStatut } from '../model/index.ts';
import { engagementsBySignataire, engagementStatut, engagementYears } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { pluralize } from '../plural.ts';
import { scrollTable } from './scroll-table.ts';
import { esc, domId } from './html.ts';

const NBSP = '\u00a0';
const STATUTS = Object.keys(fr.engagementStatuts) as EngagementStatut[];

export function renderEngagementsSummary(ctx: RenderContext): string {
  const years = engagementYears(ctx.contract);
  const last = years.at(-1);
  if (last === undefined) return '';
  const rows = engagementsBySignataire(ctx.contract).map(({ signataire, engagements }, i) => {
    const cells = STATUTS.map((s) => `<td>${engagements.filter((e) => engagementStatut(e, last) === s).length}</td>`).join('');
    const none = engagements.filter((e) => !engagementStatut(e, last)).length;
    return `<tr><th scope="row"><a href="#signataire-${i + 1}">${esc(signataire)}</a></th><td>${engagements.length}</td>${cells}<td>${none}</td></tr>`;
  });
  const caption = `Statut des engagements en ${last}, par signataire`;
  return (
    scrollTable(ctx, caption, `<table class="suivi-statuts"><caption>${esc(caption)}</caption>` +
    `<thead><tr><th scope="col">Signataire</th><th scope="col">Engagements</th>${STATUTS.map((s) => `<th scope="col">${esc(fr.engagementStatuts[s])}</th>`).join('')}<th scope="col">Non renseigné</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`)
  );
}

export function renderEngagements(ctx: RenderContext, headingLevel: number): string {
  const h = `h${headingLevel}`;
  const h2 = `h${headingLevel + 1}`;
  return engagementsBySignataire(ctx.contract)
    .map(({ signataire, engagements }, i) => `<section class="signataire" aria-labelledby="signataire-${i + 1}"><${h} id="signataire-${i + 1}">${esc(signataire)}</${h}>${engagements.map((e) => engagement(ctx, e, h2)).join('')}</section>`)
    .join('');
}

function engagement(ctx: RenderContext, e: Engagement, h: string): string {
  const objectifs = e.objectifs.map((id) => {
    const o = ctx.lookup.objectif.get(id);
    return `<a href="${esc(ctx.href({ kind: 'objectif', id }))}">${esc(o ? `${o.numero}${NBSP}${o.titre}` : id)}</a>`;
  });
  const quartiers = e.tousQuartiers ? ['tous les quartiers'] : e.quartiers.map((id) => `<a href="${esc(ctx.href({ kind: 'quartier', id }))}">${esc(ctx.lookup.quartier.get(id)?.nom ?? id)}</a>`);
  const facts = [
    ...(objectifs.length ? [`<dt>${esc(objectifs.length > 1 ? pluralize(ctx.contract.contrat.libelles.objectif) : ctx.contract.contrat.libelles.objectif)}</dt><dd>${objectifs.join(' ; ')}</dd>`] : []),
    ...(quartiers.length ? [`<dt>Quartiers</dt><dd>${quartiers.join(', ')}</dd>`] : []),
  ];
  // A list rather than a table: a comment reads in full on a phone.
  const suivi = e.suivi.length
    ? `<ul class="engagement-annees">${e.suivi.map((s) => `<li><strong>${s.annee}</strong> <span class="statut engagement-${s.statut}">${esc(fr.engagementStatuts[s.statut])}</span>${s.commentaire ? ` ${esc(s.commentaire)}` : ''}</li>`).join('')}</ul>`
    : `<p>Aucun suivi inscrit.</p>`;
  return `<article class="engagement" id="${esc(domId('engagement', e.id))}"><${h}>${esc(e.engagement)}</${h}>${facts.length ? `<dl class="engagement-faits">${facts.join('')}</dl>` : ''}${suivi}</article>`;
}
