/**
 * Fiches as cards (the `::fiches` directive, the /fiches/ list, quartier
 * pages). Data attributes carry what the /fiches/ filters match on.
 */
import { fr } from '../../i18n/fr.ts';
import { formatNumber } from '../format.ts';
import type { Fiche } from '../model/index.ts';
import type { RenderContext } from './context.ts';
import { attrs, esc } from './html.ts';

export function renderFicheCards(fiches: readonly Fiche[], ctx: RenderContext, options: { headingLevel?: number; filterData?: boolean } = {}): string {
  if (fiches.length === 0) return `<p class="fiches-vide">${fr.aucuneFiche}</p>`;
  return `<ul class="fiche-cards">${fiches.map((f) => card(f, ctx, options.headingLevel ?? 3, options.filterData ?? false)).join('')}</ul>`;
}

function card(f: Fiche, ctx: RenderContext, h: number, filterData: boolean): string {
  const href = ctx.refHref({ kind: 'fiche', id: f.id });
  const objectifs = f.objectifs.map((id) => ctx.lookup.objectif.get(id)!.numero).join(', ');
  const quartiers = f.tousQuartiers ? fr.tousQuartiers : f.quartiers.map((id) => ctx.lookup.quartier.get(id)!.nom).join(', ');
  const data = filterData
    ? attrs({
        'data-pilier': f.piliers.join(' '),
        'data-objectif': f.objectifs.join(' '),
        'data-quartier': f.quartiers.join(' '),
        'data-porteur': f.porteur,
        'data-statut': f.statut,
        'data-axe': f.axes_transversaux.join(' '),
      })
    : '';
  return `<li class="fiche-card"${data}>
<p class="fiche-card-num">${fr.fiche} ${f.numero} · ${esc(ctx.contract.contrat.libelles.objectif)} ${esc(objectifs)}</p>
<h${h} class="fiche-card-titre">${href ? `<a href="${esc(href)}">${esc(f.titre)}</a>` : esc(f.titre)}</h${h}>
<p class="fiche-card-meta">${esc(f.porteur)} · ${esc(quartiers)}${f.budget ? ` · ${formatNumber(f.budget.total, 0)}\u202f€` : ''}</p>
${statutBadge(f.statut)}
</li>`;
}

export function statutBadge(statut: Fiche['statut']): string {
  return `<p class="statut statut-${statut}"><span class="visually-hidden">${fr.statut} : </span>${fr.statuts[statut]}</p>`;
}
