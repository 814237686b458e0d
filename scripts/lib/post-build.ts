/**
 * Steps on the built site before it replaces dist/: French typography on
 * every page's text, then the Pagefind search index (French).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import * as pagefind from 'pagefind';
import { frenchTypography } from '../../src/lib/typography.ts';

const RAW_TEXT = new Set(['script', 'style', 'code', 'pre', 'textarea', 'kbd', 'samp']);

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => join(dir, f));
}

/** Typography on text nodes only: code, scripts and attribute values are left as written. */
export function typesetHtml(html: string): string {
  const tree = fromHtml(html);
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'text') child.value = frenchTypography(child.value);
      else if (child.type === 'element' && !RAW_TEXT.has(child.tagName)) visit(child);
    }
  };
  visit(tree);
  return toHtml(tree, { allowDangerousHtml: true });
}

/** Our SVG files hold text only in leaf elements (<text>, <tspan>, <title>): no markup inside text. */
export function typesetSvg(svg: string): string {
  const decode = (t: string) => t.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
  const encode = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return svg.replace(/>([^<>]+)</g, (_m, text: string) => `>${encode(frenchTypography(decode(text)))}<`);
}

export function typesetSite(dir: string): number {
  const files = htmlFiles(dir);
  for (const file of files) writeFileSync(file, typesetHtml(readFileSync(file, 'utf8')));
  const figures = join(dir, 'figures');
  if (existsSync(figures))
    for (const name of readdirSync(figures).filter((n) => n.endsWith('.svg'))) {
      const file = join(figures, name);
      writeFileSync(file, typesetSvg(readFileSync(file, 'utf8')));
    }
  return files.length;
}

/** Indexes the pages marked data-pagefind-body; returns the number of pages indexed. */
export async function indexSite(dir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr', excludeSelectors: ['svg', '[data-pagefind-ignore]'] });
  if (!index) throw new Error(`Pagefind : ${errors.join(', ')}`);
  const added = await index.addDirectory({ path: dir });
  if (added.errors.length) throw new Error(`Pagefind : ${added.errors.join(', ')}`);
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind : ${written.errors.join(', ')}`);
  await pagefind.close();
  return added.page_count;
}
