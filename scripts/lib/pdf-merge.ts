/**
 * One print document from its parts, each printed by Chromium on its own
 * (scripts/lib/pdf-render.ts): their pages in order, their tagged
 * structures joined under one Document element, every link pointed to its
 * target whichever part holds it, and the bookmarks nested again by the
 * headings' levels across parts. Printing by parts keeps Chromium's memory
 * to a part's, and lets a rebuild print again only the parts that changed.
 */
import { PDFDocument, PDFHexString, PDFName, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFString, type PDFObject } from 'pdf-lib';
import { matchHeadings, nestByLevel, type Heading, type Nested } from '../../src/lib/print/binding.ts';
import { namedDestinations, pointLinks, writeOutline, type OutlineItem } from './pdf-bind.ts';
import { loadPdf, outlineNodes, renumberStructureIds } from './pdf-finish.ts';
import { BoundStructure, dropNonStruct } from './pdf-structure.ts';

/** A part as Chromium printed it, with what its print page said of it. */
export interface PrintedPart {
  pdf: Uint8Array;
  /** Its pages, the blank one before it included. */
  pages: number;
  /** Empty anchors standing for targets in other parts (their names are those parts'). */
  placeholders: string[];
  /** The headings a reader sees on its pages, in order. */
  headings: Heading[];
  /** 0-based indexes, in the whole document, of its pages laid out turned. */
  landscape: number[];
}

export async function mergeParts(parts: readonly PrintedPart[]): Promise<PDFDocument> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const structure = new BoundStructure(out);
  const targets = new Map<string, PDFObject>();
  const bookmarks: (Heading & { dest?: PDFObject })[] = [];
  for (const [k, part] of parts.entries()) {
    const src = await loadPdf(part.pdf);
    dropNonStruct(src);
    // Parts number their structure ids alike.
    renumberStructureIds(src, `p${k + 1}-`);
    structure.shiftKeys(src);
    // One copier for the pages, the structure and the destinations, so that all point to the same copies.
    const copier = PDFObjectCopier.for(src.context, out.context);
    for (const page of src.getPages()) {
      const ref = copier.copy(page.ref);
      out.addPage(PDFPage.of(out.context.lookup(ref) as PDFPageLeaf, ref, out));
    }
    structure.add(src, copier);
    const placeholders = new Set(part.placeholders);
    for (const [name, dest] of namedDestinations(src)) if (!placeholders.has(name) && !targets.has(name)) targets.set(name, copier.copy(dest));
    const entries = outlineEntries(src);
    matchHeadings(entries, part.headings).forEach((heading, i) => {
      const dest = entries[i]!.dest;
      bookmarks.push({ ...heading, ...(dest ? { dest: copier.copy(dest) } : {}) });
    });
  }
  pointLinks(out, targets);
  structure.write();
  const outline = (nodes: Nested<(typeof bookmarks)[number]>[]): OutlineItem[] => nodes.map(({ item, children }) => ({ title: item.text, ...(item.dest ? { dest: item.dest } : {}), children: outline(children) }));
  writeOutline(out, outline(nestByLevel(bookmarks)));
  return out;
}

/** `doc`'s bookmarks in document order, with their depth and destination. */
function outlineEntries(doc: PDFDocument): { title: string; depth: number; dest?: PDFObject }[] {
  return outlineNodes(doc).map(({ node, depth }) => {
    const dest = node.get(PDFName.of('Dest'));
    return { title: node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '', depth, ...(dest ? { dest } : {}) };
  });
}
