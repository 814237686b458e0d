/**
 * The causal tree for print: landscape pages, the drawing always as wide as
 * the page. Its layout is widened to the page's width at the scale chosen,
 * so a smaller scale gives roomier columns and a shorter tree rather than a
 * narrower drawing. A pilier too tall for one page is split between its
 * enjeux (or axes), and inside one only when it cannot fit a page alone, its
 * pages balanced; small piliers share a page. All pages share one scale.
 */
import type { Axe, Pilier } from '../model/index.ts';
import { pluralize } from '../plural.ts';
import { pilierSections, type PilierSection } from '../queries/index.ts';
import type { RenderContext } from '../render/context.ts';
import { layoutArbre } from '../render/tree-layout.ts';

const MM = 96 / 25.4;
/**
 * The drawing's room on a landscape page, in CSS pixels: A4 turned, inside
 * the margins of `@page paysage` (12 mm at the sides, 14 mm top and bottom
 * for the running head and the page number), less the page's heading.
 * print.css sizes `.arbre-page .tourne` to the same box.
 */
export const TREE_PAGE = { width: Math.floor((297 - 2 * 12) * MM), height: Math.floor((210 - 2 * 14 - 9) * MM) };
/** Below this the 11 px labels fall under ~6.5 pt on paper. */
export const MIN_SCALE = 0.8;

export interface TreePage {
  /** One pilier, reduced to the enjeux (or axes) this page shows; or several whole piliers that share the page. */
  piliers: Pilier[];
  /** The page's rank among its pilier's pages (1 of 1 for a page of several piliers). */
  part: number;
  parts: number;
  scale: number;
  /** The layout's width and height, in drawing units (its width is the page's at `scale`). */
  width: number;
  height: number;
  /** The drawing's size on the page, in CSS pixels: its layout's size at `scale`. */
  size: { width: number; height: number };
}

export function planTreePages(piliers: readonly Pilier[], ctx: RenderContext, page = TREE_PAGE): TreePage[] {
  const plans = piliers.map((p) => planPilier(p, ctx, page));
  const groups = groupPiliers(plans, (i, j) => largestScale((s) => fits(piliers.slice(i, j), ctx, page, s)));
  // One scale throughout, so that labels keep one size from page to page:
  // the largest at which each pilier fits its fewest pages. A pilier that
  // cannot fit at MIN_SCALE even cut down to one objectif a page shrinks alone.
  const shared = Math.min(...groups.map((g) => Math.max(g.scale, MIN_SCALE)));
  return groups.flatMap(({ from, to, scale }) => {
    if (to - from === 1) return plans[from]!.pages(Math.min(shared, scale));
    return [drawnAt(piliers.slice(from, to), ctx, page, shared, { part: 1, parts: 1 })];
  });
}

/** « Arbre des objectifs — Pilier 1 : Cohésion sociale (1/2) »; « … — Piliers 1 à 3 » for a page of several. */
export function treePageTitle(t: TreePage, ctx: RenderContext): string {
  return `${TITLE} — ${treePageSubject(t, ctx)}`;
}

/** What a tree page shows: « Pilier 1 : Cohésion sociale (1/2) », « Piliers 1 à 3 ». */
export function treePageSubject(t: TreePage, ctx: RenderContext): string {
  const l = ctx.contract.contrat.libelles;
  const numeros = t.piliers.map((p) => p.numero);
  const [first] = t.piliers;
  if (!first || numeros.length > 1) return `${pluralize(l.pilier)} ${numeros.length > 2 ? `${numeros[0]} à ${numeros.at(-1)}` : numeros.join(' et ')}`;
  return `${l.pilier} ${first.numero} : ${first.titre}${t.parts > 1 ? ` (${t.part}/${t.parts})` : ''}`;
}

const TITLE = 'Arbre des objectifs';

/**
 * Consecutive piliers that each fit one page share a page when they fit it
 * together at MIN_SCALE: the fewest pages, then the largest scale.
 */
function groupPiliers(plans: readonly { count: number; scale: number }[], together: (i: number, j: number) => number) {
  const best: { pages: number; scale: number; from: number; own: number }[] = [{ pages: 0, scale: Infinity, from: -1, own: Infinity }];
  for (let j = 1; j <= plans.length; j++) {
    const alone = plans[j - 1]!;
    let choice = { pages: best[j - 1]!.pages + alone.count, scale: Math.min(best[j - 1]!.scale, alone.scale), from: j - 1, own: alone.scale };
    for (let i = j - 2; i >= 0 && alone.count === 1 && plans[i]!.count === 1; i--) {
      const own = together(i, j);
      if (own < MIN_SCALE) break;
      const pages = best[i]!.pages + 1;
      const scale = Math.min(best[i]!.scale, own);
      if (pages < choice.pages || (pages === choice.pages && scale > choice.scale)) choice = { pages, scale, from: i, own };
    }
    best[j] = choice;
  }
  const groups: { from: number; to: number; scale: number }[] = [];
  for (let j = plans.length; j > 0; j = best[j]!.from) groups.unshift({ from: best[j]!.from, to: j, scale: best[j]!.own });
  return groups;
}

const widthAt = (page: Room, scale: number) => Math.floor(page.width / scale);
const fits = (piliers: readonly Pilier[], ctx: RenderContext, page: Room, scale: number) => layoutArbre(piliers, ctx, { width: widthAt(page, scale) }).height * scale <= page.height;

function drawnAt(piliers: Pilier[], ctx: RenderContext, page: Room, scale: number, rank: Pick<TreePage, 'part' | 'parts'>): TreePage {
  const { width, height } = layoutArbre(piliers, ctx, { width: widthAt(page, scale) });
  return { piliers, ...rank, scale, width, height, size: { width: Math.round(width * scale), height: Math.round(height * scale) } };
}

type Room = typeof TREE_PAGE;
type Cut = [number, number];

function planPilier(p: Pilier, ctx: RenderContext, page: Room) {
  const memo = new Map<string, number>();
  const remember = (key: string, f: () => number) => (memo.has(key) ? memo.get(key)! : memo.set(key, f()).get(key)!);
  const layout = (units: readonly PilierSection[], scale: number) => layoutArbre([pilierOf(p, units)], ctx, { width: widthAt(page, scale) });
  const units = pilierSections(p).flatMap((s) => split(s, (u) => fits([pilierOf(p, [u])], ctx, page, MIN_SCALE)));
  // Units i..j-1 on one page: the largest scale at which they fit, and their height at a given scale.
  const scaleOf = (i: number, j: number) => remember(`${i}-${j}`, () => largestScale((s) => fits([pilierOf(p, units.slice(i, j))], ctx, page, s)));
  const heightOf = (i: number, j: number, s: number) => remember(`${i}-${j}@${s}`, () => layout(units.slice(i, j), s).height * s);
  const allowed = (i: number, j: number) => j === i + 1 || scaleOf(i, j) >= MIN_SCALE;
  const count = fewestPages(units.length, allowed);
  // The grouping whose smallest scale is largest…
  const { value } = minimax(units.length, count, (i, j) => (allowed(i, j) ? -scaleOf(i, j) : undefined));
  return {
    count,
    scale: -value,
    /** …then, at the scale given, the one whose fullest page is least full: balanced pages. */
    pages(scale: number): TreePage[] {
      const { cuts } = minimax(units.length, count, (i, j) => (allowed(i, j) && scaleOf(i, j) >= scale ? heightOf(i, j, scale) : undefined));
      return cuts.map(([i, j], n) => drawnAt([pilierOf(p, units.slice(i, j))], ctx, page, scale, { part: n + 1, parts: cuts.length }));
    },
  };
}

/** The largest scale, to 0.01 and at most 1 (labels at their nominal size), at which the tree fits. */
function largestScale(fits: (scale: number) => boolean): number {
  if (fits(1)) return 1;
  let [lo, hi] = [10, 100];
  // Taller at a larger scale (narrower columns, more lines): bisect.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid / 100)) lo = mid;
    else hi = mid;
  }
  return lo / 100;
}

/** The fewest consecutive groups of `n` units, each allowed on one page (greedy: the longest group first). */
function fewestPages(n: number, allowed: (i: number, j: number) => boolean): number {
  let pages = 0;
  for (let i = 0; i < n; pages++) {
    let j = i + 1;
    while (j < n && allowed(i, j + 1)) j++;
    i = j;
  }
  return Math.max(1, pages);
}

/**
 * Units 0..n-1 cut into `k` consecutive groups so that the largest cost of
 * a group is least; undefined cost: a group not allowed. Dynamic programming
 * over (units covered, groups used), since a group allowed contains no group
 * refused (what does not fit cannot fit with more).
 */
function minimax(n: number, k: number, cost: (i: number, j: number) => number | undefined): { value: number; cuts: Cut[] } {
  if (n === 0) return { value: cost(0, 0) ?? 0, cuts: [[0, 0]] };
  // best[m][j]: units 0..j-1 in m groups.
  const best: { value: number; from: number }[][] = Array.from({ length: k + 1 }, () => Array.from({ length: n + 1 }, () => ({ value: Infinity, from: -1 })));
  best[0]![0] = { value: -Infinity, from: -1 };
  for (let m = 1; m <= k; m++)
    for (let i = 0; i < n; i++) {
      const before = best[m - 1]![i]!.value;
      if (before === Infinity) continue;
      for (let j = i + 1; j <= n; j++) {
        const c = cost(i, j);
        if (c === undefined) break;
        const value = Math.max(before, c);
        if (value < best[m]![j]!.value) best[m]![j] = { value, from: i };
      }
    }
  const cuts: Cut[] = [];
  for (let m = k, j = n; m > 0; m--) {
    const { from } = best[m]![j]!;
    cuts.unshift([from, j]);
    j = from;
  }
  return { value: best[k]![n]!.value, cuts };
}

/** A section too tall for a page alone, cut between its axes, then between an axe's objectifs. */
function split(section: PilierSection, fitsAlone: (s: PilierSection) => boolean): PilierSection[] {
  if (fitsAlone(section)) return [section];
  if (section.axes.length > 1) return section.axes.flatMap((a) => split({ ...section, axes: [a] }, fitsAlone));
  const [axe] = section.axes;
  if (!axe || axe.objectifs.length < 2) return [section];
  return axe.objectifs.flatMap((o) => split({ ...section, axes: [{ ...axe, objectifs: [o] }] }, fitsAlone));
}

/** The pilier reduced to these sections, the pieces of one enjeu or one axe put back together. */
function pilierOf(p: Pilier, units: readonly PilierSection[]): Pilier {
  const sections: { enjeu?: PilierSection['enjeu']; axes: Axe[] }[] = [];
  for (const u of units) {
    const last = sections.at(-1);
    if (!last || last.enjeu?.id !== u.enjeu?.id) {
      sections.push({ ...(u.enjeu ? { enjeu: u.enjeu } : {}), axes: [...u.axes] });
      continue;
    }
    for (const a of u.axes) {
      const prev = last.axes.at(-1);
      if (prev?.id === a.id) last.axes[last.axes.length - 1] = { ...prev, objectifs: [...prev.objectifs, ...a.objectifs] };
      else last.axes.push(a);
    }
  }
  const axes = sections.flatMap((s) => s.axes);
  if (!p.enjeux.length) return { ...p, axes };
  return { ...p, enjeux: sections.map((s) => ({ ...s.enjeu!, axes: s.axes })), axes };
}
