/**
 * What every renderer receives: the contract, lookups by id, how references
 * resolve in the document being made, and how its figures are drawn. The
 * same renderers serve the site and the print documents: each view builds
 * its context once (src/data/render.ts, src/lib/print/documents.ts) and a
 * caller can still override a figure's options on one call.
 */
import type { Contract, RefTarget } from '../model/index.ts';
import { lookupOf, pilierOf, type Lookup } from '../queries/index.ts';
import { targetPath, withBase } from '../site/routes.ts';

export type { Lookup } from '../queries/index.ts';

/** How figures are drawn; the defaults of renderCarte, renderArbre, renderIndicateur and of the directives in a body. */
export interface FigureOptions {
  /** Maps and trees link their shapes and list entries to the entities' pages (on a screen, not on paper). */
  links: boolean;
  /** Wide figures (charts, the tree) sit in a focusable region that scrolls sideways on small screens. */
  scroll: boolean;
  /**
   * How `::arbre` shows in a text: `image`, the drawing as an SVG file above
   * its list; `list`, a compact outline of its levels (tree-outline.ts), with
   * a pointer to `arbreDrawnAt` when the document draws the tree elsewhere
   * (the printed cahier II's landscape pages).
   */
  arbre: 'image' | 'list';
  arbreDrawnAt?: string;
  /** How `::fiches` shows: `cards`, one card per fiche; `table`, one row per fiche with its page (print). */
  fiches: 'cards' | 'table';
  /**
   * Average glyph widths of the figures' type, in em, for wrapping labels
   * without a layout engine. By default wide enough for fallback faces (a
   * screen may not use ours); print knows its embedded font and fits more.
   */
  glyphs?: { regular: number; bold: number };
  /**
   * Past this many quartiers, an indicator is given by its table alone,
   * its rows grouped by commune: its lines or bars could no longer be told
   * apart (print, where nothing can be hovered or hidden).
   */
  maxChartQuartiers?: number;
}

export const SITE_FIGURES: FigureOptions = { links: true, scroll: true, arbre: 'image', fiches: 'cards' };

/**
 * How a reference reads: `rich`, its number and title (« Objectif
 * opérationnel 1.3.1 Renforcer… », a link on the site); `short`, its kind
 * and number fitted to the sentence around it (« objectif 1.3.1 », see
 * queries/ref-forms.ts), which the printed cahiers use, followed by the
 * page or the other cahier.
 */
export type RefForm = 'rich' | 'short';

export interface RenderContext {
  contract: Contract;
  lookup: Lookup;
  /** Site path (from routes.ts) → URL with the base path. */
  url(path: string): string;
  /** The page of an entity on the site. */
  href(target: RefTarget): string;
  /**
   * Where a reference to an entity leads in this document: its page on the
   * site, its anchor in a print document; undefined when the document does
   * not hold it (it is in the other cahier, named by `elsewhere`).
   */
  refHref(target: RefTarget): string | undefined;
  elsewhere?: string;
  refForm: RefForm;
  figures: FigureOptions;
}

export interface ContextOptions {
  base?: string;
  /** Where references lead; by default, to the entities' pages. */
  refHref?: (target: RefTarget) => string | undefined;
  elsewhere?: string;
  /** How references read; by default `rich`. */
  refForm?: RefForm;
  figures?: FigureOptions;
}

export function createContext(contract: Contract, options: ContextOptions = {}): RenderContext {
  const base = options.base ?? '/';
  const url = (path: string) => withBase(base, path);
  const href = (target: RefTarget) => url(targetPath(target, (id) => pilierOf(contract, id)));
  return {
    contract,
    lookup: lookupOf(contract),
    url,
    href,
    refHref: options.refHref ?? href,
    ...(options.elsewhere ? { elsewhere: options.elsewhere } : {}),
    refForm: options.refForm ?? 'rich',
    figures: options.figures ?? SITE_FIGURES,
  };
}
