/**
 * Reads a contract folder from disk into plain SourceFile records: the only
 * place the model's input touches the file system. Files too large to be
 * content are not read (the model reports them), symlinks that leave the
 * folder are flagged, dot-files are skipped, and drafts (`_…`) are listed
 * without being read.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { UsageError } from './errors.ts';
import { MAX_GEOJSON_BYTES, MAX_TEXT_BYTES, type SourceFile } from './model/source.ts';

/** The contract folder does not exist: a usage error (exit 2), not a content one. */
export class ContentDirError extends UsageError {
  constructor(dir: string) {
    super(`dossier du contrat introuvable : ${dir} (CONTENT_DIR=${dir})`);
  }
}

/** Deeper than this, a folder is not a contract's (a symlink loop, a copied tree). */
const MAX_DEPTH = 20;

/** A folder's entries in a fixed order, without editor and OS litter (dot-files) or an install. */
function listed(abs: string): string[] {
  return readdirSync(abs)
    .sort()
    .filter((name) => !name.startsWith('.') && name !== 'node_modules');
}

/**
 * Whether a file's bytes are read: not when too large to be content, nor
 * for images under medias/, which are only checked for existence. The
 * reader of a past version (content-git.ts) decides the same way.
 */
export function isRead(path: string, size: number): boolean {
  const limit = path.endsWith('.geojson') || path.endsWith('.json') ? MAX_GEOJSON_BYTES : MAX_TEXT_BYTES;
  const isMedia = path.startsWith('medias/');
  return size <= limit && (!isMedia || /\.(geo)?json$/.test(path));
}

/**
 * How a file at `path` (relative, `/`-separated) is taken: skipped (a
 * dot-file, an install, anything inside a draft folder), listed as a draft
 * (its name starts with `_`), or read.
 */
export function pathRole(path: string): 'skip' | 'draft' | 'file' {
  const parts = path.split('/');
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return 'skip';
  if (parts.slice(0, -1).some((p) => p.startsWith('_'))) return 'skip';
  return parts.at(-1)!.startsWith('_') ? 'draft' : 'file';
}

export function readContentFiles(dir: string): SourceFile[] {
  let root: string;
  try {
    root = realpathSync(dir);
    if (!statSync(root).isDirectory()) throw new Error();
  } catch {
    throw new ContentDirError(dir);
  }
  const files: SourceFile[] = [];
  const visit = (abs: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const name of listed(abs)) {
      const full = join(abs, name);
      const path = relative(root, full).split(sep).join('/');
      if (name.startsWith('_')) {
        // A draft is not read, but its name is listed: a reference to it can then say it is a draft.
        if (lstatSync(full).isFile()) files.push({ path, size: 0 });
        continue;
      }
      const link = lstatSync(full);
      let target = full;
      if (link.isSymbolicLink()) {
        try {
          target = realpathSync(full);
        } catch {
          files.push({ path, size: 0, brokenLink: true });
          continue;
        }
        if (target !== root && !target.startsWith(root + sep)) {
          files.push({ path, size: 0, outside: true });
          continue;
        }
      }
      const stat = statSync(target);
      if (stat.isDirectory()) {
        if (!link.isSymbolicLink()) visit(full, depth + 1);
        continue;
      }
      if (!stat.isFile()) continue;
      files.push({ path, size: stat.size, ...(isRead(path, stat.size) ? { bytes: readFileSync(target) } : {}) });
    }
  };
  visit(root, 0);
  return files;
}

/**
 * Paths, sizes and modification times of the contract's files: what changes
 * when a file is edited, added or deleted. The dev server compares it at
 * each request, so that a change the file watcher missed still shows.
 */
export function contentFingerprint(dir: string): string {
  const parts: string[] = [];
  const visit = (abs: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const name of listed(abs)) {
      const full = join(abs, name);
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) visit(full, depth + 1);
      else parts.push(`${full}:${stat.size}:${stat.mtimeMs}`);
    }
  };
  try {
    visit(dir, 0);
  } catch {
    return '';
  }
  return parts.join('\n');
}
