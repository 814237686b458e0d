/**
 * A download's size and, for a PDF, its page count, written into the built
 * pages once the files exist (the PDFs are made after the site). A download
 * is marked in a page as
 *
 *   <li data-fichier="/pdf/x.pdf"><a …>Titre (<span data-fichier-details="PDF">PDF</span>)</a></li>
 *
 * `fillDownloads` writes « PDF, 2,6 Mo, 102 pages » into the span, and
 * removes the element marked with the file when it was not built (`PDF=0`),
 * then any `[data-fichiers]` block left without downloads: the site never
 * links to a file it does not hold.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { formatNumber } from '../format.ts';

const NBSP = '\u00a0';
const UNITS = ['ko', 'Mo', 'Go'] as const;

export interface FileFacts {
  bytes: number;
  /** For a PDF. */
  pages?: number;
}

/** « 850 octets », « 45 ko », « 2,6 Mo »: decimal units (1 ko = 1 000 octets), one decimal below 10. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes}${NBSP}octet${bytes > 1 ? 's' : ''}`;
  let value = bytes;
  for (const unit of UNITS) {
    value /= 1000;
    const digits = value < 9.95 ? 1 : 0;
    const rounded = Number(value.toFixed(digits));
    if (rounded < 1000 || unit === UNITS.at(-1)) return `${formatNumber(rounded, digits)}${NBSP}${unit}`;
  }
  throw new Error('unreachable');
}

/** « PDF, 2,6 Mo, 102 pages ». */
export function fileDetails(format: string, facts: FileFacts): string {
  const pages = facts.pages === undefined ? [] : [`${formatNumber(facts.pages, 0)}${NBSP}page${facts.pages > 1 ? 's' : ''}`];
  return [format, formatFileSize(facts.bytes), ...pages].join(', ');
}

export interface FilledDownloads {
  html: string;
  /** The files the page offers, as site paths. */
  listed: string[];
  /** The files it no longer offers, not having been built. */
  removed: string[];
}

/** `facts(path)` tells a site path's size and pages, or undefined when the file does not exist. */
export function fillDownloads(html: string, facts: (path: string) => FileFacts | undefined): FilledDownloads {
  const tree = fromHtml(html);
  const listed: string[] = [];
  const removed: string[] = [];
  const walk = (node: Root | Element, inside?: string) => {
    node.children = node.children.filter((child) => {
      if (child.type !== 'element') return true;
      const path = child.properties.dataFichier;
      if (typeof path === 'string') {
        const found = facts(path);
        if (!found) {
          removed.push(path);
          return false;
        }
        listed.push(path);
        walk(child, path);
        return true;
      }
      const format = child.properties.dataFichierDetails;
      if (inside && typeof format === 'string') child.children = [{ type: 'text', value: fileDetails(format, facts(inside)!) }];
      else walk(child, inside);
      // A block of downloads all of whose files are missing goes with them.
      return !('dataFichiers' in child.properties) || hasItem(child);
    }) as (RootContent & ElementContent)[];
  };
  walk(tree);
  return { html: toHtml(tree, { allowDangerousHtml: true }), listed, removed };
}

function hasItem(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (typeof c.properties.dataFichier === 'string' || hasItem(c)));
}
