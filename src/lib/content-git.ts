/**
 * Reads a contract folder as it was at a git ref (a signed version's tag)
 * into the same SourceFile records as content-files.ts reads from disk, so
 * that both versions go through the same model. The ref is resolved in the
 * repository that holds the folder (the folder may be a subfolder of it);
 * blobs are read with `git ls-tree` and `git cat-file --batch`: the working
 * tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { posix } from 'node:path';
import { ContentDirError, isRead, pathRole } from './content-files.ts';
import { UsageError } from './errors.ts';
import type { SourceFile } from './model/source.ts';

export interface GitVersion {
  /** The ref as given (`v1.0`). */
  ref: string;
  /** The commit it names. */
  commit: string;
  files: SourceFile[];
}

/** Blobs larger than this are refused by the model anyway: what git's output may hold. */
const MAX_BUFFER = 1024 * 1024 * 1024;

function git(cwd: string, args: string[], input?: string): { ok: boolean; stdout: Buffer; stderr: string } {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (r.error) throw new UsageError(`git introuvable : installez git pour comparer à une version (${r.error.message})`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr.toString() };
}

export function readContentFilesAt(dir: string, ref: string): GitVersion {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    throw new ContentDirError(dir);
  }
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UsageError(`Version « ${ref} » illisible : le dossier du contrat ${dir} n’est dans aucun dépôt git`);
  const prefix = git(root, ['rev-parse', '--show-prefix']).stdout.toString().trim();
  // A ref that starts with « - » would be read as an option.
  const resolved = ref.startsWith('-') ? undefined : git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!resolved?.ok) throw new UsageError(`Version inconnue « ${ref} » : ni étiquette, ni branche, ni commit de ce nom dans le dépôt git de ${dir} (git tag --list donne les versions étiquetées)`);
  const commit = resolved.stdout.toString().trim();
  const toplevel = top.stdout.toString().trim();
  const listing = git(toplevel, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', prefix || '.']);
  if (!listing.ok) throw new UsageError(`Version « ${ref} » illisible : ${listing.stderr.trim().split('\n')[0]}`);
  const entries = parseTree(listing.stdout.toString('utf8'), prefix);
  if (entries.length === 0) throw new UsageError(`Version « ${ref} » : le dossier du contrat ${dir} n’existe pas dans cette version`);
  return { ref, commit, files: toSourceFiles(entries, (shas) => catBlobs(toplevel, shas)) };
}

interface TreeEntry {
  mode: string;
  sha: string;
  size: number;
  /** Relative to the contract folder. */
  path: string;
}

function parseTree(out: string, prefix: string): TreeEntry[] {
  return out
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/) as [string, string, string, string];
      const full = line.slice(tab + 1);
      if (type !== 'blob' || !full.startsWith(prefix)) return [];
      return [{ mode, sha, size: Number(size), path: full.slice(prefix.length) }];
    });
}

/** The files as content-files.ts would have read them from a checkout of that version. */
export function toSourceFiles(entries: readonly TreeEntry[], cat: (shas: string[]) => Map<string, Buffer>): SourceFile[] {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const files: { path: string; entry?: TreeEntry; file?: SourceFile }[] = [];
  const links = cat(entries.filter((e) => e.mode === '120000').map((e) => e.sha));
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const role = pathRole(e.path);
    if (role === 'skip') continue;
    if (role === 'draft') {
      files.push({ path: e.path, file: { path: e.path, size: 0 } });
      continue;
    }
    if (e.mode !== '120000') {
      files.push({ path: e.path, entry: e });
      continue;
    }
    // A symbolic link: followed when it stays inside the folder, as on disk.
    const target = posix.normalize(posix.join(posix.dirname(e.path), links.get(e.sha)?.toString('utf8') ?? ''));
    const to = byPath.get(target);
    if (target.startsWith('../') || posix.isAbsolute(target)) files.push({ path: e.path, file: { path: e.path, size: 0, outside: true } });
    // A link to a folder is not followed (nor is it on disk).
    else if (entries.some((x) => x.path.startsWith(`${target}/`))) continue;
    else if (!to || to.mode === '120000') files.push({ path: e.path, file: { path: e.path, size: 0, brokenLink: true } });
    else files.push({ path: e.path, entry: { ...to, path: e.path } });
  }
  const wanted = files.flatMap((f) => (f.entry && isRead(f.path, f.entry.size) ? [f.entry.sha] : []));
  const blobs = cat([...new Set(wanted)]);
  return files.map(({ path, entry, file }) => {
    if (file) return file;
    const bytes = isRead(path, entry!.size) ? blobs.get(entry!.sha) : undefined;
    return { path, size: entry!.size, ...(bytes ? { bytes: new Uint8Array(bytes) } : {}) };
  });
}

/** `git cat-file --batch`: each requested object's bytes, in one process. */
function catBlobs(cwd: string, shas: string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (shas.length === 0) return blobs;
  const { ok, stdout, stderr } = git(cwd, ['cat-file', '--batch'], `${shas.join('\n')}\n`);
  if (!ok) throw new UsageError(`Fichiers de la version illisibles : ${stderr.trim().split('\n')[0]}`);
  let at = 0;
  while (at < stdout.length) {
    const eol = stdout.indexOf(0x0a, at);
    const [sha, type, size] = stdout.subarray(at, eol).toString('utf8').split(' ') as [string, string, string];
    if (type === 'missing') {
      at = eol + 1;
      continue;
    }
    const n = Number(size);
    blobs.set(sha, stdout.subarray(eol + 1, eol + 1 + n));
    at = eol + 1 + n + 1;
  }
  return blobs;
}
