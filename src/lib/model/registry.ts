/**
 * Every id of the contract by kind, so a reference can be checked against
 * the kind it must have and, when it fails, the message can say what the id
 * is instead ("« x » est un axe, pas un objectif") or suggest a close one.
 */
import { issueAt, type ContentIssue, type Location } from './issues.ts';
import type { RefKind } from './types.ts';

export type IdKind = RefKind | 'territoire' | 'axe-transversal';

const NAMES: Record<IdKind, { one: string; a: string }> = {
  pilier: { one: 'pilier', a: 'un pilier' },
  enjeu: { one: 'enjeu', a: 'un enjeu' },
  axe: { one: 'axe', a: 'un axe' },
  objectif: { one: 'objectif', a: 'un objectif' },
  fiche: { one: 'fiche', a: 'une fiche' },
  quartier: { one: 'quartier', a: 'un quartier' },
  indicateur: { one: 'indicateur', a: 'un indicateur' },
  afom: { one: 'matrice AFOM', a: 'une matrice AFOM' },
  constat: { one: 'constat AFOM', a: 'un constat AFOM' },
  territoire: { one: 'territoire', a: 'un territoire' },
  'axe-transversal': { one: 'axe transversal', a: 'un axe transversal' },
};

export function kindName(kind: IdKind): string {
  return NAMES[kind].one;
}
export function kindArticle(kind: IdKind): string {
  return NAMES[kind].a;
}

export class Registry {
  private readonly byKind = new Map<IdKind, Set<string>>();

  add(kind: IdKind, id: string): void {
    let set = this.byKind.get(kind);
    if (!set) this.byKind.set(kind, (set = new Set()));
    set.add(id);
  }

  has(kind: IdKind, id: string): boolean {
    return this.byKind.get(kind)?.has(id) ?? false;
  }

  ids(kind: IdKind): string[] {
    return [...(this.byKind.get(kind) ?? [])];
  }

  /** The kinds that hold `id`, in a fixed order. */
  kindsOf(id: string): IdKind[] {
    return (Object.keys(NAMES) as IdKind[]).filter((k) => this.has(k, id));
  }

  /**
   * Checks that `id` is of one of `kinds`; returns the issue otherwise.
   * `what` names the expected thing for the message ("objectif", "commune"…).
   */
  check(id: string, kinds: readonly IdKind[], at: Location, what = kindName(kinds[0]!)): ContentIssue | undefined {
    if (kinds.some((k) => this.has(k, id))) return undefined;
    const other = this.kindsOf(id).filter((k) => !kinds.includes(k));
    if (other.length > 0) {
      return issueAt(at, `« ${id} » est ${kindArticle(other[0]!)}, pas ${articleFor(what)}`, this.hint(kinds));
    }
    const close = closest(id, kinds.flatMap((k) => this.ids(k)));
    return issueAt(
      at,
      `${what} inconnu${feminine(what) ? 'e' : ''} « ${id} »`,
      close ? `vouliez-vous écrire « ${close} » ?` : this.hint(kinds),
    );
  }

  private hint(kinds: readonly IdKind[]): string {
    const ids = kinds.flatMap((k) => this.ids(k)).sort();
    if (ids.length === 0) return `aucun ${kindName(kinds[0]!)} n’est défini dans ce contrat`;
    const shown = ids.slice(0, 8).join(', ');
    return `identifiants possibles : ${shown}${ids.length > 8 ? '…' : ''}`;
  }
}

function feminine(what: string): boolean {
  return /^(fiche|matrice|commune)/.test(what);
}

function articleFor(what: string): string {
  return `${feminine(what) ? 'une' : /^[aeiouéè]/.test(what) ? 'un' : 'un'} ${what}`;
}

/** The id at edit distance ≤ 2 (or sharing a long prefix), for "did you mean". */
export function closest(id: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(id, c, 3);
    if (d < bestScore && d <= Math.max(2, Math.floor(id.length / 4))) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}

export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
