/**
 * After Chromium: turn the causal-tree pages to landscape, write the
 * metadata (title, author, subject, language) and fix every date to the
 * contract's date, so the same sources give the same PDF text and metadata;
 * give the bookmarks their headings' texts back.
 */
import { degrees, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { bookmarkTitles } from '../../src/lib/print/binding.ts';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** YYYY-MM-DD, the contract's date: no build-time clock. */
  date: string;
}

/** `headings`: the text of each heading of the printed document, as the reader sees it. */
export async function finishPdf(pdf: Uint8Array | PDFDocument, meta: PdfMeta, landscape: readonly number[], headings: readonly string[] = []): Promise<Uint8Array> {
  const doc = pdf instanceof PDFDocument ? pdf : await loadPdf(pdf);
  for (const i of landscape) doc.getPage(i).setRotation(degrees(90));
  renumberStructureIds(doc);
  const items = outlineItems(doc);
  const titles = bookmarkTitles(
    items.map((item) => item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? ''),
    headings,
  );
  items.forEach((item, i) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[i]!)));
  return saveWithMeta(doc, meta);
}

/** Every bookmark of `doc`, depth first. */
export function outlineItems(doc: PDFDocument): PDFDict[] {
  return outlineNodes(doc).map(({ node }) => node);
}

/** Every bookmark of `doc`, depth first, with its depth in the tree (0 at the top). */
export function outlineNodes(doc: PDFDocument): { node: PDFDict; depth: number }[] {
  const nodes: { node: PDFDict; depth: number }[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let node = first; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      nodes.push({ node, depth });
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return nodes;
}

/**
 * Chromium names the tagged structure's elements after DOM node numbers,
 * which differ from one run to the next: number them in object order
 * instead, so the same sources give the same bytes. `prefix` keeps apart
 * the ids of documents bound together.
 */
export function renumberStructureIds(doc: PDFDocument, prefix = 'n'): void {
  const elements = doc.context
    .enumerateIndirectObjects()
    .filter(([, obj]) => obj instanceof PDFDict && obj.get(PDFName.of('ID')) && obj.get(PDFName.of('S')))
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);
  const renamed = new Map<string, string>();
  elements.forEach(([, obj], i) => {
    const dict = obj as PDFDict;
    const old = dict.lookupMaybe(PDFName.of('ID'), PDFString, PDFHexString)?.decodeText();
    const id = `${prefix}${String(i + 1).padStart(6, '0')}`;
    if (old) renamed.set(old, id);
    dict.set(PDFName.of('ID'), PDFString.of(id));
  });
  // Table cells name their header cells by these ids (/Headers in their attributes).
  const visit = (value: unknown): void => {
    if (value instanceof PDFDict) {
      const headers = value.get(PDFName.of('Headers'));
      if (headers instanceof PDFArray)
        headers.asArray().forEach((h, i) => {
          if (h instanceof PDFString || h instanceof PDFHexString) headers.set(i, PDFString.of(renamed.get(h.decodeText()) ?? h.decodeText()));
        });
      // The structure tree's ID tree: keys renamed, pairs kept sorted as a name tree must be.
      const names = value.get(PDFName.of('Names'));
      if (names instanceof PDFArray && names.size() % 2 === 0) {
        const pairs: [string, unknown][] = [];
        for (let i = 0; i < names.size(); i += 2) {
          const key = names.get(i);
          if (!(key instanceof PDFString || key instanceof PDFHexString)) return;
          pairs.push([renamed.get(key.decodeText()) ?? key.decodeText(), names.get(i + 1)]);
        }
        pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        pairs.forEach(([key, target], i) => {
          names.set(2 * i, PDFString.of(key));
          names.set(2 * i + 1, target as PDFRef);
        });
        const limits = value.get(PDFName.of('Limits'));
        if (limits instanceof PDFArray && pairs.length) {
          limits.set(0, PDFString.of(pairs[0]![0]));
          limits.set(1, PDFString.of(pairs[pairs.length - 1]![0]));
        }
      }
      for (const [, v] of value.entries()) visit(v);
    } else if (value instanceof PDFArray) value.asArray().forEach(visit);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
}

export async function saveWithMeta(doc: PDFDocument, meta: PdfMeta): Promise<Uint8Array> {
  const date = new Date(`${meta.date}T12:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('Cahiers');
  doc.setProducer('Cahiers (Chromium, Paged.js, pdf-lib)');
  doc.setLanguage('fr');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  // A fixed document id, so two builds of the same sources give the same file.
  const id = PDFHexString.of(await digest(meta.title + meta.date));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

/**
 * A PDF read by pdf-lib in one go. By default pdf-lib hands the event loop
 * back every hundred objects when reading and every fifty when writing, a
 * timer each time: reading and writing a 13,000-object cahier took 0.9 s,
 * 0.2 s in one go (same bytes).
 */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
