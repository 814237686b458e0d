/**
 * Where each kind of file lives in a contract folder (FORMAT.md "Layout").
 */
export type FileKind =
  | 'contrat'
  | 'territoires'
  | 'quartier'
  | 'chapitre-1'
  | 'indicateur'
  | 'afom'
  | 'chapitre-2'
  | 'orientations'
  | 'declinaison'
  | 'fiche'
  | 'media';

export type Classified =
  | { kind: FileKind; id?: string }
  | { kind: 'draft' }
  | { kind: 'misplaced'; expected: string }
  | { kind: 'unknown' };

const ENTITY_FOLDERS: Record<string, { kind: FileKind; ext: '.md' | '.yaml' }> = {
  quartiers: { kind: 'quartier', ext: '.md' },
  'cahier-1/chapitres': { kind: 'chapitre-1', ext: '.md' },
  'cahier-1/indicateurs': { kind: 'indicateur', ext: '.yaml' },
  'cahier-1/afom': { kind: 'afom', ext: '.yaml' },
  'cahier-2/chapitres': { kind: 'chapitre-2', ext: '.md' },
  'cahier-2/quartiers': { kind: 'declinaison', ext: '.md' },
  'cahier-2/fiches': { kind: 'fiche', ext: '.md' },
};

const SINGLE_FILES: Record<string, FileKind> = {
  'contrat.yaml': 'contrat',
  'territoires.yaml': 'territoires',
  'cahier-2/orientations.yaml': 'orientations',
};

export const REQUIRED_FILES = ['contrat.yaml', 'territoires.yaml', 'cahier-2/orientations.yaml'] as const;

/** Classifies a path relative to the contract folder. */
export function classify(path: string): Classified {
  const segments = path.split('/');
  // `_brouillon.md`, `_notes/…`: drafts; dot-files: editor and OS litter.
  if (segments.some((s) => s.startsWith('_'))) return { kind: 'draft' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'draft' };
  if (segments[0] === 'medias') return { kind: 'media' };
  const single = SINGLE_FILES[path];
  if (single) return { kind: single };
  const folder = segments.slice(0, -1).join('/');
  const name = segments[segments.length - 1]!;
  const entity = ENTITY_FOLDERS[folder];
  if (entity) {
    if (!name.endsWith(entity.ext)) return { kind: 'misplaced', expected: `un fichier ${entity.ext} est attendu à cet emplacement` };
    return { kind: entity.kind, id: name.slice(0, -entity.ext.length) };
  }
  if (path.endsWith('.yml')) return { kind: 'misplaced', expected: 'l’extension attendue est .yaml' };
  return { kind: 'unknown' };
}
