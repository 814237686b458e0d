/**
 * Where each kind of file lives in a contract folder (FORMAT.md "Layout"),
 * read from the table of kinds.
 */
import { KINDS } from './kinds/index.ts';
import { placeOf, type AnyKind } from './kinds/kind.ts';

export type Classified =
  /** `folders`: the names of the folders the kind's place writes `*`. */
  | { kind: AnyKind; id?: string; folders: string[] }
  | { kind: 'media' }
  | { kind: 'draft'; of?: { kind: AnyKind; id: string } }
  | { kind: 'misplaced'; expected: string }
  | { kind: 'unknown' };

/** Files the contract cannot do without. */
export const REQUIRED_FILES: readonly string[] = (KINDS as readonly AnyKind[]).flatMap((k) => (k.required ? [k.place] : []));

/** Classifies a path relative to the contract folder. */
export function classify(path: string): Classified {
  const segments = path.split('/');
  // `_brouillon.md`, `_notes/…`: drafts; dot-files: editor and OS litter.
  if (segments.some((s) => s.startsWith('_') || s.startsWith('.'))) return { kind: 'draft', ...draftOf(segments) };
  if (segments[0] === 'medias') return { kind: 'media' };
  const name = segments[segments.length - 1]!;
  for (const kind of KINDS as readonly AnyKind[]) {
    const place = placeOf(kind);
    const folders = matchFolders(place.folders, segments.slice(0, -1));
    if (!folders) continue;
    if (place.file !== undefined) {
      if (place.file === name) return { kind, folders };
    } else if (place.ext !== undefined) {
      if (!name.endsWith(place.ext)) return { kind: 'misplaced', expected: `un fichier ${place.ext} est attendu à cet emplacement` };
      return { kind, id: name.slice(0, -place.ext.length), folders };
    }
  }
  if (path.endsWith('.yml')) return { kind: 'misplaced', expected: 'l’extension attendue est .yaml' };
  return { kind: 'unknown' };
}

/** The names matched by each `*` of `pattern`, or undefined when `folders` is not such a folder. */
function matchFolders(pattern: readonly string[], folders: readonly string[]): string[] | undefined {
  if (pattern.length !== folders.length) return undefined;
  const names: string[] = [];
  for (const [i, p] of pattern.entries()) {
    if (p === '*') names.push(folders[i]!);
    else if (p !== folders[i]) return undefined;
  }
  return names;
}

/** `cahier-2/fiches/_permis.md`: the fiche `permis` in draft, so that a reference to it can say so. */
function draftOf(segments: readonly string[]): { of?: { kind: AnyKind; id: string } } {
  const name = segments.at(-1)!;
  if (!/^_+[^_.]/.test(name) || segments.slice(0, -1).some((s) => s.startsWith('_') || s.startsWith('.'))) return {};
  const published = classify([...segments.slice(0, -1), name.replace(/^_+/, '')].join('/'));
  return 'id' in published && published.id !== undefined && typeof published.kind === 'object' ? { of: { kind: published.kind, id: published.id } } : {};
}
