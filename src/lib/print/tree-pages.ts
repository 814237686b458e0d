/**
 * The causal tree for print: landscape pages, each holding as many enjeux
 * (or axes, without enjeux) of one pilier as fit at a legible scale. A tree
 * too tall for one page is split between its enjeux, never inside one.
 */
import type { Pilier } from '../model/index.ts';
import type { RenderContext } from '../render/context.ts';
import { layoutArbre } from '../render/tree-layout.ts';

/** Landscape A4 inside 12 mm margins, in CSS pixels, less the caption. */
export const TREE_PAGE = { width: 1020, height: 630 };
/** Below this the 12 px labels fall under ~7 pt on paper. */
export const MIN_SCALE = 0.78;

export interface TreePage {
  /** A pilier reduced to the enjeux (or axes) this page shows. */
  pilier: Pilier;
  part: number;
  parts: number;
  scale: number;
  width: number;
  height: number;
  /** The drawing's size on the page, in CSS pixels: its layout's size at `scale`. */
  size: { width: number; height: number };
}

export function planTreePages(piliers: readonly Pilier[], ctx: RenderContext): TreePage[] {
  return piliers.flatMap((p) => {
    const groups = p.enjeux.length
      ? pack(p.enjeux, (es) => ({ ...p, enjeux: es, axes: es.flatMap((e) => e.axes) }), ctx)
      : pack(p.axes, (as) => ({ ...p, axes: as }), ctx);
    return groups.map((g, i) => ({ ...g, part: i + 1, parts: groups.length, size: { width: Math.round(g.width * g.scale), height: Math.round(g.height * g.scale) } }));
  });
}

type Measured = Omit<TreePage, 'part' | 'parts' | 'size'>;

function pack<T>(items: readonly T[], make: (subset: T[]) => Pilier, ctx: RenderContext): Measured[] {
  const pages: Measured[] = [];
  let current: T[] = [];
  const measure = (subset: T[]) => {
    const pilier = make(subset);
    const { width, height } = layoutArbre([pilier], ctx);
    return { pilier, width, height, scale: Math.min(1, TREE_PAGE.width / width, TREE_PAGE.height / height) };
  };
  for (const item of items) {
    const candidate = [...current, item];
    if (current.length > 0 && measure(candidate).scale < MIN_SCALE) {
      pages.push(measure(current));
      current = [item];
    } else current = candidate;
  }
  if (current.length > 0 || items.length === 0) pages.push(measure(current));
  return pages;
}
