/**
 * Every id of the contract by kind, so a reference can be checked against
 * the kind it must have and, when it fails, the message can say what the id
 * is instead ("« x » est un axe, pas un objectif") or suggest a close one.
 */
import { issueAt, type ContentIssue, type Location } from './issues.ts';
import type { RefKind } from './types.ts';

export type IdKind = RefKind | 'territoire' | 'axe-transversal';

const NAMES: Record<IdKind, { one: string; a: string; of: string; plural: string; none: string }> = {
  pilier: { one: 'pilier', a: 'un pilier', of: 'du pilier', plural: 'piliers', none: 'aucun pilier n’est défini' },
  enjeu: { one: 'enjeu', a: 'un enjeu', of: 'de l’enjeu', plural: 'enjeux', none: 'aucun enjeu n’est défini' },
  axe: { one: 'axe', a: 'un axe', of: 'de l’axe', plural: 'axes', none: 'aucun axe n’est défini' },
  objectif: { one: 'objectif', a: 'un objectif', of: 'de l’objectif', plural: 'objectifs', none: 'aucun objectif n’est défini' },
  fiche: { one: 'fiche', a: 'une fiche', of: 'de la fiche', plural: 'fiches', none: 'aucune fiche n’est définie' },
  quartier: { one: 'quartier', a: 'un quartier', of: 'du quartier', plural: 'quartiers', none: 'aucun quartier n’est défini' },
  indicateur: { one: 'indicateur', a: 'un indicateur', of: 'de l’indicateur', plural: 'indicateurs', none: 'aucun indicateur n’est défini' },
  afom: { one: 'matrice AFOM', a: 'une matrice AFOM', of: 'de la matrice AFOM', plural: 'matrices AFOM', none: 'aucune matrice AFOM n’est définie' },
  constat: { one: 'constat AFOM', a: 'un constat AFOM', of: 'du constat AFOM', plural: 'constats AFOM', none: 'aucun constat AFOM (item de matrice avec un id) n’est défini' },
  territoire: { one: 'territoire', a: 'un territoire', of: 'du territoire', plural: 'territoires', none: 'aucun territoire n’est défini' },
  'axe-transversal': { one: 'axe transversal', a: 'un axe transversal', of: 'de l’axe transversal', plural: 'axes transversaux', none: 'aucun axe transversal (clé axes_transversaux de contrat.yaml) n’est défini' },
};

function ofArticle(kind: IdKind): string {
  return NAMES[kind].of;
}

export function kindName(kind: IdKind): string {
  return NAMES[kind].one;
}
export function kindArticle(kind: IdKind): string {
  return NAMES[kind].a;
}

export class Registry {
  private readonly byKind = new Map<IdKind, Set<string>>();
  private readonly incomplete = new Set<IdKind>();
  /** Display number (`1.2.3`) → id, by kind: authors write the number they read in the cahier. */
  private readonly numbers = new Map<IdKind, Map<string, string>>();
  /** `axe|objectif` → the objectifs of that axe: what to offer when an axe is written for an objectif. */
  private readonly contents = new Map<string, string[]>();
  /** Ids of drafts (`_fiche.md`): not published, so not referable, but worth naming. */
  private readonly drafts = new Map<string, { kind: IdKind; file: string }>();

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

  addNumber(kind: IdKind, numero: string, id: string): void {
    let map = this.numbers.get(kind);
    if (!map) this.numbers.set(kind, (map = new Map()));
    map.set(numero, id);
  }

  addContents(parent: string, kind: IdKind, ids: readonly string[]): void {
    this.contents.set(`${parent}|${kind}`, [...ids]);
  }

  addDraft(kind: IdKind, id: string, file: string): void {
    if (!this.drafts.has(id)) this.drafts.set(id, { kind, file });
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
   * `what` names the expected thing for the message ("objectif", "commune"…);
   * `unknownHint` replaces the list of close ids when none is close.
   */
  check(id: string, kinds: readonly IdKind[], at: Location, what = kindName(kinds[0]!), unknownHint?: string): ContentIssue | undefined {
    if (kinds.some((k) => this.has(k, id) || this.incomplete.has(k))) return undefined;
    const shown = quote(id);
    const numbered = kinds.map((k) => [k, this.numbers.get(k)?.get(id)] as const).find(([, found]) => found);
    if (numbered) {
      const [kind, found] = numbered;
      return issueAt('ref-inconnue', at, `« ${shown} » est le numéro ${ofArticle(kind)} « ${found} » : une référence s’écrit avec l’identifiant`, `écrivez « ${found} »`);
    }
    const draft = this.drafts.get(id);
    if (draft && kinds.includes(draft.kind)) {
      return issueAt('ref-inconnue', at, `« ${shown} » est ${kindArticle(draft.kind)} en brouillon (${draft.file}), qui n’est pas publié${feminine(kindName(draft.kind)) ? 'e' : ''}`, 'retirez le « _ » du nom du fichier pour la publier, ou retirez cette référence');
    }
    const other = this.kindsOf(id).filter((k) => !kinds.includes(k));
    if (other.length > 0) {
      const inside = this.contents.get(`${id}|${kinds[0]}`);
      const hint = inside?.length ? `${NAMES[kinds[0]!].plural} ${ofArticle(other[0]!)} « ${shown} » : ${inside.join(', ')}` : this.hint(id, kinds);
      return issueAt('ref-autre-type', at, `« ${shown} » est ${kindArticle(other[0]!)}, pas ${articleFor(what)}`, hint);
    }
    const close = closest(id, kinds.flatMap((k) => this.ids(k)));
    return issueAt(
      'ref-inconnue',
      at,
      `${what} inconnu${feminine(what) ? 'e' : ''} « ${shown} »`,
      close ? `vouliez-vous écrire « ${close} » ?` : (unknownHint ?? this.hint(id, kinds)),
    );
  }

  /** A few ids: all of them when there are few, else the most alike. */
  private hint(id: string, kinds: readonly IdKind[]): string {
    const ids = kinds.flatMap((k) => this.ids(k)).sort();
    if (ids.length === 0) return `${NAMES[kinds[0]!].none} dans ce contrat`;
    if (ids.length <= 8) return `identifiants possibles : ${ids.join(', ')}`;
    const alike = ids
      .map((c) => [c, likeness(id, c)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([c]) => c);
    return `identifiants les plus proches : ${alike.join(', ')} (${ids.length} en tout)`;
  }
}

/** How alike two ids are, 0 to 1: shared words first, then letters. */
function likeness(a: string, b: string): number {
  const words = new Set(a.split('-'));
  const shared = b.split('-').filter((w) => words.has(w)).length;
  return shared + 1 - editDistance(a, b) / Math.max(a.length, b.length, 1);
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
