/**
 * References to an entity, as a link to wherever the document holds it, or
 * named with the other cahier when this document does not. On the site, its
 * number and title (queries/labels.ts); in print, its short form
 * (queries/ref-forms.ts) and the page it is on.
 */
import type { RefTarget } from '../model/index.ts';
import { entityLabel, shortRef, type RefPlacement } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';

/**
 * A reference in the context's form. In print, the page number is written
 * into its `.renvoi-page` once the cahier is laid out (src/print/paged-handlers.js):
 * « (p. 31) », or « , p. 31 » where brackets would nest (`data-renvoi="incise"`).
 */
export function renderRef(target: RefTarget, ctx: RenderContext, placement: RefPlacement = {}): string {
  if (ctx.refForm === 'short') return renderShortRef(target, ctx, placement);
  const label = { ...entityLabel(ctx.contract, target), ...(placement.nom !== undefined ? { titre: placement.nom } : {}) };
  const inner = label.prefix ? `<span class="ref-num">${esc(label.prefix)}</span> ${esc(label.titre)}` : esc(label.titre);
  const href = ctx.refHref(target);
  // Printed in the other cahier: no page number to give, say where it is.
  if (href === undefined) return `<span class="ref ref-${target.kind} ref-ailleurs">${inner}${placement.elsewhereSaid ? '' : elsewhere(ctx)}</span>`;
  return `<a class="ref ref-${target.kind}" href="${esc(href)}">${inner}</a>`;
}

/**
 * « objectif 1.3.1 (p. 31) », « faiblesse « … » (cahier I) ». Brackets
 * never nest nor follow each other: inside the author's brackets the page
 * or the cahier follows a comma, « (objectif 1.3.1, p. 31) », and a name
 * that ends with its own takes it inside them, « Quartier Sud (Le Lac,
 * p. 49) ». The page goes in the `.renvoi-page` span, written after layout.
 */
function renderShortRef(target: RefTarget, ctx: RenderContext, placement: RefPlacement): string {
  const { lead, rest } = shortRef(ctx.contract, target, placement);
  const closing = !placement.bracketed && (rest || lead).endsWith(')');
  const cut = (s: string) => (closing && s === (rest || lead) ? s.slice(0, -1) : s);
  // With its title, the kind and number stand out as on the site.
  const text = placement.titled && lead && rest ? `<span class="ref-num">${esc(lead)}</span> ${esc(cut(rest))}` : esc(cut([lead, rest].filter(Boolean).join(' ')));
  const incise = placement.bracketed || closing;
  const tail = closing ? ')' : '';
  const href = ctx.refHref(target);
  if (href === undefined) {
    const cahier = ctx.elsewhere && !placement.elsewhereSaid ? ctx.elsewhere.charAt(0).toLowerCase() + ctx.elsewhere.slice(1) : '';
    const where = cahier ? (incise ? `,\u00a0${esc(cahier)}` : `\u00a0(${esc(cahier)})`) : '';
    return `<span class="ref ref-${target.kind} ref-ailleurs">${text}${where}${tail}</span>`;
  }
  const page = closing ? '<span class="renvoi-page"></span>' : '';
  return `<a class="ref ref-${target.kind}" href="${esc(href)}"${incise ? ' data-renvoi="incise"' : ''}>${text}${page}${tail}</a>`;
}

/** « (Cahier II) » after a reference the document does not hold. */
export function elsewhere(ctx: RenderContext): string {
  return ctx.elsewhere ? ` (${esc(ctx.elsewhere)})` : '';
}

/** Anchor of an entity inside a print document (one document, every id unique by kind); the site's fragment ids (routes.ts `anchors`) are the same. */
export function printAnchor(target: RefTarget): string {
  return `${target.kind}-${target.id}`;
}
