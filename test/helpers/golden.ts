/**
 * Golden files: a renderer's whole output compared with the file kept in
 * test/unit/render/golden/. `UPDATE_GOLDEN=1` rewrites it; a difference
 * writes the actual output to test/.output/render/ for diffing, and fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const GOLDEN_DIR = join(ROOT, 'unit', 'render', 'golden');
const OUTPUT_DIR = join(ROOT, '.output', 'render');

export function expectGolden(name: string, actual: string): void {
  const expectedPath = join(GOLDEN_DIR, `${name}.html`);
  const text = actual.endsWith('\n') ? actual : `${actual}\n`;
  if (process.env.UPDATE_GOLDEN) {
    write(expectedPath, text);
    return;
  }
  if (!existsSync(expectedPath)) throw new Error(`Fichier de référence absent : ${relative(process.cwd(), expectedPath)} (UPDATE_GOLDEN=1 pour le créer)`);
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === text) return;
  const actualPath = join(OUTPUT_DIR, `${name}.html`);
  write(actualPath, text);
  expect(text, `sortie différente de ${relative(process.cwd(), expectedPath)} ; sortie réelle : ${relative(process.cwd(), actualPath)}`).toBe(expected);
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
