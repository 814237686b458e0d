/**
 * Zod issues → located, French ContentIssues. Each issue points at the
 * offending value (or, for an unknown key, at the key itself) and says what
 * was found and what was expected.
 */
import type { z } from 'zod';
import { issueAt, type ContentIssue } from './issues.ts';
import { jsonSchema, SCHEMA_KINDS } from './json-schemas.ts';
import { editDistance } from './registry.ts';
import { toId } from './ids.ts';
import { MARKER_ERROR } from './schemas/common.ts';
import type { KeyPath, YamlSource } from './yaml.ts';

type ZodIssue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un bloc de clés',
  record: 'un bloc de clés',
  null: 'null',
};

/** Parses `source.data` with `schema`; returns the output or the located issues. */
export function validate<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
): { value?: z.output<S>; issues: ContentIssue[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { value: result.data, issues: [] };
  return { issues: result.error.issues.flatMap((i) => toContentIssues(i, [], source)) };
}

function toContentIssues(issue: ZodIssue, prefix: KeyPath, source: YamlSource): ContentIssue[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const found = valueAt(source.data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        issueAt(
          'cle-inconnue',
          source.locate([...path, key], 'key'),
          `clé inconnue « ${key} »`,
          suggestKey(key) ?? 'vérifiez l’orthographe de la clé (voir le guide de rédaction)',
        ),
      );
    case 'invalid_type': {
      if (found === undefined) return [issueAt('cle-manquante', source.locate(path), 'clé obligatoire manquante')];
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return [
        issueAt('type-invalide', source.locate(path), `type attendu : ${expected} ; trouvé : ${describe(found, source.raw(path))}`, typeHint(issue.expected, found, source.raw(path), path)),
      ];
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => `« ${String(v)} »`).join(', ');
      return [issueAt('valeur-non-permise', source.locate(path), `valeur non permise : ${describe(found)} ; attendu : ${allowed}`)];
    }
    case 'too_small':
      if (issue.origin === 'array')
        return [issueAt('liste-vide', source.locate(path), issue.message.startsWith('au moins') ? issue.message : `liste trop courte : au moins ${issue.minimum} élément(s) attendu(s)`)];
      if (issue.origin === 'string') return [issueAt('liste-vide', source.locate(path), 'texte vide')];
      return [issueAt('valeur-invalide', source.locate(path), frenchOr(issue.message, `valeur trop petite : ${describe(found)} ; minimum : ${issue.minimum}`))];
    case 'too_big':
      return [issueAt('valeur-invalide', source.locate(path), frenchOr(issue.message, `valeur trop grande : ${describe(found)} ; maximum : ${issue.maximum}`))];
    case 'invalid_union': {
      // A number that may be « à compléter »: what is wrong is the number, whatever the marker's branch says.
      const branches = issue.errors.filter((branch) => !(branch.length === 1 && branch[0]!.message === MARKER_ERROR));
      if (branches.length === 1 && branches.length < issue.errors.length) return branches[0]!.flatMap((i) => toContentIssues(i, path, source));
      // Report the branch that got furthest (the object form of an AFOM item), else the union's own message.
      const deep = issue.errors.filter((branch) => branch.length > 0 && branch.every((b) => b.path.length > 0));
      if (deep.length === 1) return deep[0]!.flatMap((i) => toContentIssues(i, path, source));
      const message = frenchOr(issue.message, '');
      return [issueAt('valeur-invalide', source.locate(path), message || `valeur invalide : ${describe(found)}`)];
    }
    case 'invalid_key':
      return issue.issues.flatMap((i) =>
        toContentIssues({ ...i, path: [] } as ZodIssue, path, source).map((c) => ({
          ...c,
          ...pickPosition(source.locate(path, 'key')),
        })),
      );
    default: {
      // An id with accents, capitals or spaces: the id it was meant to be.
      const meant = typeof found === 'string' && issue.message.startsWith('identifiant invalide') ? toId(found) : '';
      return [issueAt('valeur-invalide', source.locate(path), frenchOr(issue.message, `valeur invalide : ${describe(found)}`), meant ? `vouliez-vous écrire « ${meant} » ?` : undefined)];
    }
  }
}

function pickPosition(loc: { line: number; column: number }) {
  return { line: loc.line, column: loc.column };
}

/** Zod's own messages are English; ours (set in the schemas) are French and are kept. */
function frenchOr(message: string, fallback: string): string {
  return /^(Invalid|Too|Expected|Unrecognized|Number must|String must)/.test(message) || message === '' ? fallback : message;
}

export function describe(value: unknown, raw?: string): string {
  if (value === null) return 'une valeur vide';
  if (value === undefined) return 'rien';
  if (typeof value === 'string') return `le texte « ${truncate(value)} »`;
  if (typeof value === 'number') return `le nombre ${raw ?? value}`;
  if (typeof value === 'boolean') return `la valeur ${value}`;
  if (Array.isArray(value)) return 'une liste';
  return 'un bloc de clés';
}

function truncate(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

function typeHint(expected: string, found: unknown, raw: string | undefined, path: KeyPath): string | undefined {
  // `calendrier: 2016-2019`, `debut: 2015-2016`: a period written as text.
  const period = typeof found === 'string' ? /^\s*(\d{4})\s*(?:-|–|—|à|a|\/)\s*(\d{4})\s*$/.exec(found) : null;
  if (period) {
    const key = path.at(-1);
    return key === 'debut' || key === 'fin'
      ? `une année par clé : debut: ${period[1]} et fin: ${period[2]}`
      : `une période s’écrit avec ses deux années : ${typeof key === 'string' ? `${key}: ` : ''}{debut: ${period[1]}, fin: ${period[2]}}`;
  }
  if (expected === 'string' && (typeof found === 'number' || typeof found === 'boolean'))
    return `mettez la valeur entre guillemets : "${raw ?? String(found)}"`;
  if (expected === 'number' && typeof found === 'string')
    return 'écrivez le nombre sans unité ni espace, avec un point décimal (ex. 12500 ou 47.2)';
  if (expected === 'array' && found !== null && typeof found !== 'object')
    return 'une liste s’écrit [a, b] ou une ligne « - a » par élément';
  return undefined;
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** "Did you mean" for a typo of a key the format knows. */
function suggestKey(key: string): string | undefined {
  return allKeys().map((k) => [k, editDistance(key, k)] as const)
    .filter(([, d]) => d > 0 && d <= (key.length <= 4 ? 1 : 2))
    .sort((a, b) => a[1] - b[1])
    .map(([k]) => `vouliez-vous écrire « ${k} » ?`)[0];
}

let knownKeys: string[] | undefined;

/** Every key the format knows, read from the schemas themselves (their JSON Schema form). */
function allKeys(): string[] {
  if (knownKeys) return knownKeys;
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props) Object.keys(props).forEach((k) => keys.add(k));
      Object.values(node).forEach(walk);
    }
  };
  for (const kind of SCHEMA_KINDS) walk(jsonSchema(kind));
  return (knownKeys = [...keys].sort());
}
