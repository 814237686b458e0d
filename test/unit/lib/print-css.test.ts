/**
 * print.css holds no rule that Paged.js rewrites per document: it turns a
 * selector with `+` or `:first-of-type`… into attributes on the elements of
 * the part it lays out, and a cahier is laid out in parts
 * (scripts/lib/pdf-render.ts) then printed with the first part's styles, so
 * such a rule silently does nothing past the first part.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('print.css has no selector that Paged.js would rewrite per part', () => {
  const css = readFileSync(join(import.meta.dirname, '../../../src/styles/print.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  // The text before each `{`, less any declarations that precede a nested block.
  const selectors = [...css.matchAll(/([^{}]+)\{/g)].map((m) => m[1]!.split(';').at(-1)!.trim());
  expect(selectors.length).toBeGreaterThan(50);
  expect(selectors.filter((s) => /\+|:(first|last|nth)-of-type/.test(s))).toEqual([]);
});
