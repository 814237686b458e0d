/**
 * Writes imported values into indicator files. A new file is generated
 * whole; an existing one is edited in place: the new lines are spliced into
 * its text at the positions `yaml` reports, so comments, key order, folded
 * text and every hand-written key stay byte for byte as they were.
 */
import { Document, isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { applyEdits, column, findPair as find, isBlockMap, isRecord, lineAfter, offset, sameData, startOfComments, type Edit } from './yaml-splice.ts';

/** year → territory id → value, in the order they are to be written. */
export type Valeurs = Map<number, Map<string, number | null>>;

export interface NewIndicator {
  titre: string;
  unite: string;
  theme?: string;
  source: string;
  sens?: string;
}

export function createIndicatorYaml(meta: NewIndicator, valeurs: Valeurs, origin: string): string {
  const doc = new Document({
    titre: meta.titre,
    unite: meta.unite,
    ...(meta.theme ? { theme: meta.theme } : {}),
    source: meta.source,
    ...(meta.sens ? { sens: meta.sens } : {}),
    valeurs: new Map([...valeurs].sort(([a], [b]) => a - b)),
  });
  doc.commentBefore = ` Créé par « npm run import » à partir de ${origin}.`;
  return doc.toString({ lineWidth: 0 });
}

/** What a merge does to the values, for the report. */
export interface ValeursDiff {
  newYears: number[];
  added: number;
  changed: { annee: number; territoire: string; avant: number | null; apres: number | null }[];
  unchanged: number;
}

export function diffValeurs(existing: unknown, valeurs: Valeurs): ValeursDiff {
  const old = isRecord(existing) ? existing : {};
  const diff: ValeursDiff = { newYears: [], added: 0, changed: [], unchanged: 0 };
  for (const [annee, territoires] of valeurs) {
    const year = old[String(annee)];
    if (!isRecord(year)) diff.newYears.push(annee);
    for (const [territoire, apres] of territoires) {
      const avant = isRecord(year) && territoire in year ? year[territoire] : undefined;
      if (avant === undefined) diff.added++;
      else if (avant === apres) diff.unchanged++;
      else diff.changed.push({ annee, territoire, avant: typeof avant === 'number' ? avant : null, apres });
    }
  }
  return diff;
}

export function mergeIndicatorYaml(original: string, valeurs: Valeurs): { text: string; diff: ValeursDiff } {
  // Lines are inserted after line ends: give the last line one.
  const text = original === '' || original.endsWith('\n') ? original : `${original}\n`;
  const doc = parseDocument(text);
  const before = doc.toJS() as unknown;
  const diff = diffValeurs(isRecord(before) ? before['valeurs'] : undefined, valeurs);
  const spliced = splice(text, doc, valeurs);
  const merged = spliced !== undefined && sameResult(before, spliced, valeurs) ? spliced : viaDocument(text, valeurs);
  return { text: merged, diff };
}

function splice(text: string, doc: Document.Parsed, valeurs: Valeurs): string | undefined {
  const root = doc.contents;
  if (doc.errors.length > 0 || !isMap(root) || root.flow) return undefined;
  const valeursPair = find(root, 'valeurs');
  if (!valeursPair) return `${text}valeurs:\n${[...valeurs].map(([a, t]) => yearBlock(a, t, 2, 4)).join('')}`;
  const years = valeursPair.value;
  if (!isBlockMap(years)) return undefined;
  const yearIndent = column(text, years.items[0]!.key);
  const firstTerritory = years.items.map((p) => p.value).find(isBlockMap)?.items[0]?.key;
  const territoryIndent = firstTerritory ? column(text, firstTerritory) : yearIndent + 2;
  const edits: Edit[] = [];
  for (const [annee, territoires] of valeurs) {
    const yearPair = find(years, String(annee));
    if (!yearPair) {
      const next = years.items.find((p) => isScalar(p.key) && Number(p.key.value) > annee);
      const at = next ? startOfComments(text, offset(next.key)) : lineAfter(text, end(years));
      edits.push({ from: at, to: at, insert: yearBlock(annee, territoires, yearIndent, territoryIndent) });
      continue;
    }
    const map = yearPair.value;
    if (!isBlockMap(map)) return undefined;
    const indent = column(text, map.items[0]!.key);
    const lines: string[] = [];
    for (const [territoire, value] of territoires) {
      const pair = find(map, territoire);
      if (!pair) lines.push(`${' '.repeat(indent)}${territoire}: ${format(value)}\n`);
      else if (isScalar(pair.value) && pair.value.range) {
        const [from, to] = pair.value.range;
        edits.push({ from, to, insert: from === to ? ` ${format(value)}` : format(value) });
      } else return undefined;
    }
    if (lines.length > 0) {
      const at = lineAfter(text, end(map));
      edits.push({ from: at, to: at, insert: lines.join('') });
    }
  }
  return applyEdits(text, edits);
}

function yearBlock(annee: number, territoires: Map<string, number | null>, yearIndent: number, territoryIndent: number): string {
  const lines = [...territoires].map(([t, v]) => `${' '.repeat(territoryIndent)}${t}: ${format(v)}\n`);
  return `${' '.repeat(yearIndent)}${annee}:\n${lines.join('')}`;
}

function format(value: number | null): string {
  return value === null ? 'null' : String(value);
}

/** End of the last value in a map, nested maps included. */
function end(map: YAMLMap): number {
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null>;
  if (isMap(last.value) && last.value.items.length > 0) return end(last.value);
  return last.value?.range?.[1] ?? (last.key as Node).range?.[1] ?? 0;
}

/** The spliced text must read as the old data with the new values in: otherwise the Document route is taken. */
function sameResult(before: unknown, text: string, valeurs: Valeurs): boolean {
  const after = parseDocument(text);
  if (after.errors.length > 0 || !isRecord(before)) return false;
  const expected = structuredClone(before);
  const years = (isRecord(expected['valeurs']) ? expected['valeurs'] : (expected['valeurs'] = {})) as Record<string, unknown>;
  for (const [annee, territoires] of valeurs) {
    const year = (isRecord(years[String(annee)]) ? years[String(annee)] : (years[String(annee)] = {})) as Record<string, unknown>;
    for (const [t, v] of territoires) year[t] = v;
  }
  return sameData(after.toJS(), expected);
}

/** Fallback for unusual layouts (flow maps, empty `valeurs:`): edit the Document, which keeps comments but may reflow text. */
function viaDocument(text: string, valeurs: Valeurs): string {
  const doc = parseDocument(text);
  const years = doc.get('valeurs', true);
  if (!isMap(years)) doc.set('valeurs', doc.createNode({}));
  const map = doc.get('valeurs', true) as YAMLMap;
  for (const [annee, territoires] of valeurs) {
    const existing = find(map, String(annee));
    const key = existing && isScalar(existing.key) ? existing.key.value : annee;
    for (const [t, v] of territoires) doc.setIn(['valeurs', key, t], v);
  }
  return doc.toString();
}
