/**
 * The tagged structure of a bound PDF: each part's structure tree, copied
 * with its pages, becomes one Part of the bound document's tree. pdf-lib's
 * copyPages leaves the structure behind, and a reader then sees the bound
 * contract as untagged; its content is already marked, page by page, so only
 * the trees have to be carried over and their keys kept apart.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString, type PDFObject } from 'pdf-lib';

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
  add(src: PDFDocument, copier: { copy<T extends PDFObject>(object: T): T }, title?: string): void {
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
    for (const [key, value] of treePairs(root.lookupMaybe(PDFName.of('IDTree'), PDFDict), 'Names')) {
      // An element removed (dropNonStruct) leaves its id behind.
      if (value instanceof PDFRef && !src.context.lookup(value)) continue;
      if (key instanceof PDFString || key instanceof PDFHexString) this.ids.push([key.decodeText(), copier.copy(value)]);
    }
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

/** What a tagged reader could need of a NonStruct element besides its content: with any of these it stays. */
const NON_STRUCT_KEEPS = ['Alt', 'ActualText', 'Lang', 'E', 'A', 'C', 'T'];

/**
 * Removes the NonStruct elements of `doc`'s structure tree, their content
 * given to their parent. Chromium tags every generic container so, the text
 * of each table cell included; a NonStruct means nothing to a reader (ISO
 * 32000: its content is read as if it were its parent's), but each weighs on
 * the file and on pdf-lib's memory: 247,000 of the 537,000 elements of the
 * 1,785-page cahier of the bench's size L. Their ids, which nothing points to
 * (table cells name header cells), leave the ID tree with them.
 */
export function dropNonStruct(doc: PDFDocument): void {
  const ctx = doc.context;
  const S = PDFName.of('S');
  const K = PDFName.of('K');
  const P = PDFName.of('P');
  const PG = PDFName.of('Pg');
  const dropped = new Map<string, PDFDict>();
  const elements: [PDFRef, PDFDict][] = [];
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/StructElem') continue;
    // Those right under the Document stay: content there would need the Document's page (ISO 32000 /Pg), and a part's Document joins the bound one's (BoundStructure) only if it holds elements alone.
    const parent = obj.lookupMaybe(P, PDFDict);
    const bare = obj.get(S)?.toString() === '/NonStruct' && !NON_STRUCT_KEEPS.some((key) => obj.has(PDFName.of(key)));
    if (bare && parent?.get(S)?.toString() !== '/Document') dropped.set(ref.tag, obj);
    else elements.push([ref, obj]);
  }
  if (dropped.size === 0) return;
  const kidsOf = (k: PDFObject | undefined): PDFObject[] => (k instanceof PDFArray ? k.asArray() : k === undefined ? [] : [k]);
  // A kept element's content: a dropped child's own content in its place, its marked content naming its page when the element's differs.
  type Owner = { ref: PDFRef; element: PDFDict; page: PDFObject | undefined; free: boolean };
  const expand = (kids: PDFObject[], page: PDFObject | undefined, owner: Owner, out: PDFObject[]) => {
    for (const kid of kids) {
      const child = kid instanceof PDFRef ? dropped.get(kid.tag) : undefined;
      if (child) {
        expand(kidsOf(child.get(K)), child.get(PG) ?? page, owner, out);
        continue;
      }
      // An element without a page of its own takes that of its first marked content.
      if ((kid instanceof PDFNumber || kid instanceof PDFDict) && owner.free && page) {
        owner.element.set(PG, page);
        owner.page = page;
        owner.free = false;
      }
      if (kid instanceof PDFNumber && page !== owner.page && page) out.push(ctx.obj({ Type: 'MCR', Pg: page, MCID: kid }));
      else if (kid instanceof PDFDict && !kid.has(PG) && page !== owner.page && page) {
        kid.set(PG, page);
        out.push(kid);
      } else {
        if (kid instanceof PDFRef) ctx.lookupMaybe(kid, PDFDict)?.set(P, owner.ref);
        out.push(kid);
      }
    }
  };
  for (const [ref, element] of elements) {
    dropDefaultAttributes(element);
    const kids = kidsOf(element.get(K));
    if (!kids.some((kid) => kid instanceof PDFRef && dropped.has(kid.tag))) continue;
    const out: PDFObject[] = [];
    const page = element.get(PG);
    expand(kids, page, { ref, element, page, free: page === undefined && !kids.some((kid) => kid instanceof PDFNumber) }, out);
    element.set(K, out.length === 1 ? out[0]! : ctx.obj(out));
  }
  // Marked content and annotations were the dropped elements': now their nearest kept ancestor's.
  const kept = (ref: PDFRef): PDFRef => {
    let at: PDFRef = ref;
    for (let d = dropped.get(at.tag); d; d = dropped.get(at.tag)) at = d.get(P) as PDFRef;
    return at;
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const rewrite = (node: PDFDict | undefined) => {
    const nums = node?.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 1; nums && i < nums.size(); i += 2) {
      const value = nums.get(i);
      if (value instanceof PDFRef && dropped.has(value.tag)) nums.set(i, kept(value));
      const list = value instanceof PDFRef ? ctx.lookup(value) : value;
      for (let j = 0; list instanceof PDFArray && j < list.size(); j++) {
        const entry = list.get(j);
        if (entry instanceof PDFRef && dropped.has(entry.tag)) list.set(j, kept(entry));
      }
    }
    const kids = node?.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) rewrite(kids.lookupMaybe(i, PDFDict));
  };
  rewrite(root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
  for (const tag of dropped.keys()) {
    const [num, gen] = tag.split(' ');
    ctx.delete(PDFRef.of(Number(num), Number(gen)));
  }
}

/**
 * A table cell's attributes that only say the default (ISO 32000: RowSpan
 * and ColSpan are 1 unless said otherwise), which Chromium writes for every
 * cell, three dictionaries each.
 */
function dropDefaultAttributes(element: PDFDict): void {
  const A = PDFName.of('A');
  const value = element.get(A);
  const list = value instanceof PDFArray ? value.asArray() : value instanceof PDFDict ? [value] : [];
  if (list.length === 0) return;
  const kept = list.filter((attributes) => {
    if (!(attributes instanceof PDFDict) || attributes.get(PDFName.of('O'))?.toString() !== '/Table') return true;
    for (const key of ['RowSpan', 'ColSpan']) {
      const n = attributes.get(PDFName.of(key));
      if (n instanceof PDFNumber && n.asNumber() === 1) attributes.delete(PDFName.of(key));
    }
    return attributes.keys().length > 1;
  });
  if (kept.length === list.length && value instanceof PDFDict) return;
  if (kept.length === 0) element.delete(A);
  else element.set(A, kept.length === 1 ? kept[0]! : element.context.obj(kept));
}
