/**
 * The AFOM (SWOT) matrix: a 2×2 grid, internal (atouts, faiblesses) over
 * external (opportunités, menaces). Items carry their anchor so the tree and
 * :ref can point at them, and link to the indicators that support them and
 * to the enjeux that answer them. Site pages and print documents give an
 * entity the same fragment id, so the anchors do not depend on the view.
 */
import { fr } from '../../i18n/fr.ts';
import type { Afom, AfomItem } from '../model/index.ts';
import { AFOM_QUADRANTS, type AfomQuadrant } from '../model/schemas/afom.ts';
import { anchors } from '../site/routes.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';
import { entityLabel } from '../queries/index.ts';
import { elsewhere, renderRef } from './labels.ts';

export function renderAfom(afom: Afom, ctx: RenderContext, options: { headingLevel?: number; anchor?: boolean } = {}): string {
  const h = options.headingLevel ?? 3;
  const id = options.anchor === false ? '' : ` id="${anchors.afom(afom.id)}"`;
  const context = [
    afom.pilier ? renderRef({ kind: 'pilier', id: afom.pilier }, ctx, { sentenceStart: true, titled: true }) : '',
    afom.quartier ? renderRef({ kind: 'quartier', id: afom.quartier }, ctx) : '',
  ].filter(Boolean);
  const cells = AFOM_QUADRANTS.map((q) => quadrant(q, afom.quadrants[q], ctx, h + 1)).join('');
  // In print, the enjeux cited are in the other cahier: said once under the grid, not after each.
  const cited = AFOM_QUADRANTS.flatMap((q) => afom.quadrants[q].flatMap((item) => item.enjeux));
  const note = ctx.refForm === 'short' && ctx.elsewhere && cited.some((e) => ctx.refHref({ kind: 'enjeu', id: e }) === undefined) ? `\n<p class="afom-renvoi">«\u00a0${fr.citePar}\u00a0» renvoie au ${esc(ctx.elsewhere)}.</p>` : '';
  return `<section class="afom"${id} aria-labelledby="${anchors.afom(afom.id)}-titre">
<h${h} id="${anchors.afom(afom.id)}-titre" class="afom-titre">${esc(afom.titre)}</h${h}>${context.length ? `\n<p class="afom-contexte">${context.join(' · ')}</p>` : ''}
<div class="afom-grille">${cells}</div>${note}
</section>`;
}

function quadrant(q: AfomQuadrant, items: readonly AfomItem[], ctx: RenderContext, h: number): string {
  const list = items.length
    ? `<ul>${items.map((item) => `<li${item.id ? ` id="${anchors.constat(item.id)}"` : ''}>${itemHtml(item, ctx)}</li>`).join('')}</ul>`
    : '<p class="afom-vide">—</p>';
  return `<div class="afom-case afom-${q}"><h${h}>${fr.afomQuadrants[q]}</h${h}>${list}</div>`;
}

function itemHtml(item: AfomItem, ctx: RenderContext): string {
  const links: string[] = [];
  for (const id of item.indicateurs) links.push(renderRef({ kind: 'indicateur', id }, ctx));
  const cited = item.enjeux.map((id) => {
    if (ctx.refForm === 'short') return renderRef({ kind: 'enjeu', id }, ctx, { elsewhereSaid: true });
    const label = entityLabel(ctx.contract, { kind: 'enjeu', id });
    const href = ctx.refHref({ kind: 'enjeu', id });
    return href
      ? `<a class="ref ref-enjeu" href="${esc(href)}" title="${esc(label.titre)}">${esc(label.prefix)}</a>`
      : `<span class="ref ref-enjeu ref-ailleurs">${esc(label.prefix)}${elsewhere(ctx)}</span>`;
  });
  const meta = [
    links.length ? `<span class="afom-indicateurs">${fr.voirIndicateur} : ${links.join(', ')}</span>` : '',
    cited.length ? `<span class="afom-enjeux">${fr.citePar} : ${cited.join(', ')}</span>` : '',
  ].filter(Boolean);
  return `${esc(item.texte)}${meta.length ? `<br><small>${meta.join(' · ')}</small>` : ''}`;
}
