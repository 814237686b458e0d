/**
 * Seeded mutations of a contract held in memory, for the fuzz test
 * (test/unit/model/fuzz.test.ts). A case is a pure function of (seed, case
 * number): the same pair always yields the same files, so a failure found by
 * the fuzzer replays exactly.
 *
 * Operators work at three levels:
 * - bytes and lines of one file (truncate, garbage bytes, garbage lines,
 *   duplicated lines, odd Unicode, CRLF, BOM, huge numbers, deep nesting,
 *   oversized and empty files, broken directives in Markdown bodies);
 * - the file set (delete, rename to a bad id, duplicate an entity file
 *   under another name keeping its `id:` key);
 * - the YAML data of a file or of a front matter (drop a key, swap a value's
 *   type, duplicate an id in a list, set an id to an id of another kind).
 */
import { parseDocument, stringify } from 'yaml';
import { splitFrontMatter } from '../../src/lib/model/front-matter.ts';
import { MAX_GEOJSON_BYTES, MAX_TEXT_BYTES, type SourceFile } from '../../src/lib/model/source.ts';

// ---------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for fuzzing, and reproducible everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** [0, 1) */
  float(): number {
    return this.next();
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
}

/** The seed of case `index` of a run seeded with `seed`: every case replays on its own. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------
// Bytes and text

const encoder = new TextEncoder();
/** Lenient: invalid UTF-8 becomes U+FFFD, so line-level operators still work on garbled files. */
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function bytesOf(file: SourceFile): Uint8Array {
  return file.bytes ?? new Uint8Array();
}

function withBytes(path: string, bytes: Uint8Array): SourceFile {
  return { path, size: bytes.length, bytes };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function joinLines(lines: readonly Uint8Array[]): Uint8Array {
  const nl = new Uint8Array([0x0a]);
  return concat(...lines.flatMap((l, i) => (i === 0 ? [l] : [nl, l])));
}

const isMarkdown = (path: string) => path.endsWith('.md');
const isYaml = (path: string) => path.endsWith('.yaml');
const isJson = (path: string) => /\.(geo)?json$/.test(path);
const isText = (path: string) => isMarkdown(path) || isYaml(path) || isJson(path);

/** Index range of the front-matter lines of a Markdown file (between the `---` fences), if any. */
function frontMatterLines(lines: readonly Uint8Array[]): [number, number] | undefined {
  if (lines.length < 2 || lenient.decode(lines[0]!).replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) if (lenient.decode(lines[i]!).trimEnd() === '---') return i > 1 ? [1, i - 1] : undefined;
  return undefined;
}

/** A line to work on: in a Markdown file, a front-matter line most of the time (that is where the keys are). */
function pickLine(rng: Rng, path: string, lines: readonly Uint8Array[]): number {
  const fm = isMarkdown(path) ? frontMatterLines(lines) : undefined;
  if (fm && rng.chance(0.7)) return rng.range(fm[0], fm[1]);
  return rng.int(lines.length);
}

/** The line with its value (after `key: ` or `- `) replaced, or the value appended when the line has none. */
function replaceValue(line: string, value: string): string {
  const keyed = /^(\s*(?:- )?[^\s:#-][^:]*:\s)/.exec(line);
  if (keyed) return keyed[1] + value;
  const item = /^(\s*- )/.exec(line);
  if (item) return item[1] + value;
  const json = /^(\s*"[^"]*":\s*)/.exec(line);
  if (json) return json[1] + value + (line.trimEnd().endsWith(',') ? ',' : '');
  return `${line} ${value}`;
}

// ---------------------------------------------------------------------------
// The contract's ids, by kind (for "an id of another kind")

export type IdKind =
  | 'territoire' | 'quartier' | 'indicateur' | 'afom' | 'fiche' | 'pilier' | 'enjeu' | 'axe' | 'objectif' | 'constat' | 'axe-transversal' | 'chapitre';

export type IdsByKind = Map<IdKind, string[]>;

const ENTITY_FOLDERS: Record<string, IdKind> = {
  quartiers: 'quartier',
  'cahier-1/indicateurs': 'indicateur',
  'cahier-1/afom': 'afom',
  'cahier-2/fiches': 'fiche',
  'cahier-1/chapitres': 'chapitre',
  'cahier-2/chapitres': 'chapitre',
};

function folderOf(path: string): string {
  return path.split('/').slice(0, -1).join('/');
}

function baseName(path: string): string {
  const name = path.split('/').pop()!;
  return name.replace(/\.[^.]*$/, '');
}

function extOf(path: string): string {
  return /\.[^./]*$/.exec(path)?.[0] ?? '';
}

const idCache = new WeakMap<readonly SourceFile[], IdsByKind>();

/** Every id the base contract defines, by kind, read with `yaml` directly (independent of the model). */
export function idsByKind(base: readonly SourceFile[]): IdsByKind {
  const cached = idCache.get(base);
  if (cached) return cached;
  const ids: IdsByKind = new Map();
  const add = (kind: IdKind, id: unknown) => {
    if (typeof id !== 'string') return;
    const list = ids.get(kind) ?? [];
    if (!list.includes(id)) list.push(id);
    ids.set(kind, list);
  };
  const data = (f: SourceFile): unknown => {
    try {
      return parseDocument(lenient.decode(bytesOf(f))).toJS();
    } catch {
      return undefined;
    }
  };
  const items = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
  for (const f of base) {
    const kind = ENTITY_FOLDERS[folderOf(f.path)];
    if (kind) add(kind, baseName(f.path));
    if (f.path === 'territoires.yaml') for (const t of items(data(f))) add('territoire', t['id']);
    if (f.path === 'contrat.yaml') {
      const c = data(f) as Record<string, unknown> | undefined;
      for (const a of items(c?.['axes_transversaux'])) add('axe-transversal', a['id']);
    }
    if (f.path.startsWith('cahier-1/afom/')) {
      const a = data(f) as Record<string, unknown> | undefined;
      for (const q of ['atouts', 'faiblesses', 'opportunites', 'menaces']) for (const item of items(a?.[q])) add('constat', item['id']);
    }
    if (f.path === 'cahier-2/orientations.yaml') {
      const o = data(f) as Record<string, unknown> | undefined;
      const axes = (list: unknown) => {
        for (const a of items(list)) {
          add('axe', a['id']);
          for (const ob of items(a['objectifs'])) add('objectif', ob['id']);
        }
      };
      for (const p of items(o?.['piliers'])) {
        add('pilier', p['id']);
        for (const e of items(p['enjeux'])) {
          add('enjeu', e['id']);
          axes(e['axes']);
        }
        axes(p['axes']);
      }
    }
  }
  idCache.set(base, ids);
  return ids;
}

function kindsOf(ids: IdsByKind, id: string): IdKind[] {
  return [...ids].filter(([, list]) => list.includes(id)).map(([k]) => k);
}

// ---------------------------------------------------------------------------
// Operators

export interface OpContext {
  rng: Rng;
  /** The case's files, by path; operators replace, add and delete entries. */
  files: Map<string, SourceFile>;
  /** The file the operator works on (present in `files`). */
  path: string;
  ids: IdsByKind;
}

export interface OpResult {
  /** What was done, for the replay line: `@123`, `« 1e308 » l.12`… */
  detail: string;
  /** Where the target file is now (rename), or undefined when it is gone (delete). */
  path?: string | undefined;
}

export interface Operator {
  name: string;
  applies(path: string): boolean;
  /** Undefined when the operator finds nothing to do on this file (e.g. YAML ops on unparseable text). */
  apply(ctx: OpContext): OpResult | undefined;
}

const GARBAGE_BYTES = [0x00, 0xff, 0xfe, 0xc3, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0xc0, 0xaf, 0x1b, 0x7f, 0x0d, 0x09, 0x3a, 0x5b, 0x7b, 0x2d, 0x23, 0x26, 0x2a, 0x21, 0x7c, 0x3e, 0x22, 0x27, 0x25, 0x40, 0x60];

const GARBAGE_LINES = [
  ': : :',
  '- [ { ] }',
  '&ancre *alias',
  '*inexistante',
  '!!binary AAAA',
  '!tag inconnu',
  '? clé complexe',
  '%YAML 1.1',
  '---',
  '...',
  '"non fermé',
  "'non fermé",
  '\tindentation: tabulation',
  '      mal: indenté',
  'clé: valeur: encore',
  '{a: 1, a: 1}',
  '[1, 2,, 3]',
  '<<: *merge',
  '@@@@',
  '`backquote`',
  'a'.repeat(1100) + ': longue clé',
  '::indicateur{id=}',
  ':ref[]',
  '}}}}]]]]',
  '# commentaire seul',
  '',
];

const ODD_UNICODE: [string, Uint8Array][] = [
  ['RLM', encoder.encode('\u200F')],
  ['RLO', encoder.encode('\u202Eénilcni')],
  ['combinants', encoder.encode('e\u0301\u0301\u0301\u0300\u0327')],
  ['emoji', encoder.encode('👨‍👩‍👧‍👦🎉')],
  ['U+FFFF', encoder.encode('\uFFFF')],
  ['U+FFFE', encoder.encode('\uFFFE')],
  ['BOM au milieu', encoder.encode('\uFEFF')],
  ['U+2028', encoder.encode('\u2028')],
  ['NEL', encoder.encode('\u0085')],
  ['espace insécable', encoder.encode('\u00A0\u202F')],
  ['espace de largeur nulle', encoder.encode('\u200B\u200D')],
  ['deux-points pleine chasse', encoder.encode('\uFF1A')],
  ['tiret cadratin', encoder.encode('\u2014')],
  ['surrogate isolé (ED A0 80)', new Uint8Array([0xed, 0xa0, 0x80])],
  ['surrogate bas isolé (ED B0 80)', new Uint8Array([0xed, 0xb0, 0x80])],
  ['surlong (C0 AF)', new Uint8Array([0xc0, 0xaf])],
  ['hors Unicode (F4 90 80 80)', new Uint8Array([0xf4, 0x90, 0x80, 0x80])],
  ['séquence coupée (E2 82)', new Uint8Array([0xe2, 0x82])],
];

const HUGE_NUMBERS = [
  '1e308', '-1e308', '1e309', '-1e309', '1.7976931348623157e308', '5e-324', '1e-400', '-0', '-0.0', '0x7fffffffffffffff',
  '99999999999999999999999999', '9007199254740993', '-2015', '2015.5', '1e3', '0o17', '0b101', '.nan', '.NaN', '.inf', '-.inf',
  'NaN', 'Infinity', '-Infinity', '"NaN"', '1_000_000', '12,5', '12 500', '1.2.3', '+12', '0000002015', '2e10',
];

function hugeNumber(rng: Rng): string {
  return rng.pick(HUGE_NUMBERS);
}

/** Deep nesting, as a value (YAML, JSON) or as Markdown body lines. */
function deepValue(rng: Rng, depth: number, markdownBody: boolean): [string, string] {
  if (markdownBody) {
    const kind = rng.int(7);
    switch (kind) {
      case 0: return ['citations', `${'> '.repeat(depth)}texte`];
      case 1: return ['listes', `${'- '.repeat(depth)}x`];
      // One line per level: capped so the file stays under the 2 MB limit (400 levels already take seconds to parse).
      case 2: return [`listes indentées (${Math.min(depth, 400)} niveaux)`, Array.from({ length: Math.min(depth, 400) }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')];
      case 3: return ['conteneurs :::', `${Array.from({ length: depth }, (_, i) => `${':'.repeat(3 + (depth - i))}bloc`).join('\n')}\n`];
      case 4: return ['crochets', `${'['.repeat(depth)}lien${'](x)'.repeat(depth)}`];
      case 5: return ['emphase', `${'*'.repeat(depth)}texte${'*'.repeat(depth)}`];
      default: return ['html', `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`];
    }
  }
  const kind = rng.int(4);
  switch (kind) {
    case 0: return ['[[[…]]]', `${'['.repeat(depth)}${']'.repeat(depth)}`];
    case 1: return ['{a: {a: …}}', `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`];
    case 2: return ['[{[{…}]}]', `${'[{a: '.repeat(depth)}1${'}]'.repeat(depth)}`];
    default: return ['- - - …', `${'- '.repeat(depth)}x`];
  }
}

const truncate: Operator = {
  name: 'truncate',
  applies: isText,
  apply({ rng, files, path }) {
    const bytes = bytesOf(files.get(path)!);
    const at = rng.int(bytes.length + 1);
    files.set(path, withBytes(path, bytes.slice(0, at)));
    return { detail: `@${at}/${bytes.length}`, path };
  },
};

const insertBytes: Operator = {
  name: 'insert-bytes',
  applies: isText,
  apply({ rng, files, path }) {
    const bytes = bytesOf(files.get(path)!);
    const at = rng.int(bytes.length + 1);
    const junk = Uint8Array.from({ length: rng.range(1, 16) }, () => (rng.chance(0.6) ? rng.pick(GARBAGE_BYTES) : rng.int(256)));
    files.set(path, withBytes(path, concat(bytes.subarray(0, at), junk, bytes.subarray(at))));
    return { detail: `@${at} [${[...junk].map((b) => b.toString(16).padStart(2, '0')).join(' ')}]`, path };
  },
};

const garbageLine: Operator = {
  name: 'garbage-line',
  applies: isText,
  apply({ rng, files, path }) {
    const lines = splitLines(bytesOf(files.get(path)!));
    const i = pickLine(rng, path, lines);
    const garbage = rng.chance(0.8)
      ? rng.pick(GARBAGE_LINES)
      : Array.from({ length: rng.range(1, 40) }, () => String.fromCharCode(rng.range(0x20, 0x7e))).join('');
    lines[i] = encoder.encode(garbage);
    files.set(path, withBytes(path, joinLines(lines)));
    return { detail: `l.${i + 1} « ${garbage.slice(0, 30)} »`, path };
  },
};

const duplicateLine: Operator = {
  name: 'duplicate-line',
  applies: isText,
  apply({ rng, files, path }) {
    const lines = splitLines(bytesOf(files.get(path)!));
    const i = pickLine(rng, path, lines);
    lines.splice(i, 0, lines[i]!);
    files.set(path, withBytes(path, joinLines(lines)));
    return { detail: `l.${i + 1}`, path };
  },
};

const crlf: Operator = {
  name: 'crlf',
  applies: isText,
  apply({ files, path }) {
    const bytes = bytesOf(files.get(path)!);
    const out: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a && bytes[i - 1] !== 0x0d) out.push(0x0d);
      out.push(bytes[i]!);
    }
    files.set(path, withBytes(path, Uint8Array.from(out)));
    return { detail: '', path };
  },
};

const bom: Operator = {
  name: 'bom',
  applies: isText,
  apply({ files, path }) {
    files.set(path, withBytes(path, concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytesOf(files.get(path)!))));
    return { detail: '', path };
  },
};

const oddUnicode: Operator = {
  name: 'odd-unicode',
  applies: isText,
  apply({ rng, files, path }) {
    const bytes = bytesOf(files.get(path)!);
    const [label, odd] = rng.pick(ODD_UNICODE);
    // Half the time in a value (after `: `), where ids and texts are; else anywhere.
    let at = rng.int(bytes.length + 1);
    if (rng.chance(0.5)) {
      const lines = splitLines(bytes);
      const i = pickLine(rng, path, lines);
      const start = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
      const colon = lines[i]!.indexOf(0x3a);
      at = start + (colon >= 0 ? Math.min(colon + 2, lines[i]!.length) : rng.int(lines[i]!.length + 1));
    }
    files.set(path, withBytes(path, concat(bytes.subarray(0, at), odd, bytes.subarray(at))));
    return { detail: `${label} @${at}`, path };
  },
};

const hugeNumbers: Operator = {
  name: 'huge-number',
  applies: isText,
  apply({ rng, files, path }) {
    const lines = splitLines(bytesOf(files.get(path)!));
    const i = pickLine(rng, path, lines);
    const n = hugeNumber(rng);
    lines[i] = encoder.encode(replaceValue(lenient.decode(lines[i]!), n));
    files.set(path, withBytes(path, joinLines(lines)));
    return { detail: `« ${n} » l.${i + 1}`, path };
  },
};

const deepNesting: Operator = {
  name: 'deep-nesting',
  applies: isText,
  apply({ rng, files, path }) {
    const lines = splitLines(bytesOf(files.get(path)!));
    const depth = rng.range(1000, 5000);
    const fm = isMarkdown(path) ? frontMatterLines(lines) : undefined;
    const inBody = isMarkdown(path) && (!fm || rng.chance(0.5));
    const [label, value] = deepValue(rng, depth, inBody);
    let i: number;
    if (inBody) {
      i = fm ? rng.range(fm[1] + 2, Math.max(fm[1] + 2, lines.length - 1)) : rng.int(lines.length);
      if (i >= lines.length) lines.push(new Uint8Array());
      lines.splice(i, 0, encoder.encode(value));
    } else {
      i = pickLine(rng, path, lines);
      lines[i] = encoder.encode(replaceValue(lenient.decode(lines[i]!), value));
    }
    files.set(path, withBytes(path, joinLines(lines)));
    return { detail: `${label} ×${depth} l.${i + 1}${inBody ? ' (texte)' : ''}`, path };
  },
};

const bigFile: Operator = {
  name: 'big-file',
  applies: isText,
  apply({ rng, files, path }) {
    const limit = isJson(path) ? MAX_GEOJSON_BYTES : MAX_TEXT_BYTES;
    const size = limit + 1;
    // As the reader does: a file over the limit is not read. Sometimes the bytes are there anyway: the size alone must refuse it.
    if (isJson(path) || rng.chance(0.5)) {
      files.set(path, { path, size });
      return { detail: `${size} octets, non lus`, path };
    }
    const head = bytesOf(files.get(path)!);
    const padded = new Uint8Array(size).fill(0x20);
    padded.set(head.subarray(0, Math.min(head.length, size)));
    padded[size - 1] = 0x0a;
    files.set(path, withBytes(path, padded));
    return { detail: `${size} octets, lus`, path };
  },
};

const emptyFile: Operator = {
  name: 'empty-file',
  applies: isText,
  apply({ rng, files, path }) {
    const variants = isMarkdown(path) ? ['', '\n\n   \n', '---\n---\n', '---\n---\n', '---\n\n---\ntexte\n', '---\nnull\n---\n', '---\n'] : ['', '\n\n   \n', '~\n', 'null\n', '# rien\n', '---\n', '[]\n', '{}\n'];
    const text = rng.pick(variants);
    files.set(path, withBytes(path, encoder.encode(text)));
    return { detail: JSON.stringify(text), path };
  },
};

const deleteFile: Operator = {
  name: 'delete-file',
  applies: () => true,
  apply({ files, path }) {
    files.delete(path);
    return { detail: '', path: undefined };
  },
};

const BAD_NAMES = [
  'Majuscules', 'été-2015', 'avec espace', 'souligné_bas', '-tiret-initial', 'tiret-final-', 'double--tiret', 'point.dans.le.nom',
  'x'.repeat(300), 'émoji-🎉', 'fiche(1)', 'a\u200Fb', 'nul\u0000', 'ÉCOLE', '123', 'quartier:nord', 'a\\b', ' ',
];

const renameBadId: Operator = {
  name: 'rename-bad-id',
  applies: () => true,
  apply({ rng, files, path }) {
    const file = files.get(path)!;
    const folder = folderOf(path);
    const ext = extOf(path);
    const name = rng.chance(0.75)
      ? `${rng.pick(BAD_NAMES)}${ext}`
      : `${baseName(path)}${rng.pick(['.yml', '.markdown', '.MD', '.YAML', `${ext}.bak`, '', '.txt', `${ext}~`])}`;
    const to = folder ? `${folder}/${name}` : name;
    files.delete(path);
    files.set(to, { ...file, path: to });
    return { detail: `→ ${JSON.stringify(to)}`, path: to };
  },
};

/** The text with a top-level `id: <id>` key (kept if present, added otherwise). */
function withIdKey(text: string, id: string, markdown: boolean): string {
  if (/^id:/m.test(text)) return text;
  if (markdown) return text.replace(/^(\uFEFF?---[ \t]*\r?\n)/, `$1id: ${id}\n`);
  return `id: ${id}\n${text}`;
}

const duplicateEntity: Operator = {
  name: 'duplicate-entity',
  applies: (path) => ENTITY_FOLDERS[folderOf(path)] !== undefined && ENTITY_FOLDERS[folderOf(path)] !== 'chapitre',
  apply({ rng, files, path, ids }) {
    const file = files.get(path)!;
    const id = baseName(path);
    const md = isMarkdown(path);
    const text = withIdKey(lenient.decode(bytesOf(file)), id, md);
    // Another name: a fresh one, or an id that another kind already holds (a fiche named like an objectif…).
    const own = ENTITY_FOLDERS[folderOf(path)]!;
    const others = [...ids].filter(([k]) => k !== own).flatMap(([, list]) => list);
    const name = rng.chance(0.5) || others.length === 0 ? `${id}-copie` : rng.pick(others);
    const to = `${folderOf(path)}/${name}${extOf(path)}`;
    files.set(path, withBytes(path, encoder.encode(text)));
    files.set(to, withBytes(to, encoder.encode(text)));
    return { detail: `→ ${to} (id: ${id})`, path: rng.chance(0.5) ? to : path };
  },
};

const DIRECTIVE_GARBAGE = [
  '::indicateur{id=}', '::indicateur', '::indicateur{id=inexistant}', '::indicateur{id="a b"}', '::afom{id=taux-pauvrete}',
  '::arbre{pilier=}', '::fiches{objectif=a quartier=b}', '::fiches{inconnu=1}', '::carte{quartier=', '::carte{quartier=france}',
  ':ref[]', ':ref[ ]', ':ref[fiche:]', ':ref[:x]', ':ref[inconnu:x]', ':ref[constat:zzz]', ':ref[x]{a=1}', ':ref[[x]]', ':ref[`x`]',
  ':ref[**gras**]', ':::bloc\ncontenu\n:::', ':::', '::', ':x[', '::inconnue{}', ':indicateur{id=x}', '::ref[x]', '\\:ref[x]',
  '::indicateur{#id .classe}', '::indicateur{id=a id=b}', `:ref[${'x'.repeat(5000)}]`, `::indicateur{${'a=1 '.repeat(2000)}}`,
];

const directiveGarbage: Operator = {
  name: 'directive-garbage',
  applies: isMarkdown,
  apply({ rng, files, path, ids }) {
    const lines = splitLines(bytesOf(files.get(path)!));
    const fm = frontMatterLines(lines);
    const i = fm ? rng.range(Math.min(fm[1] + 2, lines.length), lines.length) : rng.int(lines.length + 1);
    // Either a malformed directive, or a well-formed one naming an id of some kind (ambiguous or wrong-kind refs).
    const all = [...ids.values()].flat();
    const snippet = rng.chance(0.7) || all.length === 0
      ? rng.pick(DIRECTIVE_GARBAGE)
      : rng.pick([`:ref[${rng.pick(all)}]`, `::indicateur{id=${rng.pick(all)}}`, `::afom{id=${rng.pick(all)}}`, `::fiches{quartier=${rng.pick(all)}}`, `::arbre{pilier=${rng.pick(all)}}`]);
    const inline = rng.chance(0.5) && i < lines.length;
    if (inline) lines[i] = concat(lines[i]!, encoder.encode(` ${snippet}`));
    else lines.splice(i, 0, encoder.encode(snippet));
    files.set(path, withBytes(path, joinLines(lines)));
    return { detail: `« ${snippet.slice(0, 40)} » l.${i + 1}`, path };
  },
};

// --- YAML level --------------------------------------------------------------

type Json = unknown;
type KeyPath = (string | number)[];

interface YamlView {
  data: Json;
  write(data: Json): Uint8Array;
}

/** The YAML data of a .yaml file or of a Markdown front matter, and how to write it back; undefined when it does not parse. */
function yamlView(file: SourceFile): YamlView | undefined {
  if (!file.bytes) return undefined;
  const text = lenient.decode(file.bytes).replace(/^\uFEFF/, '');
  let yamlText = text;
  let body: string | undefined;
  if (isMarkdown(file.path)) {
    const split = splitFrontMatter(text);
    if (!split.ok) return undefined;
    yamlText = split.yaml;
    body = split.body;
  } else if (!isYaml(file.path)) return undefined;
  let data: Json;
  try {
    // A file an earlier operator nested a few thousand levels deep may overflow the parser's stack.
    const doc = parseDocument(yamlText);
    if (doc.errors.length > 0) return undefined;
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  return {
    data,
    write(next) {
      const out = stringify(next, { lineWidth: 0 });
      return encoder.encode(body === undefined ? out : `---\n${out}---\n${body}`);
    },
  };
}

/** Every key path in `data` (not the root), depth first. */
function allPaths(data: Json, prefix: KeyPath = [], out: KeyPath[] = []): KeyPath[] {
  if (Array.isArray(data)) data.forEach((v, i) => (out.push([...prefix, i]), allPaths(v, [...prefix, i], out)));
  else if (data !== null && typeof data === 'object')
    for (const [k, v] of Object.entries(data)) out.push([...prefix, k]), allPaths(v, [...prefix, k], out);
  return out;
}

function getAt(data: Json, path: KeyPath): Json {
  let v = data;
  for (const k of path) v = (v as Record<string | number, Json>)[k];
  return v;
}

function setAt(data: Json, path: KeyPath, value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(data, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = value;
  return data;
}

function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'map' : typeof v;
}

const SWAP_VALUES: Json[] = [
  'texte', '', 'tous', 'indéfini', 42, 0, -1, 1e308, -0, 2015.5, [], ['a', 1], [null], {}, { cle: 'valeur' }, { id: 'x' }, null, true, false,
];

const yamlOp = (name: string, mutate: (rng: Rng, data: Json, ids: IdsByKind) => { data: Json; detail: string } | undefined): Operator => ({
  name,
  applies: (path) => isYaml(path) || isMarkdown(path),
  apply({ rng, files, path, ids }) {
    const view = yamlView(files.get(path)!);
    if (!view) return undefined;
    const done = mutate(rng, view.data, ids);
    if (!done) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = view.write(done.data);
    } catch {
      return undefined;
    }
    files.set(path, withBytes(path, bytes));
    return { detail: done.detail, path };
  },
});

const fmt = (path: KeyPath) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '') || '(racine)';

const dropKey = yamlOp('yaml-drop-key', (rng, data) => {
  const keys = allPaths(data).filter((p) => typeof p[p.length - 1] === 'string');
  if (keys.length === 0) return undefined;
  // Top-level keys are the required ones: favour them.
  const top = keys.filter((p) => p.length === 1);
  const path = top.length > 0 && rng.chance(0.4) ? rng.pick(top) : rng.pick(keys);
  delete (getAt(data, path.slice(0, -1)) as Record<string, Json>)[path[path.length - 1] as string];
  return { data, detail: fmt(path) };
});

const swapType = yamlOp('yaml-swap-type', (rng, data) => {
  const paths = allPaths(data);
  const path = paths.length === 0 || rng.chance(0.05) ? [] : rng.pick(paths);
  const before = typeOf(getAt(data, path));
  const candidates = SWAP_VALUES.filter((v) => typeOf(v) !== before);
  const value = structuredClone(rng.pick(candidates));
  return { data: setAt(data, path, value), detail: `${fmt(path)}: ${before} → ${JSON.stringify(value)}` };
});

const ID_LIKE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const duplicateIdInList = yamlOp('yaml-duplicate-id', (rng, data) => {
  const lists = [[] as KeyPath, ...allPaths(data)].filter((p) => {
    const v = getAt(data, p);
    return Array.isArray(v) && v.some((x) => (typeof x === 'string' && ID_LIKE.test(x)) || (isRecord(x) && typeof x['id'] === 'string'));
  });
  if (lists.length === 0) return undefined;
  const path = rng.pick(lists);
  const list = getAt(data, path) as Json[];
  const withId = list.map((x, i) => [x, i] as const).filter(([x]) => (typeof x === 'string' && ID_LIKE.test(x)) || (isRecord(x) && typeof x['id'] === 'string'));
  const [item, i] = rng.pick(withId);
  if (isRecord(item) && withId.length > 1 && rng.chance(0.5)) {
    // Another item takes this one's id.
    const [other, j] = rng.pick(withId.filter(([, k]) => k !== i));
    (other as Record<string, Json>)['id'] = item['id'];
    return { data, detail: `${fmt([...path, j, 'id'])} = ${String(item['id'])}` };
  }
  list.splice(rng.int(list.length + 1), 0, structuredClone(item));
  return { data, detail: `${fmt(path)} += ${isRecord(item) ? String(item['id']) : String(item)}` };
});

const crossKindId = yamlOp('yaml-other-kind-id', (rng, data, ids) => {
  // Every string that is an id of some kind (a definition `id:` or a reference), and the file's own `id:`.
  const spots = allPaths(data).filter((p) => {
    const v = getAt(data, p);
    return typeof v === 'string' && kindsOf(ids, v).length > 0;
  });
  if (spots.length === 0) return undefined;
  const path = rng.pick(spots);
  const current = getAt(data, path) as string;
  const own = kindsOf(ids, current);
  const others = [...ids].filter(([k]) => !own.includes(k)).flatMap(([, list]) => list).filter((id) => kindsOf(ids, id).every((k) => !own.includes(k)));
  if (others.length === 0) return undefined;
  const next = rng.pick(others);
  return { data: setAt(data, path, next), detail: `${fmt(path)}: ${current} (${own.join('/')}) → ${next} (${kindsOf(ids, next).join('/')})` };
});

function isRecord(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const OPERATORS: readonly Operator[] = [
  truncate, insertBytes, garbageLine, duplicateLine, crlf, bom, oddUnicode, hugeNumbers, deepNesting, bigFile, emptyFile,
  deleteFile, renameBadId, duplicateEntity, directiveGarbage,
  dropKey, swapType, duplicateIdInList, crossKindId,
];

/** YAML operators are drawn more often: they reach the schemas and the cross-file checks, which byte noise mostly does not. */
const WEIGHT: Record<string, number> = {
  'yaml-drop-key': 3, 'yaml-swap-type': 4, 'yaml-duplicate-id': 2, 'yaml-other-kind-id': 3, 'big-file': 0.4, 'empty-file': 0.6, 'delete-file': 0.8,
};

function pickOperator(rng: Rng, ops: readonly Operator[]): Operator {
  const total = ops.reduce((s, o) => s + (WEIGHT[o.name] ?? 1), 0);
  let r = rng.float() * total;
  for (const o of ops) {
    r -= WEIGHT[o.name] ?? 1;
    if (r < 0) return o;
  }
  return ops[ops.length - 1]!;
}

// ---------------------------------------------------------------------------
// Cases

export interface AppliedOp {
  op: string;
  file: string;
  detail: string;
}

export interface FuzzCase {
  seed: number;
  index: number;
  files: SourceFile[];
  applied: AppliedOp[];
}

export function describeOps(applied: readonly AppliedOp[]): string {
  return applied.map((a) => `${a.op}(${a.file}${a.detail ? ` ${a.detail}` : ''})`).join(' ; ');
}

const REQUIRED = ['contrat.yaml', 'territoires.yaml', 'cahier-2/orientations.yaml'];

/**
 * Case `index` of a run seeded with `seed`: 1–3 operators applied to 1–3
 * files of `base` (never modified: every change makes new records).
 */
export function makeCase(base: readonly SourceFile[], seed: number, index: number): FuzzCase {
  const rng = new Rng(caseSeed(seed, index));
  const ids = idsByKind(base);
  const files = new Map(base.map((f) => [f.path, f]));
  const candidates = base.map((f) => f.path).filter((p) => !p.startsWith('medias/') || isJson(p) || rng.chance(0.02));
  const opCount = rng.range(1, 3);
  const fileCount = rng.range(1, opCount);
  // The three required files hold what everything else refers to: a quarter of the targets.
  const targets: string[] = [];
  while (targets.length < fileCount) {
    const p = rng.chance(0.25) ? rng.pick(REQUIRED) : rng.pick(candidates);
    if (!targets.includes(p)) targets.push(p);
  }
  const applied: AppliedOp[] = [];
  for (let n = 0; n < opCount; n++) {
    const t = n < targets.length ? n : rng.int(targets.length);
    let path = targets[t];
    if (path === undefined || !files.has(path)) {
      // Deleted by an earlier operator: work on another file still there.
      const left = [...files.keys()].filter(isText);
      if (left.length === 0) break;
      path = rng.pick(left);
    }
    const usable = OPERATORS.filter((o) => o.applies(path));
    for (let attempt = 0; attempt < 8 && usable.length > 0; attempt++) {
      const op = pickOperator(rng, usable);
      const result = op.apply({ rng, files, path, ids });
      if (!result) {
        usable.splice(usable.indexOf(op), 1);
        continue;
      }
      applied.push({ op: op.name, file: path, detail: result.detail });
      if (result.path !== undefined) targets[t] = result.path;
      else targets[t] = '';
      break;
    }
  }
  return { seed, index, files: [...files.values()], applied };
}

/** Lines of `file`'s text as the model sees it (UTF-8, BOM dropped); undefined when it cannot be decoded. */
export function textLines(file: SourceFile): string[] | undefined {
  if (!file.bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '').split('\n');
  } catch {
    return undefined;
  }
}
