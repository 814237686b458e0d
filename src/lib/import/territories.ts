/**
 * Territory codes of the input → territory ids of the contract. Codes are
 * the `code` keys of territoires.yaml and of the quartiers' front matter;
 * an id written as such is accepted too (`fr`, `loirac`).
 */
import { quartier } from '../model/kinds/quartier.ts';
import { territoires } from '../model/kinds/territoires.ts';
import { entriesOf, parseContractFiles } from '../model/parse-files.ts';
import type { SourceFile } from '../model/source.ts';
import { cellText, type Cell } from './table.ts';

export type TerritoryType = 'quartier' | 'commune' | 'epci' | 'departement' | 'region' | 'pays';

/** The order territories are written in under a year: the quartiers first, France last. */
const TYPE_ORDER: readonly TerritoryType[] = ['quartier', 'commune', 'epci', 'departement', 'region', 'pays'];

export type Resolved = { ok: true; id: string } | { ok: false; reason: 'inconnu' } | { ok: false; reason: 'ambigu'; ids: string[] };

export interface TerritoryIndex {
  resolve(cell: Cell | undefined): Resolved;
  /** Sort key of a territory id: its type's place in TYPE_ORDER. */
  rank(id: string): number;
}

export function territoryIndex(files: readonly SourceFile[]): TerritoryIndex {
  const { parsed } = parseContractFiles(files);
  const types = new Map<string, TerritoryType>();
  const byCode = new Map<string, string[]>();
  const add = (id: string, type: TerritoryType, code: string | undefined) => {
    types.set(id, type);
    if (code === undefined || code.trim() === '') return;
    const key = codeKey(code);
    const ids = byCode.get(key) ?? [];
    if (!ids.includes(id)) byCode.set(key, [...ids, id]);
  };
  for (const t of entriesOf(parsed, territoires)[0]?.value ?? []) add(t.id, t.type, t.code);
  for (const q of entriesOf(parsed, quartier)) add(q.id, 'quartier', q.value.code);
  return {
    resolve(cell) {
      const text = typeof cell === 'number' ? String(cell) : cellText(cell);
      const ids = byCode.get(codeKey(text));
      if (ids && ids.length > 1) return { ok: false, reason: 'ambigu', ids };
      if (ids) return { ok: true, id: ids[0]! };
      if (types.has(text)) return { ok: true, id: text };
      return { ok: false, reason: 'inconnu' };
    },
    rank(id) {
      const type = types.get(id);
      return type ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length;
    },
  };
}

/**
 * Codes compared without case or spaces, and numeric codes without leading
 * zeros: a spreadsheet turns the commune code 01053 into the number 1053.
 */
export function codeKey(code: string): string {
  const compact = code.replace(/\s+/g, '').toUpperCase();
  return /^\d+$/.test(compact) ? compact.replace(/^0+(?=\d)/, '') : compact;
}
