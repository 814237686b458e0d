/**
 * After Chromium: turn the causal-tree pages to landscape, write the
 * metadata (title, author, subject, language) and fix every date to the
 * contract's date, so the same sources give the same PDF text and metadata.
 * Also binds several PDFs into one, keeping each one's bookmarks.
 */
import { degrees, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** YYYY-MM-DD, the contract's date: no build-time clock. */
  date: string;
}

export async function finishPdf(bytes: Uint8Array, meta: PdfMeta, landscape: readonly number[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const i of landscape) doc.getPage(i).setRotation(degrees(90));
  renumberStructureIds(doc);
  return saveWithMeta(doc, meta);
}

/**
 * Chromium names the tagged structure's elements after DOM node numbers,
 * which differ from one run to the next: number them in object order
 * instead, so the same sources give the same bytes.
 */
function renumberStructureIds(doc: PDFDocument): void {
  const elements = doc.context
    .enumerateIndirectObjects()
    .filter(([, obj]) => obj instanceof PDFDict && obj.get(PDFName.of('ID')) && obj.get(PDFName.of('S')))
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);
  const renamed = new Map<string, string>();
  elements.forEach(([, obj], i) => {
    const dict = obj as PDFDict;
    const old = dict.lookupMaybe(PDFName.of('ID'), PDFString, PDFHexString)?.decodeText();
    const id = `n${String(i + 1).padStart(6, '0')}`;
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

async function saveWithMeta(doc: PDFDocument, meta: PdfMeta): Promise<Uint8Array> {
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
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Binds PDFs one after the other; each keeps its own printed page numbers and its bookmarks, under one entry per part. */
export async function bindPdfs(parts: { title: string; bytes: Uint8Array }[], meta: PdfMeta): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const outline: { title: string; first: PDFRef; items: OutlineItem[] }[] = [];
  for (const part of parts) {
    const src = await PDFDocument.load(part.bytes, { updateMetadata: false });
    const copied = await out.copyPages(src, src.getPageIndices());
    const pageMap = new Map<string, PDFRef>();
    src.getPages().forEach((p, i) => {
      const page = out.addPage(copied[i]!);
      pageMap.set(p.ref.toString(), page.ref);
    });
    outline.push({ title: part.title, first: out.getPage(out.getPageCount() - copied.length).ref, items: readOutline(src, pageMap) });
  }
  writeOutline(out, outline);
  return saveWithMeta(out, meta);
}

interface OutlineItem {
  title: string;
  page?: PDFRef;
  children: OutlineItem[];
}

function readOutline(doc: PDFDocument, pageMap: Map<string, PDFRef>): OutlineItem[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const items = (first: PDFDict | undefined): OutlineItem[] => {
    const out: OutlineItem[] = [];
    for (let node = first; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const dest = node.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const target = dest?.get(0);
      const page = target instanceof PDFRef ? pageMap.get(target.toString()) : undefined;
      out.push({ title, ...(page ? { page } : {}), children: items(node.lookupMaybe(PDFName.of('First'), PDFDict)) });
    }
    return out;
  };
  return outlines ? items(outlines.lookupMaybe(PDFName.of('First'), PDFDict)) : [];
}

function writeOutline(doc: PDFDocument, parts: { title: string; first: PDFRef; items: OutlineItem[] }[]): void {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const write = (items: OutlineItem[], parent: PDFRef): { first?: PDFRef; last?: PDFRef; count: number } => {
    const refs = items.map(() => ctx.nextRef());
    let count = 0;
    items.forEach((item, i) => {
      const kids = write(item.children, refs[i]!);
      const dict = ctx.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        ...(i > 0 ? { Prev: refs[i - 1] } : {}),
        ...(i < refs.length - 1 ? { Next: refs[i + 1] } : {}),
        ...(kids.first ? { First: kids.first, Last: kids.last, Count: PDFNumber.of(-kids.count) } : {}),
        ...(item.page ? { Dest: ctx.obj([item.page, PDFName.of('Fit')]) } : {}),
      });
      ctx.assign(refs[i]!, dict);
      count += 1;
    });
    return { ...(refs.length ? { first: refs[0], last: refs[refs.length - 1] } : {}), count };
  };
  const top = write(parts.map((p) => ({ title: p.title, page: p.first, children: p.items })), rootRef);
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', ...(top.first ? { First: top.first, Last: top.last } : {}), Count: PDFNumber.of(top.count) }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
