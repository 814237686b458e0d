/**
 * Step 1 of the model: every file of the contract parsed (YAML, front
 * matter, Markdown) and validated against its schema, one file at a time.
 * Cross-file rules come later (resolve.ts).
 */
import type { Root } from 'mdast';
import type { z } from 'zod';
import { parseMarkdown } from '../markdown/parse.ts';
import { splitFrontMatter } from './front-matter.ts';
import { issueAt, type ContentIssue, type Location } from './issues.ts';
import { classify, REQUIRED_FILES, type FileKind } from './layout.ts';
import { afomSchema, type AfomInput } from './schemas/afom.ts';
import { chapitreSchema, type ChapitreInput } from './schemas/chapitre.ts';
import { ID_PATTERN } from './schemas/common.ts';
import { contratSchema, type ContratInput } from './schemas/contrat.ts';
import { declinaisonSchema, type DeclinaisonInput } from './schemas/declinaison.ts';
import { ficheSchema, type FicheInput } from './schemas/fiche.ts';
import { indicateurSchema, type IndicateurInput } from './schemas/indicateur.ts';
import { orientationsSchema, type OrientationsInput } from './schemas/orientations.ts';
import { quartierSchema, type QuartierInput } from './schemas/quartier.ts';
import { territoiresSchema, type TerritoireInput } from './schemas/territoires.ts';
import { decodeText, LineIndex, type SourceFile } from './source.ts';
import { parseYaml, type YamlSource } from './yaml.ts';
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
  value: T;
  yaml: YamlSource;
  body?: ParsedBody;
}

export interface ParsedContract {
  contrat?: Entry<ContratInput>;
  territoires?: Entry<TerritoireInput[]>;
  orientations?: Entry<OrientationsInput>;
  quartiers: Entry<QuartierInput>[];
  chapitres1: Entry<ChapitreInput>[];
  indicateurs: Entry<IndicateurInput>[];
  afoms: Entry<AfomInput>[];
  chapitres2: Entry<ChapitreInput>[];
  declinaisons: Entry<DeclinaisonInput>[];
  fiches: Entry<FicheInput>[];
  medias: Map<string, SourceFile>;
  /** Files that could not be read or validated: their ids still exist for references. */
  failed: { kind: FileKind; id: string }[];
}

const SCHEMAS = {
  contrat: contratSchema,
  territoires: territoiresSchema,
  orientations: orientationsSchema,
  quartier: quartierSchema,
  'chapitre-1': chapitreSchema,
  indicateur: indicateurSchema,
  afom: afomSchema,
  'chapitre-2': chapitreSchema,
  declinaison: declinaisonSchema,
  fiche: ficheSchema,
} satisfies Record<Exclude<FileKind, 'media'>, z.ZodType>;

const MARKDOWN_KINDS = new Set<FileKind>(['quartier', 'chapitre-1', 'chapitre-2', 'declinaison', 'fiche']);
/** Kinds whose file name is the id of what they hold (chapters are ordered by `ordre`, their name is a slug). */
const ID_KINDS = new Set<FileKind>(['quartier', 'indicateur', 'afom', 'declinaison', 'fiche', 'chapitre-1', 'chapitre-2']);

export function parseContractFiles(files: readonly SourceFile[]): { parsed: ParsedContract; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const parsed: ParsedContract = {
    quartiers: [],
    chapitres1: [],
    indicateurs: [],
    afoms: [],
    chapitres2: [],
    declinaisons: [],
    fiches: [],
    medias: new Map(),
    failed: [],
  };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const where = classify(file.path);
    const top: Location = { file: file.path, line: 1, column: 1, path: '' };
    if (where.kind === 'draft') continue;
    if (file.brokenLink) {
      issues.push(issueAt(top, 'lien symbolique cassé : sa cible n’existe pas', 'supprimez le lien ou copiez le fichier dans le dossier du contrat'));
      continue;
    }
    if (file.outside) {
      issues.push(issueAt(top, 'lien symbolique vers un fichier hors du dossier du contrat', 'copiez le fichier dans le dossier du contrat'));
      continue;
    }
    if (where.kind === 'media') {
      parsed.medias.set(file.path, file);
      continue;
    }
    if (where.kind === 'unknown') {
      issues.push(
        issueAt(top, 'fichier ignoré : cet emplacement n’est pas prévu par le format', 'déplacez-le, ou préfixez son nom par « _ » pour en faire un brouillon', 'warning'),
      );
      continue;
    }
    if (where.kind === 'misplaced') {
      issues.push(issueAt(top, `fichier mal nommé : ${where.expected}`, 'renommez le fichier, ou préfixez son nom par « _ » pour en faire un brouillon'));
      continue;
    }
    const kind = where.kind;
    const id = where.id ?? file.path;
    if (ID_KINDS.has(kind) && !ID_PATTERN.test(id)) {
      issues.push(
        issueAt(top, `nom de fichier invalide « ${id} » : il sert d’identifiant et ne peut contenir que des minuscules sans accent, des chiffres et « - »`),
      );
      continue;
    }
    const entry = parseEntry(file, kind, id, issues);
    if (!entry) {
      parsed.failed.push({ kind, id });
      continue;
    }
    addEntry(parsed, kind, entry);
  }
  for (const required of REQUIRED_FILES) {
    if (!sorted.some((f) => f.path === required)) {
      issues.push(issueAt({ file: required, line: 1, column: 1, path: '' }, 'fichier obligatoire manquant', 'voir le guide de rédaction, ou « npm run new -- contrat DOSSIER » pour un squelette'));
    }
  }
  return { parsed, issues };
}

function parseEntry(file: SourceFile, kind: Exclude<FileKind, 'media'>, id: string, issues: ContentIssue[]): Entry<unknown> | undefined {
  const top: Location = { file: file.path, line: 1, column: 1, path: '' };
  const decoded = decodeText(file);
  if (!decoded.ok) {
    issues.push(issueAt(top, decoded.message, decoded.hint));
    return undefined;
  }
  const text = decoded.text;
  if (text.trim() === '') {
    issues.push(issueAt(top, 'fichier vide', 'voir le modèle correspondant dans templates/ ou le guide de rédaction'));
    return undefined;
  }
  const lines = new LineIndex(text);
  let yamlText = text;
  let yamlOffset = 0;
  let body: ParsedBody | undefined;
  if (MARKDOWN_KINDS.has(kind)) {
    const split = splitFrontMatter(text);
    if (!split.ok) {
      issues.push(issueAt(top, split.message, split.hint));
      return undefined;
    }
    yamlText = split.yaml;
    yamlOffset = split.yamlOffset;
    const deep = tooDeep(split.body);
    if (deep !== undefined) {
      issues.push(issueAt({ ...top, ...lines.position(split.bodyOffset + deep) }, `imbrication trop profonde (plus de ${MAX_MARKDOWN_NESTING} citations ou listes imbriquées)`));
      return undefined;
    }
    let root: Root;
    try {
      root = parseMarkdown(split.body);
    } catch {
      issues.push(issueAt({ ...top, ...lines.position(split.bodyOffset) }, 'texte Markdown illisible (structure trop profonde)'));
      return undefined;
    }
    body = { file: file.path, root, lines, offset: split.bodyOffset, text: split.body };
  }
  const { source, issues: yamlIssues } = parseYaml(file.path, yamlText, lines, yamlOffset);
  issues.push(...yamlIssues);
  if (!source) return undefined;
  if (source.data === null || source.data === undefined) {
    issues.push(issueAt(source.locate([]), MARKDOWN_KINDS.has(kind) ? 'en-tête YAML vide' : 'fichier vide'));
    return undefined;
  }
  const { value, issues: schemaIssues } = validate(SCHEMAS[kind], source);
  issues.push(...schemaIssues);
  if (value === undefined) return undefined;
  const declared = (value as { id?: unknown }).id;
  if (typeof declared === 'string' && declared !== id) {
    issues.push(issueAt(source.locate(['id']), `l’identifiant « ${declared} » diffère du nom du fichier « ${id} »`, `supprimez la clé id, ou renommez le fichier en ${declared}`));
  }
  return { id, file: file.path, value, yaml: source, ...(body ? { body } : {}) };
}

/** Deeper than this, Markdown is not prose any more, and the parser slows to a crawl. */
const MAX_MARKDOWN_NESTING = 64;
const NESTING_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?)+/gm;

/**
 * Offset of the first line nested deeper than MAX_MARKDOWN_NESTING, if any:
 * by markers on one line (`> > - x`), by indentation (a list nested by two
 * spaces a level) or by `:::` containers (one more colon a level). Deeper,
 * the parser's time grows with the cube of the depth.
 */
function tooDeep(body: string): number | undefined {
  for (const m of body.matchAll(NESTING_PREFIX)) {
    const markers = m[0].match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers > MAX_MARKDOWN_NESTING) return m.index;
  }
  for (const m of body.matchAll(/^([ \t]*)(:*)/gm)) {
    const indent = m[1]!.replace(/\t/g, '    ').length;
    if (indent > 2 * MAX_MARKDOWN_NESTING || m[2]!.length > MAX_MARKDOWN_NESTING) return m.index;
  }
  return undefined;
}

function addEntry(parsed: ParsedContract, kind: Exclude<FileKind, 'media'>, entry: Entry<unknown>): void {
  switch (kind) {
    case 'contrat': parsed.contrat = entry as Entry<ContratInput>; break;
    case 'territoires': parsed.territoires = entry as Entry<TerritoireInput[]>; break;
    case 'orientations': parsed.orientations = entry as Entry<OrientationsInput>; break;
    case 'quartier': parsed.quartiers.push(entry as Entry<QuartierInput>); break;
    case 'chapitre-1': parsed.chapitres1.push(entry as Entry<ChapitreInput>); break;
    case 'indicateur': parsed.indicateurs.push(entry as Entry<IndicateurInput>); break;
    case 'afom': parsed.afoms.push(entry as Entry<AfomInput>); break;
    case 'chapitre-2': parsed.chapitres2.push(entry as Entry<ChapitreInput>); break;
    case 'declinaison': parsed.declinaisons.push(entry as Entry<DeclinaisonInput>); break;
    case 'fiche': parsed.fiches.push(entry as Entry<FicheInput>); break;
  }
}
