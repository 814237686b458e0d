/**
 * The tagged structure of a bound PDF: each part's structure tree, copied
 * with its pages, becomes one Part of the bound document's tree. pdf-lib's
 * copyPages leaves the structure behind, and a reader then sees the bound
 * contract as untagged; its content is already marked, page by page, so only
 * the trees have to be carried over and their keys kept apart.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFRef, PDFStream, PDFString, type PDFObject } from 'pdf-lib';

/** The leaves of a number tree (`Nums`) or a name tree (`Names`), in order, as key/value pairs. */
export function treePairs(node: PDFDict | undefined, leafKey: 'Nums' | 'Names'): [PDFObject, PDFObject][] {
  if (!node) return [];
  const pairs: [PDFObject, PDFObject][] = [];
  const leaf = node.lookupMaybe(PDFName.of(leafKey), PDFArray);
  if (leaf) for (let i = 0; i + 1 < leaf.size(); i += 2) pairs.push([leaf.get(i), leaf.get(i + 1)]);
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) pairs.push(...treePairs(kids.lookup(i, PDFDict), leafKey));
  return pairs;
}

/** A number or name tree of `pairs` (sorted by the caller), in leaves of a bounded size. */
function writeTree(doc: PDFDocument, pairs: [PDFNumber | PDFString, PDFObject][], leafKey: 'Nums' | 'Names'): PDFRef {
  const ctx = doc.context;
  const LEAF = 256;
  if (pairs.length <= LEAF) return ctx.register(ctx.obj({ [leafKey]: pairs.flat() }));
  const kids: PDFRef[] = [];
  for (let i = 0; i < pairs.length; i += LEAF) {
    const chunk = pairs.slice(i, i + LEAF);
    kids.push(ctx.register(ctx.obj({ [leafKey]: chunk.flat(), Limits: [chunk[0]![0], chunk[chunk.length - 1]![0]] })));
  }
  return ctx.register(ctx.obj({ Kids: kids }));
}

interface PartStructure {
  /** The part's title; none for the parts of one document printed separately, whose elements join the document's. */
  title?: string;
  tops: PDFRef[];
}

/** Collects the parts' structure trees while their pages are copied, then writes the bound tree. */
export class BoundStructure {
  private readonly parts: PartStructure[] = [];
  private readonly parentTree: [number, PDFObject][] = [];
  private readonly ids: [string, PDFObject][] = [];
  private readonly roleMap = new Map<string, PDFObject>();
  /** The next free key of the bound parent tree: a part's keys are shifted by it. */
  nextKey = 0;

  private readonly out: PDFDocument;

  constructor(out: PDFDocument) {
    this.out = out;
  }

  /**
   * Shifts the structure keys of `src`'s pages and annotations past those of
   * the parts added before it. Call before copying its pages.
   */
  shiftKeys(src: PDFDocument): void {
    for (const [, obj] of src.context.enumerateIndirectObjects()) {
      const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : undefined;
      if (!dict || dict.get(PDFName.of('Type'))?.toString() === '/StructElem') continue;
      for (const key of ['StructParents', 'StructParent']) {
        const n = dict.lookupMaybe(PDFName.of(key), PDFNumber);
        if (n) dict.set(PDFName.of(key), PDFNumber.of(n.asNumber() + this.nextKey));
      }
    }
  }

  /** Copies `src`'s structure tree with `copier`, the one its pages were copied with (so /Pg and /Obj point to the copies). */
  add(src: PDFDocument, copier: PDFObjectCopier, title?: string): void {
    const root = src.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    if (!root) return;
    const k = root.get(PDFName.of('K'));
    const tops = (k instanceof PDFArray ? k.asArray() : k ? [k] : []).filter((t): t is PDFRef => t instanceof PDFRef);
    // Their parent is the part's own root, which stays behind.
    for (const t of tops) src.context.lookup(t, PDFDict).delete(PDFName.of('P'));
    this.parts.push({ ...(title !== undefined ? { title } : {}), tops: tops.map((t) => copier.copy(t)) });
    let last = -1;
    for (const [key, value] of treePairs(root.lookupMaybe(PDFName.of('ParentTree'), PDFDict), 'Nums')) {
      if (!(key instanceof PDFNumber)) continue;
      this.parentTree.push([key.asNumber() + this.nextKey, copier.copy(value)]);
      last = Math.max(last, key.asNumber());
    }
    for (const [key, value] of treePairs(root.lookupMaybe(PDFName.of('IDTree'), PDFDict), 'Names'))
      if (key instanceof PDFString || key instanceof PDFHexString) this.ids.push([key.decodeText(), copier.copy(value)]);
    for (const [key, value] of root.lookupMaybe(PDFName.of('RoleMap'), PDFDict)?.entries() ?? []) this.roleMap.set(key.decodeText(), copier.copy(value));
    const next = root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? last + 1;
    this.nextKey += Math.max(next, last + 1);
  }

  /** A separately printed part's elements, under the document: the children of its Document element, or its top elements. */
  private joined(tops: PDFRef[], only: PDFDict | undefined, docRef: PDFRef): PDFObject[] {
    const k = only?.get(PDFName.of('S'))?.toString() === '/Document' ? only.get(PDFName.of('K')) : undefined;
    const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    // Only elements can change parent; anything else (marked content of the Document itself) keeps its own element.
    const elements = k && kids.every((kid) => kid instanceof PDFRef) ? (kids as PDFRef[]) : tops;
    if (elements === tops && only) only.set(PDFName.of('S'), PDFName.of('Sect'));
    for (const e of elements) this.out.context.lookup(e, PDFDict).set(PDFName.of('P'), docRef);
    return elements;
  }

  /** Writes the bound tree (Document › one Part per titled part, or the parts' elements) into the catalog; nothing if no part was tagged. */
  write(): void {
    if (this.parts.length === 0) return;
    const ctx = this.out.context;
    const rootRef = ctx.nextRef();
    const docRef = ctx.nextRef();
    const partRefs = this.parts.flatMap(({ title, tops }): PDFObject[] => {
      const only = tops.length === 1 ? ctx.lookup(tops[0]!, PDFDict) : undefined;
      if (title === undefined) return this.joined(tops, only, docRef);
      // Chromium's tree opens with one Document element: it becomes the part.
      if (only?.get(PDFName.of('S'))?.toString() === '/Document') {
        only.set(PDFName.of('S'), PDFName.of('Part'));
        only.set(PDFName.of('T'), PDFHexString.fromText(title));
        only.set(PDFName.of('P'), docRef);
        return [tops[0]!];
      }
      const partRef = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Part', T: PDFHexString.fromText(title), P: docRef, K: tops }));
      for (const t of tops) ctx.lookup(t, PDFDict).set(PDFName.of('P'), partRef);
      return [partRef];
    });
    ctx.assign(docRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: partRefs, Lang: PDFString.of('fr') }));
    const nums = this.parentTree.sort(([a], [b]) => a - b).map(([key, value]): [PDFNumber, PDFObject] => [PDFNumber.of(key), value]);
    const ids = this.ids.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]): [PDFString, PDFObject] => [PDFString.of(key), value]);
    const root = ctx.obj({ Type: 'StructTreeRoot', K: docRef, ParentTree: writeTree(this.out, nums, 'Nums'), ParentTreeNextKey: this.nextKey });
    if (ids.length) root.set(PDFName.of('IDTree'), writeTree(this.out, ids, 'Names'));
    if (this.roleMap.size) root.set(PDFName.of('RoleMap'), ctx.obj(Object.fromEntries(this.roleMap)));
    ctx.assign(rootRef, root);
    this.out.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    this.out.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  }
}
