/**
 * The follow-up dashboard's money and targets. Money: every year of the
 * follow-up, by year, by funder and by pilier, each the annual report's
 * figure (bar chart of the programmed amounts over the table of programmed,
 * committed and paid); the by-year figure also carries its data for the
 * chart.js enhancement. Targets: each figured target of the contract,
 * reference → latest value → target, judged by the indicator's `sens`, a
 * secret shown as « secret statistique », never as 0. Sums and ratios are
 * the queries'.
 */
import { fr } from '../../i18n/fr.ts';
import { cibleProgress, ciblesOf, entityLabel, moneyByFunder, moneyByPilier, moneyByYear, moneyTotal, type CibleProgress } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { scrollTable } from './scroll-table.ts';
import { esc } from './html.ts';
import { renderMoneyFigure } from './rapport-moyens.ts';
import { formatValue } from './units.ts';
import { formatNumber } from '../format.ts';
import { pluralize } from '../plural.ts';

const NBSP = '\u00a0';

export function renderSuiviMoyens(ctx: RenderContext, headingLevel: number): string {
  const contract = ctx.contract;
  const total = moneyTotal(contract);
  if (total.prevu === 0 && total.engage === 0 && total.realise === 0) return `<p>Aucun montant n’est inscrit au suivi des fiches.</p>`;
  const h = `h${headingLevel}`;
  const l = contract.contrat.libelles;
  const years = moneyByYear(contract);
  const span = years.length > 1 ? `de ${years[0]!.annee} à ${years.at(-1)!.annee}` : `en ${years[0]!.annee}`;
  const chartData = { unite: '€', annees: years.map((y) => y.annee), series: [
    { nom: 'Programmé', type: 'quartier', valeurs: years.map((y) => y.prevu) },
    { nom: 'Engagé', type: 'quartier', valeurs: years.map((y) => y.engage) },
    { nom: 'Versé', type: 'quartier', valeurs: years.map((y) => y.realise) },
  ] };
  const piliers = moneyByPilier(contract).map((m) => {
    const p = contract.piliers.find((x) => x.id === m.pilier);
    return { ...m, nom: `${entityLabel(contract, { kind: 'pilier', id: m.pilier }).prefix} — ${p?.titre ?? m.pilier}` };
  });
  return (
    `<p>Les montants inscrits au suivi des fiches, ${span}${NBSP}: programmés, engagés (convention signée, subvention attribuée) et versés (à ce jour, sur la programmation de l’année). Une fiche compte pour le ${esc(l.pilier.toLowerCase())} de son premier ${esc(l.objectif.toLowerCase())}${NBSP}: les ${esc(pluralize(l.pilier).toLowerCase())} totalisent l’ensemble.</p>` +
    `<${h}>Par année</${h}>` +
    `<div class="chart-enhance" data-chart="${esc(JSON.stringify(chartData))}">` +
    renderMoneyFigure(ctx, `Moyens par année, ${span}`, years.map((y) => ({ ...y, nom: String(y.annee) })), total, 'suivi-annees', 'Année') +
    `</div><${h}>Par financeur</${h}>` +
    renderMoneyFigure(ctx, `Moyens par financeur, ${span}`, moneyByFunder(contract).map((m) => ({ ...m, nom: m.financeur })), total, 'suivi-financeurs', fr.financeur) +
    `<${h}>Par ${esc(l.pilier.toLowerCase())}</${h}>` +
    renderMoneyFigure(ctx, `Moyens par ${l.pilier.toLowerCase()}, ${span}`, piliers, total, 'suivi-piliers', l.pilier)
  );
}

export function renderSuiviCibles(ctx: RenderContext): string {
  const contract = ctx.contract;
  const l = contract.contrat.libelles;
  const list = ciblesOf(contract).map(({ cible }) => cibleProgress(contract, cible));
  if (list.length === 0) return `<p>Le contrat ne fixe pas d’objectif chiffré (clé <code>cibles</code> des ${esc(pluralize(l.objectif).toLowerCase())}).</p>`;
  const rows = list.map((p) => {
    const unite = p.indicateur?.unite ?? '';
    const o = p.objectif!;
    const territoire = ctx.lookup.territoire.get(p.cible.territoire)?.nom ?? ctx.lookup.quartier.get(p.cible.territoire)?.nom ?? p.cible.territoire;
    const ind = p.indicateur ? `<a href="${esc(ctx.href({ kind: 'indicateur', id: p.indicateur.id }))}">${esc(p.indicateur.titre)}</a>` : esc(p.cible.indicateur);
    const ref = p.reference ? `${esc(formatValue(p.reference.valeur, unite))} <span class="annee">(${p.reference.annee})</span>` : '—';
    const last = !p.derniere ? 'non renseignée' : p.secret ? `<em>secret statistique</em> <span class="annee">(${p.derniere.annee})</span>` : `${esc(formatValue(p.derniere.valeur, unite))} <span class="annee">(${p.derniere.annee})</span>`;
    return (
      `<tr><th scope="row"><a href="${esc(ctx.href({ kind: 'objectif', id: o.id }))}">${esc(o.numero)}</a> ${esc(o.titre)}</th><td>${ind}</td><td>${esc(territoire)}</td>` +
      `<td class="nombre">${ref}</td><td class="nombre">${last}</td><td class="nombre">${esc(formatValue(p.cible.valeur, unite))} <span class="annee">(${p.cible.annee})</span></td><td>${progress(p)}</td></tr>`
    );
  });
  return (
    `<p>Pour chaque objectif chiffré${NBSP}: la valeur de référence, la dernière valeur connue, la cible, et le chemin parcouru de la référence vers la cible. Le sens de l’indicateur dit si l’évolution est favorable${NBSP}; un secret statistique reste un secret, jamais un zéro.</p>` +
    scrollTable(ctx, `Objectifs chiffrés${NBSP}: référence, dernière valeur et cible`, `<table class="suivi-cibles"><caption>Objectifs chiffrés${NBSP}: référence, dernière valeur et cible</caption>` +
    `<thead><tr><th scope="col">${esc(l.objectif)}</th><th scope="col">Indicateur</th><th scope="col">Territoire</th><th scope="col">Référence</th><th scope="col">Dernière valeur</th><th scope="col">Cible</th><th scope="col">Parcouru</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`)
  );
}

/** « 38 % du chemin, évolution favorable », with a meter (the words carry the meaning). */
function progress(p: CibleProgress): string {
  if (p.secret) return 'non calculable (secret)';
  if (!p.derniere) return '—';
  if (p.reference && p.derniere.annee <= p.reference.annee) return 'aucune valeur depuis la référence';
  const stable = p.reference && p.derniere.valeur === p.reference.valeur;
  const verdict = p.jugement === 'favorable' ? 'évolution favorable' : p.jugement === 'defavorable' ? 'évolution défavorable' : stable ? 'stable' : 'évolution non jugée (sens neutre)';
  if (p.ratio === undefined) return esc(verdict);
  const pct = Math.round(p.ratio * 100);
  // A meter for the eye; the words beside it carry the meaning.
  const gauge = `<meter value="${Math.max(0, Math.min(1, p.ratio)).toFixed(2)}" aria-hidden="true"></meter>`;
  return `${gauge} <span class="jugement jugement-${p.jugement ?? 'neutre'}">${esc(formatNumber(pct, 0))}${NBSP}% du chemin, ${esc(verdict)}</span>`;
}
