/**
 * « à compléter »: the values a scaffold leaves to the author. Every one
 * still in a file is a warning (rule `a-completer`), in YAML values and in
 * Markdown text alike, so a contract is never published with a placeholder
 * that reads as a fact.
 */
import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { warningAt, type ContentIssue } from './issues.ts';
import type { Entry } from './parse-files.ts';
import { hasMarker } from './schemas/common.ts';
import type { KeyPath } from './yaml.ts';

const HINT = 'remplacez « à compléter » par la valeur réelle';

export function markerWarnings(entries: Iterable<Entry<unknown>>): ContentIssue[] {
  const warnings: ContentIssue[] = [];
  for (const entry of entries) {
    for (const path of markedPaths(entry.yaml.data)) {
      const value = String(valueAt(entry.yaml.data, path));
      const shown = hasMarker(value) && value.trim().length > 'à compléter'.length ? ` : « ${excerpt(value)} »` : '';
      warnings.push(warningAt('a-completer', entry.yaml.locate(path), `valeur à compléter${shown}`, HINT));
    }
    const body = entry.body;
    if (!body) continue;
    visit(body.root, 'text', (node: Text) => {
      if (!hasMarker(node.value)) return;
      const at = body.lines.position(body.offset + (node.position?.start.offset ?? 0));
      warnings.push(warningAt('a-completer', { file: body.file, path: '', ...at }, `texte à compléter : « ${excerpt(node.value)} »`, HINT));
    });
  }
  return warnings;
}

/** Key paths of the strings holding the marker, in document order. */
export function markedPaths(data: unknown, path: KeyPath = []): KeyPath[] {
  if (typeof data === 'string') return hasMarker(data) ? [path] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => markedPaths(v, [...path, i]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => markedPaths(v, [...path, k]));
  return [];
}

function valueAt(data: unknown, path: KeyPath): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], data);
}

function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
