/**
 * Link check over a built site: every href and src of every page must
 * resolve to a file of the site, and every #fragment to an id in it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { htmlFiles } from '../../scripts/lib/post-build.ts';

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

export function checkLinks(dist: string, base: string): { broken: BrokenLink[]; checked: number } {
  const ids = new Map<string, Set<string>>();
  const links: { page: string; url: string }[] = [];
  for (const file of htmlFiles(dist)) {
    const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
    const found = new Set<string>();
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const p = child.properties;
        if (p.id) found.add(String(p.id));
        for (const attr of ['href', 'src'] as const) {
          const value = p[attr];
          if (typeof value === 'string' && child.tagName !== 'base') links.push({ page, url: value });
        }
        walk(child);
      }
    };
    walk(fromHtml(readFileSync(file, 'utf8')));
    ids.set(page, found);
  }
  const broken: BrokenLink[] = [];
  for (const { page, url } of links) {
    if (/^(mailto|tel):/.test(url)) continue;
    const resolved = new URL(url, `http://site${base.replace(/\/$/, '')}${page}`);
    if (resolved.host !== 'site') {
      broken.push({ page, link: url, reason: 'lien vers un autre hôte' });
      continue;
    }
    if (!resolved.pathname.startsWith(base)) {
      broken.push({ page, link: url, reason: `hors du chemin de base ${base}` });
      continue;
    }
    const path = `/${decodeURIComponent(resolved.pathname.slice(base.length))}`;
    const file = join(dist, path);
    const target = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (!existsSync(target)) {
      broken.push({ page, link: url, reason: 'fichier absent' });
      continue;
    }
    if (resolved.hash) {
      const targetPage = path.endsWith('/') ? path : path.replace(/index\.html$/, '');
      const anchor = decodeURIComponent(resolved.hash.slice(1));
      if (!ids.get(targetPage)?.has(anchor)) broken.push({ page, link: url, reason: `ancre #${anchor} absente` });
    }
  }
  return { broken, checked: links.length };
}
