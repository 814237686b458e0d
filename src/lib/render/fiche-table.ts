/**
 * Fiches as a table (the `::fiches` directive in print): number, title,
 * porteur, quartiers, amount, and the page where the fiche starts, or the
 * cahier that holds it. A table reads down a column on paper, where cards
 * would run their fields together on one line.
 */
import { fr } from '../../i18n/fr.ts';
import { formatNumber } from '../format.ts';
import type { Fiche } from '../model/index.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';

export interface FicheTableOptions {
  caption?: string;
  /** Without the quartiers column (default true): a summary of many fiches, a line or two each. */
  quartiers?: boolean;
}

export function renderFicheTable(fiches: readonly Fiche[], ctx: RenderContext, options: FicheTableOptions = {}): string {
  if (fiches.length === 0) return `<p class="fiches-vide">${fr.aucuneFiche}</p>`;
  const quartiers = options.quartiers ?? true;
  const head = [
    `<th scope="col" class="num">${fr.numero}</th>`,
    `<th scope="col" class="fiches-titre">${fr.fiche}</th>`,
    `<th scope="col" class="fiches-porteur">${fr.porteur}</th>`,
    ...(quartiers ? [`<th scope="col" class="fiches-quartiers">${fr.quartiers}</th>`] : []),
    `<th scope="col" class="num fiches-montant">${fr.montant}</th>`,
    `<th scope="col" class="num fiches-page">${fr.page}</th>`,
  ];
  return `<table class="fiches-table${quartiers ? '' : ' fiches-sommaire'}">${options.caption ? `<caption>${esc(options.caption)}</caption>` : ''}
<thead><tr>${head.join('')}</tr></thead>
<tbody>${fiches.map((f) => row(f, ctx, quartiers)).join('\n')}</tbody>
</table>`;
}

function row(f: Fiche, ctx: RenderContext, withQuartiers: boolean): string {
  const quartiers = f.tousQuartiers ? fr.tousQuartiers : f.quartiers.map((id) => ctx.lookup.quartier.get(id)!.nom).join(', ');
  const montant = f.budget ? `${formatNumber(f.budget.total, 0)}\u202f€` : '—';
  const href = ctx.refHref({ kind: 'fiche', id: f.id });
  // The page is written in once the cahier is laid out (src/print/paged-handlers.js).
  const page = href ? `<a href="${esc(href)}" data-renvoi="nu"></a>` : esc(lowerFirst(ctx.elsewhere ?? ''));
  return `<tr><td class="num">${f.numero}</td><th scope="row">${esc(f.titre)}</th><td>${esc(f.porteur)}</td>${withQuartiers ? `<td>${esc(quartiers)}</td>` : ''}<td class="num">${montant}</td><td class="num">${page}</td></tr>`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
