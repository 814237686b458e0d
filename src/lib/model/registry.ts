/**
 * Every id of the contract by kind, so a reference can be checked against
 * the kind it must have and, when it fails, the message can say what the id
 * is instead ("« x » est un axe, pas un objectif") or suggest a close one.
 */
import { issueAt, type ContentIssue, type Location } from './issues.ts';
import type { RefKind } from './types.ts';

export type IdKind = RefKind | 'territoire' | 'axe-transversal';

const NAMES: Record<IdKind, { one: string; a: string; none: string }> = {
  pilier: { one: 'pilier', a: 'un pilier', none: 'aucun pilier n’est défini' },
  enjeu: { one: 'enjeu', a: 'un enjeu', none: 'aucun enjeu n’est défini' },
  axe: { one: 'axe', a: 'un axe', none: 'aucun axe n’est défini' },
  objectif: { one: 'objectif', a: 'un objectif', none: 'aucun objectif n’est défini' },
  fiche: { one: 'fiche', a: 'une fiche', none: 'aucune fiche n’est définie' },
  quartier: { one: 'quartier', a: 'un quartier', none: 'aucun quartier n’est défini' },
  indicateur: { one: 'indicateur', a: 'un indicateur', none: 'aucun indicateur n’est défini' },
  afom: { one: 'matrice AFOM', a: 'une matrice AFOM', none: 'aucune matrice AFOM n’est définie' },
  constat: { one: 'constat AFOM', a: 'un constat AFOM', none: 'aucun constat AFOM (item de matrice avec un id) n’est défini' },
  territoire: { one: 'territoire', a: 'un territoire', none: 'aucun territoire n’est défini' },
  'axe-transversal': { one: 'axe transversal', a: 'un axe transversal', none: 'aucun axe transversal (clé axes_transversaux de contrat.yaml) n’est défini' },
};

export function kindName(kind: IdKind): string {
  return NAMES[kind].one;
}
export function kindArticle(kind: IdKind): string {
  return NAMES[kind].a;
}

export class Registry {
  private readonly byKind = new Map<IdKind, Set<string>>();
  private readonly incomplete = new Set<IdKind>();

  /**
   * The file declaring this kind's ids could not be read: its ids are
   * unknown, so references to them are not reported (the file's own error
   * is), rather than cascading into one error per reference.
   */
  markIncomplete(kind: IdKind): void {
    this.incomplete.add(kind);
  }

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
    if (kinds.some((k) => this.has(k, id) || this.incomplete.has(k))) return undefined;
    const shown = quote(id);
    const other = this.kindsOf(id).filter((k) => !kinds.includes(k));
    if (other.length > 0) {
      return issueAt('ref-autre-type', at, `« ${shown} » est ${kindArticle(other[0]!)}, pas ${articleFor(what)}`, this.hint(kinds));
    }
    const close = closest(id, kinds.flatMap((k) => this.ids(k)));
    return issueAt(
      'ref-inconnue',
      at,
      `${what} inconnu${feminine(what) ? 'e' : ''} « ${shown} »`,
      close ? `vouliez-vous écrire « ${close} » ?` : this.hint(kinds),
    );
  }

  private hint(kinds: readonly IdKind[]): string {
    const ids = kinds.flatMap((k) => this.ids(k)).sort();
    if (ids.length === 0) return `${NAMES[kinds[0]!].none} dans ce contrat`;
    const shown = ids.slice(0, 8).join(', ');
    return `identifiants possibles : ${shown}${ids.length > 8 ? '…' : ''}`;
  }
}

/** Ids are quoted in messages: long or odd ones are cut and made visible, not echoed whole. */
function quote(id: string): string {
  const visible = id.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '\ufffd');
  return visible.length > 60 ? `${visible.slice(0, 59)}…` : visible;
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
    const d = editDistance(id, c, 4);
    if (d < bestScore && d <= Math.max(2, Math.floor(id.length / 4))) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}

export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) > cap) return Infinity;
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
