/**
 * Where each kind of file lives in a contract folder (FORMAT.md "Layout"),
 * read from the table of kinds.
 */
import { KINDS } from './kinds/index.ts';
import { placeOf, type AnyKind } from './kinds/kind.ts';

export type Classified =
  | { kind: AnyKind; id?: string }
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
  const folder = segments.slice(0, -1).join('/');
  const name = segments[segments.length - 1]!;
  for (const kind of KINDS as readonly AnyKind[]) {
    const place = placeOf(kind);
    if ('file' in place) {
      if (place.file === path) return { kind };
    } else if (place.folder === folder) {
      if (!name.endsWith(place.ext)) return { kind: 'misplaced', expected: `un fichier ${place.ext} est attendu à cet emplacement` };
      return { kind, id: name.slice(0, -place.ext.length) };
    }
  }
  if (path.endsWith('.yml')) return { kind: 'misplaced', expected: 'l’extension attendue est .yaml' };
  return { kind: 'unknown' };
}

/** `cahier-2/fiches/_permis.md`: the fiche `permis` in draft, so that a reference to it can say so. */
function draftOf(segments: readonly string[]): { of?: { kind: AnyKind; id: string } } {
  const name = segments.at(-1)!;
  if (!/^_+[^_.]/.test(name) || segments.slice(0, -1).some((s) => s.startsWith('_') || s.startsWith('.'))) return {};
  const published = classify([...segments.slice(0, -1), name.replace(/^_+/, '')].join('/'));
  return 'id' in published && published.id !== undefined && typeof published.kind === 'object' ? { of: { kind: published.kind, id: published.id } } : {};
}
