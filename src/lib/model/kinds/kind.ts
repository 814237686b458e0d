/**
 * What a kind of file is: where it lives in the contract folder, the Zod
 * schema of what an author writes (with its defaults), and how its parsed
 * entries become model objects. The table in ./index.ts lists every kind;
 * classification, parsing, JSON Schemas, the id registry and resolution all
 * read it, so adding a kind is one module and one line there
 * (CONTRIBUTING.md shows how).
 *
 * Resolution runs in phases over the whole table:
 * 1. `declare`: each kind registers the ids its files define (and reports
 *    duplicates); what it returns is kept for the next phases;
 * 2. `resolve`: each kind turns its entries into model objects, reading
 *    other kinds' results through `ctx.output(kind)` (computed on demand,
 *    once, so the table's order does not have to follow the dependencies);
 * 3. `check`: rules that need every kind resolved (the warnings).
 */
import type { z } from 'zod';
import type { ContentIssue, Location } from '../issues.ts';
import type { Entry, ParsedBody, ParsedContract } from '../parse-files.ts';
import type { IdKind, Registry } from '../registry.ts';
import type { BodiesCheck } from '../bodies.ts';
import type { YamlSource } from '../yaml.ts';

/**
 * Where a kind's files are: folder segments, each a name or `*` (any one
 * folder, whose name the entry keeps: `rapports/<annee>/` has a `*` folder),
 * then either a file name (one file in that folder) or `*.ext`, one entity
 * per file, its name being its id.
 */
export interface Place {
  folders: string[];
  file?: string;
  ext?: string;
}

export interface Kind<Name extends string = string, S extends z.ZodType = z.ZodType, D = unknown, O = unknown, Key extends string | undefined = string | undefined> {
  name: Name;
  /**
   * Where its files are: `contrat.yaml`, or `cahier-2/fiches/*.md` for one
   * entity per file; a folder written `*` is any folder, its name kept in
   * the entry (`rapports/<annee>/rapport.yaml` is written with `*` for the year). A `.md` file is Markdown with a
   * YAML front matter (the schema is the front matter's).
   */
  place: string;
  /** The contract cannot be built without this file. */
  required?: boolean;
  schema: S;
  /** Title of the JSON Schema given to editors, `schemas/<name>.schema.json` (or `<editorSchema>`: kinds may share one). */
  editor: string;
  editorSchema?: string;
  /** Each file's name is an id of this kind, registered before `declare` (and for files that fail to parse). */
  idKind?: IdKind;
  /** Field of the Contract that holds this kind's output; none for kinds folded into another (declinaisons into quartiers). */
  key?: Key;
  /**
   * The file is missing or could not be read: say what its ids would have
   * been (entity kinds register the file name) or that they are unknown,
   * so references to them do not cascade into errors of their own.
   */
  unreadable?(registry: Registry, id: string | undefined): void;
  /** Markdown written inside YAML values (a suivi's `commentaire`): checked with the bodies, once every id is known. */
  bodies?(entry: Entry<z.output<S>>): ParsedBody[];
  declare?(entries: readonly Entry<z.output<S>>[], ctx: DeclareContext): D;
  resolve(entries: readonly Entry<z.output<S>>[], ctx: ResolveContext, declared: D): O;
  check?(entries: readonly Entry<z.output<S>>[], ctx: ResolveContext): ContentIssue[];
}

/** Any kind of the table, whatever its types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = Kind<string, z.ZodType, any, any, string | undefined>;

/* eslint-disable @typescript-eslint/no-explicit-any */
export type InputOf<K> = K extends Kind<string, infer S, any, any, any> ? z.output<S> : never;
export type DeclaredOf<K> = K extends Kind<string, z.ZodType, infer D, any, any> ? D : never;
export type OutputOf<K> = K extends Kind<string, z.ZodType, any, infer O, any> ? O : never;
export type KeyOf<K> = K extends Kind<string, z.ZodType, any, any, infer Key> ? Key : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface DeclareContext {
  registry: Registry;
  parsed: ParsedContract;
  report(issue: ContentIssue | undefined): void;
  /** What an earlier kind of the table declared. */
  declared<K extends AnyKind>(kind: K): DeclaredOf<K>;
}

export interface ResolveContext extends DeclareContext {
  entries<K extends AnyKind>(kind: K): readonly Entry<InputOf<K>>[];
  output<K extends AnyKind>(kind: K): OutputOf<K>;
  /** A file of this kind failed to parse: rules that count its entries would be wrong, its own error comes first. */
  failed(kind: AnyKind): boolean;
  /** Directives, references and images of every Markdown body, checked once every id is known. */
  bodies(): BodiesCheck;
  /** A path written in content (`contour`, `logo`) → its path under medias/, or undefined once the issue is reported. */
  media(written: string, yaml: YamlSource, path: (string | number)[]): string | undefined;
  locateFile(file: string): Location;
}

/** Identity, for type inference of a kind's module. */
export function defineKind<const Name extends string, S extends z.ZodType, D, O, const Key extends string | undefined = undefined>(
  kind: Kind<Name, S, D, O, Key>,
): Kind<Name, S, D, O, Key> {
  return kind;
}

export function placeOf(kind: AnyKind): Place {
  const segments = kind.place.split('/');
  const last = segments.pop()!;
  return last.startsWith('*') ? { folders: segments, ext: last.slice(1) } : { folders: segments, file: last };
}

/** The path of a kind's single file in the folders given for its `*` (`rapports/2017/rapport.yaml`). */
export function placePath(kind: AnyKind, folders: readonly string[] = []): string {
  let i = 0;
  return kind.place
    .split('/')
    .map((s, n, all) => (s === '*' && n < all.length - 1 ? (folders[i++] ?? s) : s))
    .join('/');
}

export function isMarkdown(kind: AnyKind): boolean {
  return kind.place.endsWith('.md');
}
