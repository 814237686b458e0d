/**
 * Binds printed documents into one PDF, as a binder would: each part opens
 * on a right-hand page (a blank page before it when needed), keeps its
 * folios (page labels « I-12 », « II-60 », so a viewer's « go to page »
 * finds the printed number), its bookmarks under one entry of its own, its
 * links and its tagged structure.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { bindingPlan } from '../../src/lib/print/binding.ts';
import { loadPdf, outlineItems, renumberStructureIds, saveWithMeta, type PdfMeta } from './pdf-finish.ts';
import { BoundStructure, treePairs } from './pdf-structure.ts';

export interface BindPart {
  /** The part's bookmark, e.g. « Cahier I — Diagnostic partagé ». */
  title: string;
  /** Its page labels' prefix before the hyphen, e.g. « I ». */
  label: string;
  bytes: Uint8Array;
  /** The same, already read by pdf-lib. */
  read?: PDFDocument;
}

export async function bindPdfs(parts: readonly BindPart[], meta: PdfMeta): Promise<Uint8Array> {
  // The first part's own document becomes the bound one, and the others are
  // copied into it, one at a time, each let go once copied: pdf-lib holds
  // several times a PDF's size (a 1,785-page cahier, 97 MB, takes 0.7 GB),
  // and a copy of every part would double it.
  const [head, ...rest] = parts;
  if (!head) throw new Error('rien à relier');
  const out = head.read ?? (await loadPdf(head.bytes));
  const structure = new BoundStructure(out);
  const outline: OutlineItem[] = [];
  const placed: { pages: number; label: string }[] = [];
  const bind = (src: PDFDocument, part: BindPart, copier: Copier) => {
    const k = placed.length;
    placed.push({ pages: src.getPageCount(), label: part.label });
    // Where this part goes depends on those before it and on whether another follows.
    const place = bindingPlan(k < parts.length - 1 ? [...placed, { pages: 0, label: '' }] : placed)[k]!;
    if (src !== out)
      for (const page of src.getPages()) {
        const ref = copier.copy(page.ref);
        out.addPage(PDFPage.of(out.context.lookup(ref) as PDFPageLeaf, ref, out));
      }
    if (place.blankAfter) {
      const { width, height } = src.getPage(0).getSize();
      out.addPage([width, height]);
    }
    structure.add(src, copier, part.title);
    const first = out.getPage(place.first).ref;
    outline.push({ title: part.title, dest: out.context.obj([first, PDFName.of('Fit')]), children: readOutline(src, copier) });
  };
  // Two parts number their structure ids alike: each gets its label as a prefix.
  renumberStructureIds(out, `${head.label}-`);
  inlineNamedDestinations(out);
  bind(out, head, { copy: (o) => o });
  dropOwnTrees(out);
  for (const part of rest) {
    const src = part.read ?? (await loadPdf(part.bytes));
    renumberStructureIds(src, `${part.label}-`);
    inlineNamedDestinations(src);
    structure.shiftKeys(src);
    // One copier for the pages and the structure, so that both point to the same copies.
    bind(src, part, PDFObjectCopier.for(src.context, out.context));
  }
  const plan = bindingPlan(placed);
  structure.write();
  writeOutline(out, outline);
  out.catalog.set(PDFName.of('PageLabels'), out.context.obj({ Nums: plan.flatMap((p) => [p.first, out.context.obj({ S: 'D', P: PDFString.of(p.labelPrefix) })]) }));
  return saveWithMeta(out, meta);
}

/**
 * Chromium's links name their destination (`/Dest /chapitre-introduction`),
 * which the part's catalog resolves; the bound catalog cannot hold two parts'
 * names, so each link gets its destination itself (a page and a position).
 */
function inlineNamedDestinations(src: PDFDocument): void {
  const named = namedDestinations(src);
  pointLinks(src, named);
  for (const item of outlineItems(src)) pointTo(item, 'Dest', named);
}

/** The destinations `src`'s catalog names (its /Dests, or its /Names tree), each as a page and a position. */
export function namedDestinations(src: PDFDocument): Map<string, PDFObject> {
  const named = new Map<string, PDFObject>();
  for (const [key, value] of src.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)?.entries() ?? []) named.set(key.decodeText(), value);
  const tree = src.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of treePairs(tree, 'Names')) if (key instanceof PDFString || key instanceof PDFHexString) named.set(key.decodeText(), value);
  for (const [name, value] of named) {
    const target = value instanceof PDFRef ? src.context.lookup(value) : value;
    const resolved = target instanceof PDFDict ? target.get(PDFName.of('D')) : target;
    if (resolved) named.set(name, resolved);
    else named.delete(name);
  }
  return named;
}

/** Every link of `doc` that names its destination gets it from `named` (a page and a position). */
export function pointLinks(doc: PDFDocument, named: ReadonlyMap<string, PDFObject>): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookupMaybe(i, PDFDict);
      if (!annot) continue;
      pointTo(annot, 'Dest', named);
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      if (action?.get(PDFName.of('S'))?.toString() === '/GoTo') pointTo(action, 'D', named);
    }
  }
}

function pointTo(holder: PDFDict, key: 'Dest' | 'D', named: ReadonlyMap<string, PDFObject>): void {
  const dest = holder.get(PDFName.of(key));
  const name = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
  const target = name === undefined ? undefined : named.get(name);
  if (target) holder.set(PDFName.of(key), target);
}

export interface OutlineItem {
  title: string;
  dest?: PDFObject;
  children: OutlineItem[];
}

/** What copies a part's objects into the bound document: pdf-lib's copier, or nothing for the part that becomes it. */
type Copier = { copy<T extends PDFObject>(object: T): T };

/**
 * Removes from the catalog of `doc`, the part that becomes the bound
 * document, the trees that the bound ones replace (structure, bookmarks,
 * named destinations), and their nodes from the file; what they point to
 * is kept, the bound trees point to it too.
 */
function dropOwnTrees(doc: PDFDocument): void {
  const ctx = doc.context;
  const drop = (ref: PDFObject | undefined) => {
    if (ref instanceof PDFRef) ctx.delete(ref);
  };
  const treeNodes = (ref: PDFObject | undefined) => {
    const node = ref instanceof PDFRef ? ctx.lookupMaybe(ref, PDFDict) : undefined;
    const kids = node?.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; i < (kids?.size() ?? 0); i++) treeNodes(kids!.get(i));
    drop(ref);
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  treeNodes(root?.get(PDFName.of('ParentTree')));
  treeNodes(root?.get(PDFName.of('IDTree')));
  const items = (ref: PDFObject | undefined) => {
    for (let node = ref; node instanceof PDFRef; ) {
      const item = ctx.lookupMaybe(node, PDFDict);
      items(item?.get(PDFName.of('First')));
      drop(node);
      node = item?.get(PDFName.of('Next'));
    }
  };
  const outlines = doc.catalog.get(PDFName.of('Outlines'));
  items(outlines instanceof PDFRef ? ctx.lookupMaybe(outlines, PDFDict)?.get(PDFName.of('First')) : undefined);
  for (const key of ['StructTreeRoot', 'Outlines', 'Dests']) {
    drop(doc.catalog.get(PDFName.of(key)));
    doc.catalog.delete(PDFName.of(key));
  }
}

/** `doc`'s bookmarks, their destinations copied into the bound document. */
function readOutline(doc: PDFDocument, copier: Copier): OutlineItem[] {
  const items = (first: PDFDict | undefined): OutlineItem[] => {
    const out: OutlineItem[] = [];
    for (let node = first; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const dest = node.lookupMaybe(PDFName.of('Dest'), PDFArray);
      out.push({ title, ...(dest ? { dest: copier.copy(dest) } : {}), children: items(node.lookupMaybe(PDFName.of('First'), PDFDict)) });
    }
    return out;
  };
  return items(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
}

export function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const write = (items: OutlineItem[], parent: PDFRef): { first?: PDFRef; last?: PDFRef; count: number } => {
    const refs = items.map(() => ctx.nextRef());
    items.forEach((item, i) => {
      const kids = write(item.children, refs[i]!);
      const dict = ctx.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        ...(i > 0 ? { Prev: refs[i - 1] } : {}),
        ...(i < refs.length - 1 ? { Next: refs[i + 1] } : {}),
        ...(kids.first ? { First: kids.first, Last: kids.last, Count: PDFNumber.of(-kids.count) } : {}),
        ...(item.dest ? { Dest: item.dest } : {}),
      });
      ctx.assign(refs[i]!, dict);
    });
    return { ...(refs.length ? { first: refs[0], last: refs[refs.length - 1] } : {}), count: refs.length };
  };
  const top = write(items, rootRef);
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', ...(top.first ? { First: top.first, Last: top.last } : {}), Count: PDFNumber.of(top.count) }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
