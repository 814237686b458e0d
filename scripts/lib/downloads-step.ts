/**
 * The build's last step, after the PDFs: each download offered by a page
 * gets its file's size and, for a PDF, its page count; a file that was not
 * built (`PDF=0`) is no longer offered (src/lib/site/file-details.ts). The
 * files are the build's own, so the pages stay byte-identical build to build.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPdf } from './pdf-finish.ts';
import { fillDownloads, type FileFacts } from '../../src/lib/site/file-details.ts';
import { htmlFiles } from './post-build.ts';

export interface DownloadsReport {
  /** Site paths of the files offered, once each. */
  listed: string[];
  /** Site paths of the files no longer offered. */
  removed: string[];
}

export async function finishDownloads(dir: string): Promise<DownloadsReport> {
  const known = new Map<string, FileFacts | undefined>();
  const pages = htmlFiles(dir).map((file) => ({ file, html: readFileSync(file, 'utf8') })).filter((p) => p.html.includes('data-fichier'));
  // Page counts are read before the pages are filled, the one asynchronous part.
  for (const { html } of pages)
    for (const [, path] of html.matchAll(/data-fichier="([^"]+)"/g)) if (!known.has(path!)) known.set(path!, await factsOf(join(dir, path!)));
  const listed = new Set<string>();
  const removed = new Set<string>();
  for (const { file, html } of pages) {
    const filled = fillDownloads(html, (path) => known.get(path));
    writeFileSync(file, filled.html);
    filled.listed.forEach((p) => listed.add(p));
    filled.removed.forEach((p) => removed.add(p));
  }
  return { listed: [...listed].sort(), removed: [...removed].sort() };
}

async function factsOf(file: string): Promise<FileFacts | undefined> {
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  const bytes = statSync(file).size;
  if (!file.endsWith('.pdf')) return { bytes };
  const doc = await loadPdf(readFileSync(file));
  return { bytes, pages: doc.getPageCount() };
}
