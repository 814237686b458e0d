/**
 * The annual report's first two parts, for year N: the contract's
 * orientations (the tree as an outline, then its figured targets) and the
 * evolution of each quartier (its indicators, years ≤ N, against the
 * targets set for it, with series breaks and secrets shown as such).
 * Site and print call the same functions; `headingLevel` is the level of
 * the headings inside the part.
 */
import type { Contract, Indicateur, Quartier } from '../model/index.ts';
import { cibleProgress, ciblesOf, type CibleProgress } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';
import { renderArbreOutline } from './tree-outline.ts';
import { scrollTable } from './scroll-table.ts';
import { formatValue, SECRET, SECRET_LABEL } from './units.ts';
import { formatNumber } from '../format.ts';
import { pluralize } from '../plural.ts';

const NBSP = '\u00a0';

export function renderRapportOrientations(ctx: RenderContext, annee: number, headingLevel: number): string {
  const contract = ctx.contract;
  const cibles = ciblesOf(contract).map(({ cible }) => cibleProgress(contract, cible, annee));
  const h = `h${headingLevel}`;
  const l = contract.contrat.libelles;
  return (
    `<p>Le contrat s’organise en ${contract.piliers.length}${NBSP}${esc((contract.piliers.length > 1 ? pluralize(l.pilier) : l.pilier).toLowerCase())}, déclinés ici jusqu’au niveau ${esc(deLevel(l.objectif))}, avec les fiches projets qui les mettent en œuvre.</p>` +
    renderArbreOutline(contract.piliers, ctx) +
    `<${h}>Objectifs chiffrés</${h}>` +
    (cibles.length === 0
      ? `<p>Le contrat ne fixe pas d’objectif chiffré.</p>`
      : scrollTable(ctx, 'Objectifs chiffrés du contrat (cibles)', `<table class="rapport-cibles"><caption>Objectifs chiffrés du contrat (cibles)</caption><thead><tr><th scope="col">${esc(contract.contrat.libelles.objectif)}</th><th scope="col">Indicateur</th><th scope="col">Territoire</th><th scope="col">Référence</th><th scope="col">Cible</th></tr></thead><tbody>${cibles
          .map((p) => `<tr><th scope="row">${esc(p.objectif ? `${p.objectif.numero} ${p.objectif.titre}` : '')}</th><td>${esc(p.indicateur?.titre ?? p.cible.indicateur)}</td><td>${esc(ctx.lookup.territoire.get(p.cible.territoire)?.nom ?? p.cible.territoire)}</td><td>${reference(p)}</td><td>${esc(formatValue(p.cible.valeur, unit(p)))} en${NBSP}${p.cible.annee}</td></tr>`)
          .join('')}</tbody></table>`))
  );
}

/** « des objectifs opérationnels », « des engagements »: the level, as a reader names it. */
function deLevel(libelle: string): string {
  return `des ${pluralize(libelle).toLowerCase()}`;
}

function unit(p: CibleProgress): string {
  return p.indicateur?.unite ?? '';
}

function reference(p: CibleProgress): string {
  return p.reference ? `${esc(formatValue(p.reference.valeur, unit(p)))} en${NBSP}${p.reference.annee}` : '—';
}

/** Every quartier, prioritaires first: a table per quartier, one row per indicator with values for it. */
export function renderRapportQuartiers(ctx: RenderContext, annee: number, headingLevel: number): string {
  const contract = ctx.contract;
  const quartiers = [...contract.quartiers].sort((a, b) => (a.categorie === b.categorie ? 0 : a.categorie === 'prioritaire' ? -1 : 1));
  const h = `h${headingLevel}`;
  const intro = `<p>Pour chaque quartier, les indicateurs du diagnostic jusqu’en ${annee}, face aux cibles que le contrat s’est fixées. « ${SECRET} » marque un ${SECRET_LABEL} (jamais un zéro) ; « ‖ » une rupture de série, expliquée sous le tableau : les valeurs de part et d’autre ne se comparent pas.</p>`;
  return intro + quartiers.map((q) => `<${h} id="rapport-quartier-${esc(q.id)}">${esc(q.nom)}</${h}>${quartierTable(ctx, q, annee)}`).join('');
}

function quartierTable(ctx: RenderContext, q: Quartier, annee: number): string {
  const contract = ctx.contract;
  const indicateurs = contract.indicateurs.filter((i) => i.valeurs.some((v) => v.territoire === q.id && v.annee <= annee));
  if (indicateurs.length === 0) return `<p>Aucun indicateur n’est renseigné pour ce quartier jusqu’en ${annee}.</p>`;
  const years = [...new Set(indicateurs.flatMap((i) => i.valeurs.filter((v) => v.territoire === q.id && v.annee <= annee).map((v) => v.annee)))].sort((a, b) => a - b);
  const cibles = ciblesOf(contract).filter(({ cible }) => cible.territoire === q.id);
  const notes: string[] = [];
  const rows = indicateurs.map((ind) => {
    const breaks = new Map((ind.ruptures ?? []).map((r) => [r.annee, r.libelle]));
    for (const [y, libelle] of breaks) if (y <= annee && years.includes(y)) notes.push(`${ind.titre}, ${y}${NBSP}: ${libelle}`);
    const cells = years.map((y) => {
      const v = ind.valeurs.find((x) => x.territoire === q.id && x.annee === y);
      const mark = breaks.has(y) ? `<span class="rupture" title="rupture de série">‖${NBSP}</span>` : '';
      if (!v) return `<td>${mark}—</td>`;
      return v.valeur === null ? `<td>${mark}<abbr title="${esc(SECRET_LABEL)}">${SECRET}</abbr></td>` : `<td>${mark}${esc(formatValue(v.valeur, ind.unite))}</td>`;
    });
    const targets = cibles.filter(({ cible }) => cible.indicateur === ind.id).map(({ cible }) => target(contract, ind, cible, annee));
    return `<tr><th scope="row">${esc(ind.titre)}</th>${cells.join('')}<td>${targets.join('<br>') || '—'}</td></tr>`;
  });
  return (
    scrollTable(ctx, `Indicateurs ${deQuartier(q.nom)} jusqu’en ${annee}`, `<table class="rapport-evolution"><caption>Indicateurs ${esc(deQuartier(q.nom))} jusqu’en ${annee}</caption><thead><tr><th scope="col">Indicateur</th>${years.map((y) => `<th scope="col">${y}</th>`).join('')}<th scope="col">Cible</th></tr></thead><tbody>${rows.join('')}</tbody></table>`) +
    (notes.length ? `<p class="note">Ruptures de série${NBSP}: ${esc(notes.join(' ; '))}.</p>` : '')
  );
}

function deQuartier(nom: string): string {
  return `du quartier ${nom}`;
}

/**
 * « 50 % en 2020 (parcouru : 38 %) »: the target, and how far the latest
 * value ≤ N has gone from the reference towards it; nothing measured when
 * the latest value is the reference's own year; a movement away from the
 * target said in words, not as a negative share.
 */
function target(contract: Contract, ind: Indicateur, cible: CibleProgress['cible'], annee: number): string {
  const p = cibleProgress(contract, cible, annee);
  const base = `${esc(formatValue(cible.valeur, ind.unite))} en${NBSP}${cible.annee}`;
  if (p.secret) return `${base} (dernière valeur${NBSP}: ${SECRET})`;
  if (p.ratio === undefined || !p.derniere || !p.reference || p.derniere.annee <= p.reference.annee) return base;
  if (p.ratio < 0) return `${base} (s’en éloigne depuis ${p.reference.annee})`;
  return `${base} (parcouru${NBSP}: ${esc(formatNumber(p.ratio * 100, 0))}${NBSP}%)`;
}
