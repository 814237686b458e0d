/**
 * Markdown bodies → HTML. Directives become slots that are filled, after
 * sanitising, with the renderers' own HTML: raw HTML written by an author
 * is sanitised (no script, no event handler, no javascript: URL, no iframe
 * or style), while our SVG goes through untouched.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root } from 'mdast';
import type { LeafDirective, TextDirective, ContainerDirective } from 'mdast-util-directive';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { slugify } from './slug.ts';
import { columnAlignments, type Align } from './table-align.ts';

export type Directive = LeafDirective | TextDirective | ContainerDirective;

export interface MarkdownOptions {
  /** Renders one directive to trusted HTML. */
  directive: (node: Directive) => string;
  /** `##` becomes h(2 + shift): bodies nested under a page's own h2 use 1. */
  headingShift?: number;
  /** Prefix of heading ids, to keep them unique when several bodies share a page. */
  idPrefix?: string;
  /** URL of a file under medias/ (images of the body), with the site's base path. */
  mediaUrl?: (path: string) => string;
  /** Rewrites the render's own copy of the Markdown tree before it becomes HTML. */
  prepare?: (root: Root) => void;
}

const SLOT = 'cahiers-slot';

const schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), SLOT],
  attributes: { ...defaultSchema.attributes, [SLOT]: ['dataSlot'] },
  // Dropped with their content, not just unwrapped.
  strip: [...(defaultSchema.strip ?? []), 'style', 'iframe', 'object', 'embed', 'template'],
};

export function renderMarkdown(root: Root, options: MarkdownOptions): string {
  const slots: string[] = [];
  const slot = (node: Directive): Element => {
    slots.push(options.directive(node));
    return { type: 'element', tagName: SLOT, properties: { dataSlot: String(slots.length - 1) }, children: [] };
  };
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      handlers: { leafDirective: (_s, node) => slot(node), textDirective: (_s, node) => slot(node), containerDirective: (_s, node) => slot(node) },
    })
    .use(rehypeRaw)
    .use(rehypeSanitize, schema)
    .use(() => (tree: HastRoot) => finish(tree, slots, options))
    .use(rehypeStringify, { allowDangerousHtml: true });
  // The model's tree is shared by every page: never let the pipeline mutate it.
  const copy = structuredClone(root);
  options.prepare?.(copy);
  const hast = processor.runSync(copy) as HastRoot;
  return processor.stringify(hast);
}

/** Fills slots, shifts headings, gives headings stable ids, marks the columns of figures of tables. */
function finish(tree: HastRoot, slots: readonly string[], options: MarkdownOptions): void {
  const shift = options.headingShift ?? 0;
  const used = new Map<string, number>();
  const visit = (parent: HastRoot | Element) => {
    parent.children = parent.children.map((child): RootContent => {
      if (child.type !== 'element') return child;
      if (child.tagName === SLOT) return { type: 'raw', value: slots[Number(child.properties.dataSlot)] ?? '' } as RootContent;
      if (child.tagName === 'img' && typeof child.properties.src === 'string' && child.properties.src.startsWith('medias/') && options.mediaUrl) {
        child.properties.src = options.mediaUrl(child.properties.src);
      }
      const level = /^h([1-6])$/.exec(child.tagName);
      if (level) {
        child.tagName = `h${Math.min(6, Number(level[1]) + shift)}`;
        const base = `${options.idPrefix ?? ''}${slugify(textOf(child))}` || 'section';
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        child.properties.id = n === 0 ? base : `${base}-${n + 1}`;
      }
      if (child.tagName === 'table') markFigureColumns(child);
      visit(child);
      return child;
    }) as typeof parent.children;
  };
  visit(tree);
}

/** The cells of a column of figures get the class `num`, unless the author aligned the column himself. */
function markFigureColumns(table: Element): void {
  const children = (parent: Element, tags: readonly string[]) => parent.children.filter((c): c is Element => c.type === 'element' && tags.includes(c.tagName));
  const rowsOf = (section: string) => children(table, [section]).flatMap((s) => children(s, ['tr']));
  const cells = (row: Element) => children(row, ['th', 'td']);
  const head = rowsOf('thead');
  const body = rowsOf('tbody');
  const authored = (head[0] ? cells(head[0]) : []).map((c) => (c.properties.align as Align | undefined) ?? null);
  const aligns = columnAlignments(authored, body.map((r) => cells(r).map(textOf)));
  for (const row of [...head, ...body]) {
    cells(row).forEach((cell, i) => {
      if (aligns[i] === 'right' && !authored[i]) cell.properties.className = [...((cell.properties.className as string[] | undefined) ?? []), 'num'];
    });
  }
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
