/**
 * Writes one year of a fiche's `suivi` (its financements and dossiers) into
 * the fiche's front matter. The new lines are spliced into the text at the
 * positions `yaml` reports, so the body, the comments, the key order and
 * every other key stay byte for byte as they were; only an unusual layout
 * (a flow map, an empty `suivi:`) goes through the Document API, on the
 * front matter alone.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { splitFrontMatter } from '../../model/front-matter.ts';
import { applyEdits, column, findPair as find, isBlockMap, isRecord, lineAfter, lineStart, offset, sameData, startOfComments, type Edit } from '../yaml-splice.ts';

export interface Financement {
  financeur: string;
  prevu?: number;
  engage?: number;
  realise?: number;
}

export interface YearEdit {
  /** Replaces the year's `financements` (left alone when empty). */
  financements: Financement[];
  /** Replaces the year's `dossiers`: an empty list removes them; undefined leaves them alone. */
  dossiers?: string[];
}

export type SuiviWrite = { ok: true; text: string } | { ok: false; message: string };

/** The front matter as data, for the merge to read what a year holds already. */
export function frontMatterData(text: string): Record<string, unknown> | undefined {
  const split = splitFrontMatter(text);
  if (!split.ok) return undefined;
  const doc = parseDocument(split.yaml);
  const data = doc.errors.length > 0 ? undefined : (doc.toJS() as unknown);
  return isRecord(data) ? data : data === null ? {} : undefined;
}

export function writeSuiviYear(original: string, annee: number, edit: YearEdit): SuiviWrite {
  // A file saved with Windows line endings throughout keeps them: the edit is made on \n and turned back.
  const crlf = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  if (crlf) {
    const written = writeSuiviYear(original.replace(/\r\n/g, '\n'), annee, edit);
    return written.ok ? { ok: true, text: written.text.replace(/\n/g, '\r\n') } : written;
  }
  const text = original;
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, message: split.message };
  const yaml = split.yaml;
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) return { ok: false, message: 'en-tête YAML invalide ; corrigez-le (npm run check) avant d’importer' };
  const expected = expectedData(doc.toJS() as unknown, annee, edit);
  const spliced = splice(yaml, doc, annee, edit);
  const written = [spliced, spliced !== undefined && same(spliced, expected) ? undefined : viaDocument(yaml, annee, edit)].find((t) => t !== undefined && same(t, expected));
  if (written === undefined) return { ok: false, message: `suivi ${annee} impossible à écrire dans cet en-tête ; complétez-le à la main` };
  return { ok: true, text: text.slice(0, split.yamlOffset) + written + text.slice(split.yamlOffset + yaml.length) };
}

function splice(yaml: string, doc: Document.Parsed, annee: number, edit: YearEdit): string | undefined {
  const root = doc.contents;
  if (!isBlockMap(root)) return undefined;
  const step = indentStep(yaml, root);
  const suivi = find(root, 'suivi');
  if (!suivi) return `${yaml}${line(0, 'suivi:')}${yearBlock(annee, edit, step, step)}`;
  if (!isBlockMap(suivi.value)) return undefined;
  const years = suivi.value;
  const yearIndent = column(yaml, years.items[0]!.key);
  const year = find(years, String(annee));
  if (!year) {
    const next = years.items.find((p) => isScalar(p.key) && Number(p.key.value) > annee);
    const at = next ? startOfComments(yaml, offset(next.key)) : pairEnd(yaml, years.items.at(-1)!);
    return insert(yaml, at, yearBlock(annee, edit, yearIndent, step));
  }
  if (!isBlockMap(year.value)) return undefined;
  const keys = year.value;
  const keyIndent = column(yaml, keys.items[0]!.key);
  const edits: Edit[] = [];
  const put = (key: string, value: unknown, before: readonly string[]) => {
    const pair = find(keys, key);
    const lines = value === undefined ? '' : render({ [key]: value }, keyIndent, step);
    // The comments above a replaced key stay; a new key goes above the comments that introduce the next one.
    if (pair) {
      edits.push({ from: lineStart(yaml, offset(pair.key)), to: pairEnd(yaml, pair), insert: lines });
      return;
    }
    const next = keys.items.find((p) => isScalar(p.key) && before.includes(String(p.key.value)));
    const at = next ? startOfComments(yaml, offset(next.key)) : pairEnd(yaml, keys.items.at(-1)!);
    if (lines !== '') edits.push({ from: at, to: at, insert: lines });
  };
  if (edit.financements.length > 0) put('financements', edit.financements, ['valeurs', 'dossiers', 'commentaire']);
  if (edit.dossiers) put('dossiers', edit.dossiers.length > 0 ? edit.dossiers : undefined, ['commentaire']);
  return applyEdits(yaml, edits);
}

function insert(text: string, at: number, lines: string): string {
  return text.slice(0, at) + lines + text.slice(at);
}

function yearBlock(annee: number, edit: YearEdit, indent: number, step: number): string {
  const value: Record<string, unknown> = {};
  if (edit.financements.length > 0) value['financements'] = edit.financements;
  if (edit.dossiers && edit.dossiers.length > 0) value['dossiers'] = edit.dossiers;
  return line(indent, `${annee}:`) + render(value, indent + step, step);
}

/** Keys rendered by `yaml` (it quotes what needs quoting), indented; dossiers on one line, as the format shows them. */
function render(value: Record<string, unknown>, indent: number, step: number): string {
  const doc = new Document(value);
  const dossiers = doc.get('dossiers', true);
  if (isSeq(dossiers)) dossiers.flow = true;
  return doc
    .toString({ lineWidth: 0, indent: step, flowCollectionPadding: false })
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => line(indent, l))
    .join('');
}

function line(indent: number, text: string): string {
  return `${' '.repeat(indent)}${text}\n`;
}

/** Fallback for layouts the splice does not handle: edit the Document, which keeps comments but may reformat the front matter. */
function viaDocument(yaml: string, annee: number, edit: YearEdit): string {
  const doc = parseDocument(yaml);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.get('suivi', true))) doc.set('suivi', doc.createNode({}));
  const suivi = doc.get('suivi', true) as YAMLMap;
  const pair = find(suivi, String(annee));
  const key = pair && isScalar(pair.key) ? pair.key.value : annee;
  if (!isMap(suivi.get(key, true))) suivi.set(key, doc.createNode({}));
  if (edit.financements.length > 0) doc.setIn(['suivi', key, 'financements'], doc.createNode(edit.financements));
  if (edit.dossiers && edit.dossiers.length > 0) doc.setIn(['suivi', key, 'dossiers'], doc.createNode(edit.dossiers, { flow: true }));
  else if (edit.dossiers) doc.deleteIn(['suivi', key, 'dossiers']);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** What the front matter must read as once written: the old data with the year's financements and dossiers replaced. */
function expectedData(before: unknown, annee: number, edit: YearEdit): unknown {
  const data = isRecord(before) ? structuredClone(before) : {};
  const suivi = (isRecord(data['suivi']) ? data['suivi'] : (data['suivi'] = {})) as Record<string, unknown>;
  const year = (isRecord(suivi[String(annee)]) ? suivi[String(annee)] : (suivi[String(annee)] = {})) as Record<string, unknown>;
  if (edit.financements.length > 0) year['financements'] = edit.financements;
  if (edit.dossiers && edit.dossiers.length > 0) year['dossiers'] = edit.dossiers;
  else if (edit.dossiers) delete year['dossiers'];
  return data;
}

function same(yaml: string, expected: unknown): boolean {
  const doc = parseDocument(yaml);
  return doc.errors.length === 0 && sameData(doc.toJS(), expected);
}

/** The indentation the author uses: that of the first nested block map, else two spaces. */
function indentStep(text: string, root: YAMLMap<Node, Node>): number {
  const nested = root.items.map((p) => p.value).find(isBlockMap);
  const step = nested ? column(text, nested.items[0]!.key) - column(text, root.items[0]!.key) : 0;
  return step > 0 ? step : 2;
}

/** Start of the line after a pair's value, its trailing comment included. */
function pairEnd(text: string, pair: Pair<Node, Node | null>): number {
  const end = pair.value?.range?.[2] ?? pair.key?.range?.[2] ?? text.length;
  if (end > 0 && text[end - 1] === '\n') return end;
  return lineAfter(text, end);
}
