/**
 * Reading a PDF the way a reader or a screen reader would: its text page by
 * page (poppler's pdftotext), its fonts (pdffonts), its bookmarks, page
 * labels, structure tree and metadata (pdf-lib).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { fr } from '../../src/i18n/fr.ts';
import { frenchTypography } from '../../src/lib/typography.ts';
import { treePairs } from '../../scripts/lib/pdf-structure.ts';

/**
 * The text of each page, 0-based: laid out (`-layout`), or with `raw` in
 * the order it is drawn, which keeps a drawing's labels whole where the
 * layout interleaves the columns of a figure.
 */
export function pageTexts(file: string, { raw = false } = {}): string[] {
  const text = execFileSync('pdftotext', [raw ? '-raw' : '-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Each font, its type (« CID TrueType », « Type 3 »…) and whether it is embedded. */
export function fonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const [, rule = '', ...lines] = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n');
  // Columns are fixed-width, as wide as the dashes under their header: name, type, encoding, emb…
  const widths = rule.split(' ').map((d) => d.length + 1);
  const column = (line: string, i: number) => {
    const start = widths.slice(0, i).reduce((a, b) => a + b, 0);
    return line.slice(start, start + widths[i]!).trim();
  };
  return lines.filter(Boolean).map((line) => ({ name: column(line, 0), type: column(line, 1), embedded: column(line, 3) === 'yes' }));
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

/** Each bookmark's title, its depth in the tree (0 at the top) and the 0-based index of the page it leads to. */
export async function outline(file: string): Promise<{ title: string; depth: number; page: number }[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const items: { title: string; depth: number; page: number }[] = [];
  const walk = (node: PDFDict | undefined, depth: number) => {
    for (let n = node; n; n = n.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const target = n.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
      items.push({ title: n.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '', depth, page: target instanceof PDFRef ? (pages.get(target.toString()) ?? -1) : -1 });
      walk(n.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return items;
}

/**
 * For each page, the 0-based index of the page each of its links leads to,
 * -1 for a link without a page of its own (a named destination the file's
 * catalog would have to resolve, or none).
 */
export async function linkTargets(file: string): Promise<number[][]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const index = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  return doc.getPages().map((p) => {
    const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    return (annots?.asArray() ?? []).map((a) => {
      const dest = (a instanceof PDFRef ? doc.context.lookup(a, PDFDict) : (a as PDFDict)).lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
      return dest instanceof PDFRef ? (index.get(dest.toString()) ?? -1) : -1;
    });
  });
}

/** Each page's label as a viewer shows it (decimal labels with a prefix), or its number when the PDF has none. */
export async function pageLabels(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const nums = doc.catalog.lookupMaybe(PDFName.of('PageLabels'), PDFDict)?.lookupMaybe(PDFName.of('Nums'), PDFArray);
  const ranges: { start: number; prefix: string; first: number }[] = [];
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const label = nums.lookup(i + 1, PDFDict);
    ranges.push({
      start: nums.lookup(i, PDFNumber).asNumber(),
      prefix: label.lookupMaybe(PDFName.of('P'), PDFString, PDFHexString)?.decodeText() ?? '',
      first: label.lookupMaybe(PDFName.of('St'), PDFNumber)?.asNumber() ?? 1,
    });
  }
  return doc.getPages().map((_, i) => {
    const range = ranges.filter((r) => r.start <= i).at(-1);
    return range ? `${range.prefix}${range.first + i - range.start}` : String(i + 1);
  });
}

/**
 * The tagged structure: whether the catalog has a structure tree, and the
 * pages whose marked content (`/StructParents`) has no entry in its parent
 * tree, which a screen reader could not place.
 */
export async function structure(file: string): Promise<{ tree: boolean; unmapped: number[] }> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const keys = new Set<number>();
  const collect = (node: PDFDict | undefined) => {
    const leaf = node?.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 0; leaf && i < leaf.size(); i += 2) keys.add(leaf.lookup(i, PDFNumber).asNumber());
    const kids = node?.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) collect(kids.lookup(i, PDFDict));
  };
  collect(root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
  const unmapped = doc.getPages().flatMap((p, i) => {
    const key = p.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    return key !== undefined && !keys.has(key) ? [i] : [];
  });
  return { tree: !!root?.get(PDFName.of('K')), unmapped };
}

/**
 * The structure elements by type, nested NonStruct elements (those under
 * another element than the Document), and the parent tree's entries that
 * lead to no structure element (content a screen reader could not place).
 */
export async function structureElements(file: string): Promise<{ types: Record<string, number>; nestedNonStruct: number; dangling: number }> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const types: Record<string, number> = {};
  let nestedNonStruct = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/StructElem') continue;
    const type = obj.get(PDFName.of('S'))?.toString().slice(1) ?? '?';
    types[type] = (types[type] ?? 0) + 1;
    if (type === 'NonStruct' && obj.lookupMaybe(PDFName.of('P'), PDFDict)?.get(PDFName.of('S'))?.toString() !== '/Document') nestedNonStruct++;
  }
  const isElement = (o: unknown) => o instanceof PDFRef && doc.context.lookup(o) instanceof PDFDict && (doc.context.lookup(o) as PDFDict).get(PDFName.of('Type'))?.toString() === '/StructElem';
  let dangling = 0;
  for (const [, value] of treePairs(doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('ParentTree'), PDFDict), 'Nums')) {
    const list = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (list instanceof PDFArray) dangling += list.asArray().filter((e) => e instanceof PDFRef && !isElement(e)).length;
    else if (!isElement(value)) dangling++;
  }
  return { types, nestedNonStruct, dangling };
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

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of each page with their boxes, in points (poppler's `pdftotext -bbox`), 0-based. */
export function pageWords(file: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[5]!.replace(/&(\w+);/g, (e, name: string) => entities[name] ?? e),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}

/** The words of a page grouped in lines (same baseline), top to bottom, each left to right. */
export function lines(words: readonly Word[]): Word[][] {
  const rows: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.yMax - w.yMax) < 2) row.push(w);
    else rows.push([w]);
  }
  return rows.map((row) => row.sort((a, b) => a.xMin - b.xMin));
}

/** The page margins of print.css's `@page` (top, bottom), in points: the running head and the folio sit in them. */
const MARGIN_TOP = (20 / 25.4) * 72;
const MARGIN_BOTTOM = (22 / 25.4) * 72;

/**
 * How far down each page its content reaches, as a fraction of the
 * content area (0 for a page with nothing between the running head and
 * the folio, 1 for a full page), from the words' boxes (`pdftotext -bbox`).
 */
export function pageFill(file: string): number[] {
  // stderr ignored: poppler says « no word list » of each blank page.
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return xml.split('<page ').slice(1).map((page) => {
    const height = Number(/height="([\d.]+)"/.exec(page)![1]);
    const top = MARGIN_TOP - 1;
    const bottom = height - MARGIN_BOTTOM + 1;
    let lowest = top;
    for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) {
      const [yMin, yMax] = [Number(m[1]), Number(m[2])];
      if (yMin >= top && yMax <= bottom) lowest = Math.max(lowest, yMax);
    }
    return (lowest - top) / (bottom - top);
  });
}

/** A fiche as the PDF prints it: « Fiche N » and its title. */
export interface PrintedFiche {
  numero: number;
  titre: string;
}

/**
 * The pages of each fiche projet of a printed cahier II (1-based), from the
 * page that opens with « FICHE N » and its title, through the pages that
 * follow under the same running head (a blank page has none) up to the
 * next fiche.
 */
export function fichePages(texts: readonly string[], fiches: readonly PrintedFiche[]): { title: string; pages: number[] }[] {
  const textLines = (p: string) => p.split('\n').filter((l) => l.trim());
  const head = (p: string) => flat(textLines(p)[0] ?? '');
  const body = (p: string) => flat(textLines(p).slice(1).join(' '));
  // The heading's kicker prints in capitals (« FICHE 3 »), unlike a mention of the fiche elsewhere.
  const starts = fiches.map((f) => ({ title: `Fiche ${f.numero} ${f.titre}`, start: flat(`FICHE ${f.numero} ${frenchTypography(f.titre)}`).slice(0, 40) }));
  const opening = (p: string) => starts.find((s) => body(p).startsWith(s.start));
  const found: { title: string; pages: number[] }[] = [];
  texts.forEach((p, i) => {
    const fiche = opening(p);
    if (!fiche) return;
    const pages = [i + 1];
    for (let j = i + 1; j < texts.length && !opening(texts[j]!) && head(texts[j]!) === head(p); j++) pages.push(j + 1);
    found.push({ title: fiche.title, pages });
  });
  return found;
}

const words = (page: string) => page.split(/\s+/).filter(Boolean).length;
/** A page with nothing on it but the draft mark a contract `projet` prints on every page. */
const blankPage = (page: string) => page.replace(fr.statutProjet, '').trim() === '';

/**
 * What breaks « a fiche per page » in a printed cahier II: a fiche page
 * followed by a page of fewer than 80 words that is not the second page of
 * a planned spread (opening on a left-hand, even page, its second page at
 * least a third full), or by a blank page that does not put what follows on
 * its side. A page under another running head (the next chapter) is no
 * part of the fiche.
 */
export function fichePageProblems(texts: readonly string[], fill: readonly number[], printed: readonly PrintedFiche[]): string[] {
  const fiches = fichePages(texts, printed);
  const opensOn = new Map(fiches.map((f) => [f.pages[0]!, f]));
  const problems: string[] = [];
  for (const f of fiches) {
    const [first, second] = f.pages;
    if (second !== undefined) {
      if (first! % 2 !== 0) problems.push(`${f.title} : double page ouverte sur la page impaire ${first}`);
      if (fill[second - 1]! < 1 / 3) problems.push(`${f.title} : seconde page (p. ${second}) remplie à ${Math.round(fill[second - 1]! * 100)} %`);
    }
    for (const p of f.pages.slice(2)) if (words(texts[p - 1]!) < 80) problems.push(`${f.title} : p. ${p}, ${words(texts[p - 1]!)} mots`);
    // A blank page after the fiche puts what follows on the side it opens on: a spread on a left-hand page, a chapter on a right-hand one.
    const blank = f.pages.at(-1)! + 1;
    if (texts[blank - 1] === undefined || !blankPage(texts[blank - 1]!)) continue;
    const next = blank + 1;
    const spread = (opensOn.get(next)?.pages.length ?? 0) > 1 && next % 2 === 0;
    const chapter = texts[next - 1] !== undefined && !opensOn.has(next) && next % 2 === 1;
    if (!spread && !chapter) problems.push(`${f.title} : page blanche ${blank}`);
  }
  return problems;
}

/** The references of a printed page that give that page, or the one facing it (« (p. 12) », « , p. 12 »), as « page : reference ». */
export function selfReferences(texts: readonly string[]): string[] {
  return texts.flatMap((p, i) => {
    const here = i + 1;
    return [...flat(p).matchAll(/\(p\.\s?(\d+)\)|,\s?p\.\s?(\d+)/g)].flatMap(([ref, a, b]) => {
      const there = Number(a ?? b);
      // The open cahier shows an even (left) page and the odd one after it.
      const facing = Math.abs(there - here) === 1 && Math.min(there, here) % 2 === 0;
      return there === here || facing ? [`${here} : ${ref}`] : [];
    });
  });
}

/**
 * The headings that open a page by themselves in a print document: those of
 * the sections print.css starts on a new page (chapters and parts, fiches,
 * quartier portraits, the table of contents, the signatures), read from its
 * HTML, without their markup.
 */
export function pageOpenings(html: string): string[] {
  const sections = /<(?:section|nav) class="[^"]*\b(?:chapitre|fiche-page|sommaire|signatures|couverture)\b[^"]*"[^>]*>[\s\S]*?<h[12][^>]*>([\s\S]*?)<\/h[12]>/g;
  return [...html.matchAll(sections)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/&#?\w+;/g, ' '));
}

/**
 * Half-empty pages (content reaching less than half-way down, `pageFill`)
 * that are not the last page of a chapter, part, fiche or portrait: the
 * next page is blank, turned (the tree's), the end, or opens with one of
 * `openings` (pageOpenings). Turned and blank pages are not judged.
 */
export function halfEmptyPages(texts: readonly string[], fill: readonly number[], turned: readonly number[], openings: readonly string[]): string[] {
  const squeeze = (s: string) => frenchTypography(s).replace(/\s+/g, '').toLowerCase();
  const starts = openings.map((o) => squeeze(o).slice(0, 24)).filter(Boolean);
  const body = (p: string) => squeeze(p.split('\n').filter((l) => l.trim()).slice(1).join(' '));
  const opens = (i: number) => starts.some((s) => body(texts[i]!).startsWith(s));
  const skip = new Set(turned);
  return texts.flatMap((p, i) => {
    if (skip.has(i) || blankPage(p) || fill[i]! >= 0.5) return [];
    const next = i + 1;
    if (next >= texts.length || skip.has(next) || blankPage(texts[next]!) || opens(next)) return [];
    return [`p. ${i + 1} remplie à ${Math.round(fill[i]! * 100)} %`];
  });
}

/**
 * Pages whose folio (« 37 / 41 ») is not on one line beside `mark` at the
 * foot of the page, among pages that print both.
 */
export function brokenFolios(texts: readonly string[], mark: string): number[] {
  return texts.flatMap((text, i) => {
    const foot = text.trimEnd().split('\n').slice(-3).join('\n');
    if (!/\d/.test(foot.split(mark)[1] ?? '')) return [];
    return new RegExp(`${mark} +${i + 1} / ${texts.length}$`).test(foot) ? [] : [i + 1];
  });
}
