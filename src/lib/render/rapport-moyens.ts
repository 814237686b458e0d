/**
 * The annual report's means and commitments. Means: year N and cumulated
 * since the start of the contract, by pilier (each fiche under the pilier of
 * its first objectif, so that the piliers add up to the total) and by
 * funder; each a numbered figure (bar chart of the amounts programmed, from
 * the same renderer as the indicators' charts) over its table. Every sum is
 * the shared money queries'; nothing is added up here.
 */
import { fr } from '../../i18n/fr.ts';
import { engagementsBySignataire, engagementStatut, entityLabel, moneyByFunder, moneyByPilier, moneyTotal, type MoneyScope, type MoneyTotals } from '../queries/index.ts';
import { renderBars } from './chart-bars.ts';
import { QUARTIER_PALETTE } from './chart-style.ts';
import type { RenderContext } from './context.ts';
import { domId, esc } from './html.ts';
import { euros } from './rapport-actions.ts';
import { scrollTable } from './scroll-table.ts';

const NBSP = '\u00a0';

export interface MoneyLine extends MoneyTotals {
  nom: string;
}

export function renderRapportMoyens(ctx: RenderContext, annee: number, headingLevel: number): string {
  const contract = ctx.contract;
  const debut = contract.contrat.periode.debut;
  const h = `h${headingLevel}`;
  const pilierName = (id: string) => {
    const p = contract.piliers.find((x) => x.id === id);
    return `${entityLabel(contract, { kind: 'pilier', id }).prefix} — ${p?.titre ?? id}`;
  };
  const block = (scope: MoneyScope, when: string, key: string) => {
    const total = moneyTotal(contract, scope);
    if (total.prevu === 0 && total.engage === 0 && total.realise === 0) return `<p>Aucun montant n’est inscrit au suivi des fiches ${when}.</p>`;
    const piliers = moneyByPilier(contract, scope).map((m) => ({ ...m, nom: pilierName(m.pilier) }));
    const funders = moneyByFunder(contract, scope).map((m) => ({ ...m, nom: m.financeur }));
    return (
      renderMoneyFigure(ctx, `Moyens par ${contract.contrat.libelles.pilier.toLowerCase()}, ${when}`, piliers, total, `${key}-piliers`, contract.contrat.libelles.pilier) +
      renderMoneyFigure(ctx, `Moyens par financeur, ${when}`, funders, total, `${key}-financeurs`, fr.financeur)
    );
  };
  return (
    `<p>Les montants inscrits au suivi des fiches projets${NBSP}: programmés, engagés (convention signée, subvention attribuée) et versés (à ce jour, sur la programmation de l’année). Une fiche compte pour le ${esc(contract.contrat.libelles.pilier.toLowerCase())} de son premier ${esc(contract.contrat.libelles.objectif.toLowerCase())}${NBSP}: les ${esc(contract.contrat.libelles.pilier.toLowerCase())}s totalisent l’ensemble.</p>` +
    `<${h}>L’année ${annee}</${h}>` +
    block({ annee }, `en ${annee}`, `annee-${annee}`) +
    `<${h}>Depuis le début du contrat</${h}>` +
    block({ jusqua: annee }, annee > debut ? `de ${debut} à ${annee}` : `en ${annee}`, `cumul-${annee}`)
  );
}

/**
 * One numbered figure of money: a bar chart of the amounts programmed over a
 * table of programmed, committed and paid, with its total; shared by the
 * annual report and the follow-up dashboard.
 */
export function renderMoneyFigure(ctx: RenderContext, title: string, lines: readonly MoneyLine[], total: MoneyTotals, key: string, first: string): string {
  const series = lines.map((l, i) => ({ id: `${key}-${i}`, nom: l.nom, quartier: false, values: [l.prevu], colour: QUARTIER_PALETTE[0]! }));
  const id = (part: string) => domId('moyens', key, part);
  const desc = `${title}, montants programmés${NBSP}: ${lines.map((l) => `${l.nom} ${euros(l.prevu)}`).join(', ')}.`;
  const chart = renderBars(series, '€', { titleId: id('titre'), descId: id('desc'), title: `${title} (programmé)`, desc });
  const row = (l: MoneyLine, head = 'th scope="row"') => `<tr><${head}>${esc(l.nom)}</${head.split(' ')[0]}><td>${esc(euros(l.prevu))}</td><td>${esc(euros(l.engage))}</td><td>${esc(euros(l.realise))}</td></tr>`;
  return (
    `<figure class="graphique moyens" data-moyens="${esc(key)}"><figcaption><span class="graphique-titre">${esc(title)}</span></figcaption>${chart}` +
    `<p class="source">Source${NBSP}: suivi des fiches projets (montants programmés, engagés et versés)</p>` +
    scrollTable(ctx, title, `<table class="donnees rapport-moyens"><caption>${esc(title)}</caption><thead><tr><th scope="col">${esc(first)}</th><th scope="col">Programmé</th><th scope="col">Engagé</th><th scope="col">Versé</th></tr></thead><tbody>${lines.map((l) => row(l)).join('')}</tbody><tfoot>${row({ nom: fr.total, ...total })}</tfoot></table>`) + `</figure>`
  );
}

export function renderRapportEngagements(ctx: RenderContext, annee: number, headingLevel: number): string {
  const groups = engagementsBySignataire(ctx.contract);
  if (groups.length === 0) return `<p>Les signataires n’ont pas pris d’engagement suivi dans le contrat.</p>`;
  const h = `h${headingLevel}`;
  return groups
    .map(({ signataire, engagements }) => {
      const rows = engagements.map((e) => {
        const statut = engagementStatut(e, annee);
        const commentaire = e.suivi.find((s) => s.annee === annee)?.commentaire;
        return `<tr><th scope="row">${esc(e.engagement)}</th><td>${statut ? esc(fr.engagementStatuts[statut]) : 'Non renseigné'}</td><td>${commentaire ? esc(commentaire) : '—'}</td></tr>`;
      });
      return `<${h}>${esc(signataire)}</${h}>` + scrollTable(ctx, `${signataire} : engagements en ${annee}`, `<table class="rapport-engagements"><caption>${esc(signataire)}${NBSP}: engagements en ${annee}</caption><thead><tr><th scope="col">Engagement</th><th scope="col">${fr.statut} ${annee}</th><th scope="col">Commentaire</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    })
    .join('');
}

