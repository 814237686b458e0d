/**
 * `npm run import` in tests: a throwaway copy of a fixture contract, the
 * command run on it with its output captured, and a snapshot of every
 * file to prove that nothing was written.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { runImport } from '../../scripts/lib/run-import.ts';
import { FIXTURES } from './fixtures.ts';

const copies: string[] = [];

/** Call once at the top of a test file: the copies are removed after each test. */
export function cleanUpCopies(): void {
  afterEach(() => {
    for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

/** A throwaway copy of a fixture contract (default: autre-contrat). */
export function contractCopy(fixture = 'autre-contrat'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cahiers-import-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  copies.push(dir);
  return dir;
}

export async function runImportIn(dir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(args, { CONTENT_DIR: dir }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of a folder with its content. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) visit(full);
      else files.set(relative(dir, full), readFileSync(full, 'latin1'));
    }
  };
  visit(dir);
  return files;
}
