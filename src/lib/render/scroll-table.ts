/**
 * A wide table on a screen: in a focusable region that scrolls sideways on
 * a phone (as the charts are), named by its caption; on paper, the table.
 */
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';

export function scrollTable(ctx: RenderContext, caption: string, table: string): string {
  return ctx.figures.scroll ? `<div class="tableau-scroll" tabindex="0" role="region" aria-label="${esc(caption)}">${table}</div>` : table;
}
