import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown/parse.ts';
import { splitFrontMatter } from './front-matter.ts';
import { issueAt, warningAt, type ContentIssue, type Location } from './issues.ts';
import { KINDS } from './kinds/index.ts';
import { toId } from './ids.ts';
import { isMarkdown, type AnyKind, type InputOf } from './kinds/kind.ts';
import { classify } from './layout.ts';
import { ID_PATTERN } from './schemas/common.ts';
import { decodeText, LineIndex, type SourceFile } from './source.ts';
import { parseYaml, type YamlSource } from './yaml.ts';
import { MAX_MARKDOWN_NESTING, tooDeep } from './markdown-depth.ts';
import { validate } from './zod-issues.ts';

/** A Markdown body with what is needed to locate its nodes in the whole file. */
export interface ParsedBody {
  file: string;
  root: Root;
  lines: LineIndex;
  /** Offset of the body in the file (after the front matter). */
  offset: number;
  /** The body's source text, for directives whose label Markdown re-parses (`:ref[kind:id]`). */
  text: string;
}

export interface Entry<T> {
  /** File name without extension for one-entity-per-file kinds; the path otherwise. */
  id: string;
  file: string;
  /** The names of the folders its kind's place writes `*` (the year of `rapports/<annee>/…`). */
  folders: readonly string[];
  value: T;
  yaml: YamlSource;
  body?: ParsedBody;
}

export interface ParsedContract {
  /** The valid entries of each kind, by kind name, in path order. */
  entries: ReadonlyMap<string, Entry<unknown>[]>;
  medias: Map<string, SourceFile>;
  /**
   * Files that are missing (required ones) or could not be read or
   * validated: their ids still exist for references. `id` is the file's id
   * for entity kinds.
   */
  failed: { kind: AnyKind; id?: string; folders?: readonly string[] }[];
  /** Drafts of one-entity-per-file kinds (`_permis.md`): not read, but a reference to one can name it. */
  drafts: { kind: AnyKind; id: string; file: string }[];
}

/** The entries of one kind, typed by its schema. */
export function entriesOf<K extends AnyKind>(parsed: ParsedContract, kind: K): Entry<InputOf<K>>[] {
  return (parsed.entries.get(kind.name) ?? []) as Entry<InputOf<K>>[];
}

/**
 * What each file gave, kept by the caller between two builds of the same
 * contract (the live preview): a file whose bytes did not change is not
 * parsed again. Resolution writes into a body's tree (`:ref` targets), so
 * each build gets its own copy of the value and of the tree.
 */
export type ParseCache = Map<string, { bytes: Uint8Array; entry: Entry<unknown> | undefined; issues: ContentIssue[] }>;

function parseCached(cache: ParseCache, file: SourceFile, kind: AnyKind, id: string, folders: readonly string[], issues: ContentIssue[]): Entry<unknown> | undefined {
  const key = `${kind.name}|${id}|${file.path}`;
  let hit = cache.get(key);
  if (!hit || !file.bytes || !sameBytes(hit.bytes, file.bytes)) {
    const own: ContentIssue[] = [];
    hit = { bytes: file.bytes ?? new Uint8Array(), entry: parseEntry(file, kind, id, folders, own), issues: own };
    if (file.bytes) cache.set(key, hit);
  }
  issues.push(...hit.issues);
  const entry = hit.entry;
  if (!entry) return undefined;
  return { ...entry, value: structuredClone(entry.value), ...(entry.body ? { body: { ...entry.body, root: structuredClone(entry.body.root) } } : {}) };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

export function parseContractFiles(files: readonly SourceFile[], cache?: ParseCache): { parsed: ParsedContract; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const entries = new Map<string, Entry<unknown>[]>(KINDS.map((k) => [k.name, []]));
  const parsed: ParsedContract = { entries, medias: new Map(), failed: [], drafts: [] };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const where = classify(file.path);
    const top: Location = { file: file.path, line: 1, column: 1, path: '' };
    if (where.kind === 'draft') {
      if (where.of) parsed.drafts.push({ ...where.of, file: file.path });
      continue;
    }
    if (file.brokenLink) {
      issues.push(issueAt('lien-symbolique', top, 'lien symbolique cassé : sa cible n’existe pas', 'supprimez le lien ou copiez le fichier dans le dossier du contrat'));
      continue;
    }
    if (file.outside) {
      issues.push(issueAt('lien-symbolique', top, 'lien symbolique vers un fichier hors du dossier du contrat', 'copiez le fichier dans le dossier du contrat'));
      continue;
    }
    if (where.kind === 'media') {
      parsed.medias.set(file.path, file);
      continue;
    }
    if (where.kind === 'unknown') {
      issues.push(warningAt('fichier-ignore', top, 'fichier ignoré : cet emplacement n’est pas prévu par le format', 'déplacez-le, ou préfixez son nom par « _ » pour en faire un brouillon'));
      continue;
    }
    if (where.kind === 'misplaced') {
      issues.push(issueAt('fichier-mal-nomme', top, `fichier mal nommé : ${where.expected}`, 'renommez le fichier, ou préfixez son nom par « _ » pour en faire un brouillon'));
      continue;
    }
    const { kind, id, folders } = where;
    if (id !== undefined && !ID_PATTERN.test(id)) {
      const proposed = toId(id);
      const renamed = proposed ? `renommez-le « ${file.path.replace(/[^/]*(\.[a-z]+)$/, `${proposed}$1`)} »` : undefined;
      issues.push(issueAt('nom-invalide', top, `nom de fichier invalide « ${id} » : il sert d’identifiant et ne peut contenir que des minuscules sans accent, des chiffres et « - »`, renamed));
      continue;
    }
    const entry = cache ? parseCached(cache, file, kind, id ?? file.path, folders, issues) : parseEntry(file, kind, id ?? file.path, folders, issues);
    if (entry) entries.get(kind.name)!.push(entry);
    else parsed.failed.push({ kind, folders, ...(id !== undefined ? { id } : {}) });
  }
  for (const kind of KINDS as readonly AnyKind[]) {
    if (!kind.required || sorted.some((f) => f.path === kind.place)) continue;
    issues.push(issueAt('fichier-manquant', { file: kind.place, line: 1, column: 1, path: '' }, 'fichier obligatoire manquant', 'voir le guide de rédaction, ou « npm run new -- contrat DOSSIER » pour un squelette'));
    parsed.failed.push({ kind });
  }
  return { parsed, issues };
}

function parseEntry(file: SourceFile, kind: AnyKind, id: string, folders: readonly string[], issues: ContentIssue[]): Entry<unknown> | undefined {
  const top: Location = { file: file.path, line: 1, column: 1, path: '' };
  const decoded = decodeText(file);
  if (!decoded.ok) {
    issues.push(issueAt('fichier-illisible', top, decoded.message, decoded.hint));
    return undefined;
  }
  const text = decoded.text;
  if (text.trim() === '') {
    issues.push(issueAt('fichier-vide', top, 'fichier vide', 'voir le modèle correspondant dans templates/ ou le guide de rédaction'));
    return undefined;
  }
  const lines = new LineIndex(text);
  let yamlText = text;
  let yamlOffset = 0;
  let body: ParsedBody | undefined;
  if (isMarkdown(kind)) {
    const split = splitFrontMatter(text);
    if (!split.ok) {
      issues.push(issueAt('en-tete-yaml', top, split.message, split.hint));
      return undefined;
    }
    yamlText = split.yaml;
    yamlOffset = split.yamlOffset;
    const deep = tooDeep(split.body);
    if (deep !== undefined) {
      issues.push(issueAt('markdown-profond', { ...top, ...lines.position(split.bodyOffset + deep) }, `imbrication trop profonde (plus de ${MAX_MARKDOWN_NESTING} citations ou listes imbriquées)`));
      return undefined;
    }
    let root: Root;
    try {
      root = parseMarkdown(split.body);
    } catch {
      issues.push(issueAt('markdown-profond', { ...top, ...lines.position(split.bodyOffset) }, 'texte Markdown illisible (structure trop profonde)'));
      return undefined;
    }
    body = { file: file.path, root, lines, offset: split.bodyOffset, text: split.body };
  }
  const { source, issues: yamlIssues } = parseYaml(file.path, yamlText, lines, yamlOffset);
  issues.push(...yamlIssues);
  if (!source) return undefined;
  if (source.data === null || source.data === undefined) {
    issues.push(issueAt('fichier-vide', source.locate([]), isMarkdown(kind) ? 'en-tête YAML vide' : 'fichier vide'));
    return undefined;
  }
  const { value, issues: schemaIssues } = validate(kind.schema, source);
  issues.push(...schemaIssues);
  if (value === undefined) return undefined;
  const declared = (value as { id?: unknown }).id;
  if (typeof declared === 'string' && declared !== id) {
    issues.push(issueAt('id-nom-fichier', source.locate(['id']), `l’identifiant « ${declared} » diffère du nom du fichier « ${id} »`, `supprimez la clé id, ou renommez le fichier en ${declared}`));
  }
  return { id, file: file.path, folders, value, yaml: source, ...(body ? { body } : {}) };
}
