/**
 * Editing YAML text in place: offsets from `yaml`'s nodes, and edits
 * applied to the text around them, so whatever is not edited (comments,
 * quoting, blank lines) stays byte for byte. Shared by the writers of
 * indicator values and of fiche follow-ups.
 */
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';

export interface Edit {
  from: number;
  to: number;
  insert: string;
}

/** Applies edits from the end so earlier offsets stay valid; insertions at one place keep their order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  const order = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.from - a.from || b.i - a.i);
  for (const e of order) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
  return out;
}

export function isBlockMap(node: unknown): node is YAMLMap<Node, Node> {
  return isMap(node) && !node.flow && node.items.length > 0;
}

export function findPair(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

export function offset(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

export function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

export function column(text: string, node: Node | null | undefined): number {
  const at = offset(node);
  return at - lineStart(text, at);
}

/** Start of the line after the one holding `at` (or the end of the text). */
export function lineAfter(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
}

/** Start of the line holding `at`, moved up over the comment lines just above it (they introduce it). */
export function startOfComments(text: string, at: number): number {
  let start = lineStart(text, at);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!text.slice(previous, start).trimStart().startsWith('#')) break;
    start = previous;
  }
  return start;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The same data, whatever the order of the keys. */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
}
