import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContentFiles } from '../../src/lib/content-files.ts';
import type { SourceFile } from '../../src/lib/model/index.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixtureFiles(name: string): SourceFile[] {
  return readContentFiles(join(FIXTURES, name));
}

/**
 * An error case: the minimal contract with the files of `<case>/overlay/`
 * laid over it, and the paths listed in `<case>/remove.txt` taken out.
 */
export function errorCaseFiles(caseDir: string): SourceFile[] {
  const base = new Map(fixtureFiles('minimal').map((f) => [f.path, f]));
  const overlay = join(caseDir, 'overlay');
  if (existsSync(overlay)) for (const f of readContentFiles(overlay)) base.set(f.path, f);
  const remove = join(caseDir, 'remove.txt');
  if (existsSync(remove))
    for (const line of readFileSync(remove, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)) base.delete(line);
  return [...base.values()];
}

export function textFile(path: string, text: string | Uint8Array): SourceFile {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { path, size: bytes.length, bytes };
}

/** Replaces (or adds) files of a contract held in memory. */
export function withFiles(files: readonly SourceFile[], ...replacements: SourceFile[]): SourceFile[] {
  const map = new Map(files.map((f) => [f.path, f]));
  for (const r of replacements) map.set(r.path, r);
  return [...map.values()];
}
