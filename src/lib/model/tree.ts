/**
 * The causal tree of orientations.yaml: ids unique across the whole tree,
 * one of `enjeux` or `axes` per pilier, and the display numbers (pilier 1,
 * enjeu 1.A, axe 1.2, objectif 1.2.3). Axes are numbered across the pilier,
 * so an axe keeps its number whether or not the contract has enjeux.
 */
import { issueAt, type ContentIssue } from './issues.ts';
import type { Entry } from './parse-files.ts';
import type { AxeInput, CibleInput, EnjeuInput, ObjectifInput, OrientationsInput, PilierInput } from './schemas/orientations.ts';

/** Where a node sits: its display number and the nodes above it. */
interface Placed {
  numero: string;
  pilier: string;
}

/** A figured target; `reference` is as written, else the indicator's earliest non-null value for the territory (resolution fills it). */
export type Cible = CibleInput;
export type Objectif = Omit<ObjectifInput, 'cibles'> & Placed & { enjeu?: string; axe: string; cibles?: Cible[] };
export type Axe = Omit<AxeInput, 'objectifs'> & Placed & { enjeu?: string; objectifs: Objectif[] };
export type Enjeu = Omit<EnjeuInput, 'axes'> & Placed & { axes: Axe[] };
export type Pilier = Omit<PilierInput, 'enjeux' | 'axes'> & {
  numero: string;
  /** Empty when the contract has no enjeux level under this pilier. */
  enjeux: Enjeu[];
  /** Every axe of the pilier, in tree order, whether under an enjeu or not. */
  axes: Axe[];
};

export function buildTree(entry: Entry<OrientationsInput>): { piliers: Pilier[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[], level: string) => {
    const first = seen.get(id);
    if (first) {
      issues.push(issueAt('id-double', entry.yaml.locate([...path, 'id']), `identifiant en double « ${id} » : déjà utilisé par ${first}`, 'chaque identifiant de l’arbre doit être unique, tous niveaux confondus'));
    } else seen.set(id, `${level} (${path.join('.')})`.replace(/\.(\d+)/g, '[$1]'));
  };

  const piliers = entry.value.piliers.map((p, pi): Pilier => {
    const pPath = ['piliers', pi];
    claim(p.id, pPath, 'un pilier');
    const numero = String(pi + 1);
    let axeCount = 0;
    const buildAxes = (axes: AxeInput[], path: (string | number)[], enjeu?: string): Axe[] =>
      axes.map((a, ai) => {
        const aPath = [...path, 'axes', ai];
        claim(a.id, aPath, 'un axe');
        const aNumero = `${numero}.${++axeCount}`;
        const objectifs = a.objectifs.map((o, oi): Objectif => {
          claim(o.id, [...aPath, 'objectifs', oi], 'un objectif');
          const v2 = { ...(o.constats ? { constats: o.constats } : {}), ...(o.cibles ? { cibles: o.cibles } : {}) };
          return { id: o.id, titre: o.titre, numero: `${aNumero}.${oi + 1}`, pilier: p.id, ...(enjeu ? { enjeu } : {}), axe: a.id, indicateurs: o.indicateurs, ...v2 };
        });
        return { id: a.id, titre: a.titre, numero: aNumero, pilier: p.id, ...(enjeu ? { enjeu } : {}), ...(a.constats ? { constats: a.constats } : {}), objectifs };
      });

    const withEnjeux = (p.enjeux?.length ?? 0) > 0;
    if (withEnjeux && p.axes) {
      issues.push(issueAt('arbre-forme', entry.yaml.locate([...pPath, 'axes'], 'key'), 'un pilier a soit des enjeux, soit des axes, pas les deux', 'placez ces axes sous l’un des enjeux'));
    }
    if (!p.enjeux && !p.axes) {
      issues.push(issueAt('arbre-forme', entry.yaml.locate([...pPath, 'id']), 'pilier sans enjeux ni axes', 'ajoutez « enjeux: » ou, sans niveau enjeu, « axes: »'));
    }
    const enjeux = (p.enjeux ?? []).map((e, ei): Enjeu => {
      const ePath = [...pPath, 'enjeux', ei];
      claim(e.id, ePath, 'un enjeu');
      return { id: e.id, titre: e.titre, numero: `${numero}.${letter(ei)}`, pilier: p.id, constats: e.constats, axes: buildAxes(e.axes, ePath, e.id) };
    });
    const direct = withEnjeux ? [] : buildAxes(p.axes ?? [], pPath);
    return { id: p.id, titre: p.titre, numero, enjeux, axes: [...enjeux.flatMap((e) => e.axes), ...direct] };
  });
  return { piliers, issues };
}

/** A, B, … Z, AA, AB… */
function letter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function allObjectifs(piliers: readonly Pilier[]): Objectif[] {
  return piliers.flatMap((p) => p.axes.flatMap((a) => a.objectifs));
}
