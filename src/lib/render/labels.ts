/**
 * References to an entity: its number and title (queries/labels.ts), as a
 * link to wherever the document holds it, or named with the other cahier
 * when this document does not.
 */
import type { RefTarget } from '../model/index.ts';
import { entityLabel } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';

/** A link to an entity with its number and title; in print, followed by its page number (CSS target-counter). */
export function renderRef(target: RefTarget, ctx: RenderContext): string {
  const label = entityLabel(ctx.contract, target);
  const inner = label.prefix ? `<span class="ref-num">${esc(label.prefix)}</span> ${esc(label.titre)}` : esc(label.titre);
  const href = ctx.refHref(target);
  // Printed in the other cahier: no page number to give, say where it is.
  if (href === undefined) return `<span class="ref ref-${target.kind} ref-ailleurs">${inner}${elsewhere(ctx)}</span>`;
  return `<a class="ref ref-${target.kind}" href="${esc(href)}">${inner}</a>`;
}

/** « (Cahier II) » after a reference the document does not hold. */
export function elsewhere(ctx: RenderContext): string {
  return ctx.elsewhere ? ` (${esc(ctx.elsewhere)})` : '';
}

/** Anchor of an entity inside a print document (one document, every id unique by kind); the site's fragment ids (routes.ts `anchors`) are the same. */
export function printAnchor(target: RefTarget): string {
  return `${target.kind}-${target.id}`;
}
