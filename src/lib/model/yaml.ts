/**
 * YAML with positions. `yaml`'s Document keeps every node's offsets, so any
 * key path found wrong later (by Zod or by a reference check) can be pointed
 * at exactly: the third item of a list, not the list's key.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { issueAt, type ContentIssue, type Location } from './issues.ts';
import { LineIndex } from './source.ts';
import { blockMarkdown, scalarMarkdown, type YamlMarkdown } from './yaml-markdown.ts';

export type KeyPath = readonly (string | number)[];

/** A parsed YAML text that can say where any key path of it lies. */
export interface YamlSource {
  file: string;
  data: unknown;
  locate(path: KeyPath, target?: 'value' | 'key'): Location;
  /** The value as written in the file (`1.0`, not the number 1), for hints. */
  raw(path: KeyPath): string | undefined;
  /** A string value read as Markdown, located in the file (yaml-markdown.ts). */
  markdown(path: KeyPath): YamlMarkdown | undefined;
}

/** Aliases beyond this are an "anchor bomb", not a contract. */
const MAX_ALIASES = 200;

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'clé en double dans le même bloc',
  BAD_INDENT: 'indentation incorrecte',
  BAD_SCALAR_START: 'valeur mal formée',
  BLOCK_AS_IMPLICIT_KEY: 'bloc utilisé comme clé',
  MISSING_CHAR: 'caractère manquant',
  MULTILINE_IMPLICIT_KEY: 'clé sur plusieurs lignes (il manque sans doute « : » ou des guillemets)',
  MULTIPLE_DOCS: 'plusieurs documents YAML dans un même fichier',
  TAB_AS_INDENT: 'tabulation utilisée pour indenter (utilisez des espaces)',
  UNEXPECTED_TOKEN: 'caractère inattendu',
  BAD_ALIAS: 'alias YAML invalide',
  BAD_DIRECTIVE: 'directive YAML invalide',
  MISSING_ANCHOR: 'alias vers une ancre inexistante',
  ALIAS_PROPS: 'alias mal formé',
  BLOCK_IN_FLOW: 'bloc à l’intérieur d’une liste entre crochets',
  DUPLICATE_ANCHOR: 'ancre en double',
  KEY_OVER_1024_CHARS: 'clé trop longue',
  IMPOSSIBLE: 'syntaxe YAML invalide',
  TAG_RESOLVE_FAILED: 'étiquette YAML inconnue',
  BAD_COLLECTION_TYPE: 'type de collection invalide',
};

/**
 * Parses `text`, which sits at `offset` inside a file whose full text is
 * indexed by `lines` (front matter sits after the opening `---`).
 */
export function parseYaml(
  file: string,
  text: string,
  lines: LineIndex,
  offset = 0,
): { source?: YamlSource; issues: ContentIssue[] } {
  const at = (pos: number, path = ''): Location => ({ file, path, ...lines.position(offset + pos) });
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  } catch {
    return { issues: [issueAt('yaml-syntaxe', at(0), 'structure YAML trop profonde ou trop grande pour être lue')] };
  }
  if (doc.errors.length > 0) {
    // A tab is the cause of whatever follows it: one message, in French, where the first tab is.
    const tab = doc.errors.find((e) => e.code === 'TAB_AS_INDENT');
    if (tab) return { issues: [issueAt('yaml-syntaxe', at(tab.pos[0]), 'tabulation utilisée pour indenter : YAML n’accepte que des espaces', 'remplacez chaque tabulation par des espaces (deux par niveau) ; VS Code : « Convertir la mise en retrait en espaces »')] };
    const issues = doc.errors.map((e) => {
      const detail = e.message.split(' at line ')[0]!.split('\n')[0];
      if (/call stack/i.test(e.message)) return issueAt('yaml-syntaxe', at(e.pos[0]), 'structure YAML trop profonde pour être lue');
      const message = YAML_MESSAGES[e.code] ?? 'syntaxe YAML invalide';
      return issueAt(e.code === 'DUPLICATE_KEY' ? 'yaml-cle-double' : 'yaml-syntaxe', at(e.pos[0]), message, `détail du lecteur YAML : ${detail}`);
    });
    return { issues: issues.slice(0, 5) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const bomb = e instanceof ReferenceError && /excessive alias/i.test(e.message);
    if (e instanceof ReferenceError && /unresolved alias/i.test(e.message)) {
      return { issues: [issueAt('yaml-alias', at(0), 'alias vers une ancre inexistante (« *nom » sans « &nom » avant)')] };
    }
    return {
      issues: [
        issueAt(
          bomb ? 'yaml-alias' : 'yaml-syntaxe',
          at(0),
          bomb
            ? 'trop d’alias YAML (« *ancre ») : le fichier se démultiplie à la lecture'
            : 'structure YAML trop profonde ou trop grande pour être lue',
          bomb ? 'écrivez les valeurs en clair plutôt que par des alias' : undefined,
        ),
      ],
    };
  }
  const source: YamlSource = {
    file,
    data,
    locate(path, target = 'value') {
      const found = findNode(doc, path, target);
      return at(found ?? 0, formatKeyPath(path));
    },
    raw(path) {
      const node = doc.getIn(path as (string | number)[], true);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
    markdown(path) {
      const node = nodeAt(doc, path);
      if (!isScalar(node) || typeof node.value !== 'string') return undefined;
      if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) {
        return blockMarkdown(text.slice(node.range[0], node.range[1]), offset + node.range[0], lines);
      }
      return scalarMarkdown(node.value, source.locate(path, 'key'));
    },
  };
  return { source, issues: [] };
}

/**
 * Offset of the node at `path`. When the path does not exist (a missing
 * key), the deepest existing ancestor is used: its key when it has one,
 * so "budget.total is missing" points at `budget:`.
 */
function findNode(doc: Document.Parsed, path: KeyPath, target: 'value' | 'key'): number | undefined {
  let node: unknown = doc.contents;
  let lastKeyOffset: number | undefined;
  let lastOffset: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return lastKeyOffset ?? lastOffset;
      const keyOffset = rangeStart(pair.key);
      const isLast = i === path.length - 1;
      if (isLast && target === 'key') return keyOffset;
      lastKeyOffset = keyOffset;
      node = pair.value;
      // `key:` with nothing after it: point at the key.
      lastOffset = rangeStart(node) ?? keyOffset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return lastKeyOffset ?? lastOffset;
      node = item;
      lastKeyOffset = undefined;
      lastOffset = rangeStart(item) ?? lastOffset;
    } else {
      return lastKeyOffset ?? lastOffset;
    }
  }
  return lastOffset;
}

/** The node at `path`, keys matched as written (`2016:` is the number 2016, the path says '2016'). */
function nodeAt(doc: Document.Parsed, path: KeyPath): unknown {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) node = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return isAlias(node) ? node.resolve(doc) : node;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** `budget.financements[2].montant` */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
