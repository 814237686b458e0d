/**
 * Reading a PDF the way a reader or a screen reader would: its text page by
 * page (poppler's pdftotext), its fonts (pdffonts), its bookmarks and
 * metadata (pdf-lib).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** The text of each page, laid out (`-layout`), 0-based. */
export function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Each font and whether it is embedded. */
export function fonts(file: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type [encoding…] emb sub uni object ID: "emb" is the 5th column from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

export async function bookmarks(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const titles: string[] = [];
  const walk = (node: PDFDict | undefined) => {
    for (let n = node; n; n = n.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      titles.push(n.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '');
      walk(n.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

export async function metadata(file: string) {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const lang = doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText();
  const tagged = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked'))?.toString() === 'true';
  return { title: doc.getTitle(), author: doc.getAuthor(), subject: doc.getSubject(), lang, tagged, pages: doc.getPageCount(), rotations: doc.getPages().map((p) => p.getRotation().angle) };
}

/** Whitespace-insensitive text, for finding a title that wraps differently on two pages. */
export const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `Titre ........ 12` lines of a printed table of contents. */
export function tocEntries(text: string): { title: string; page: number }[] {
  return [...text.matchAll(/^ *(\S.*?\S) {2,}(\d+)$/gm)].map((m) => ({ title: m[1]!, page: Number(m[2]) }));
}
