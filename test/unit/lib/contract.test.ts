/**
 * A build parses the contract once: the model it built is handed to the
 * Astro child as a JSON file. What the child reads must be the same model,
 * and the pages drawn from it the same pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContract, MODEL_FILE_ENV, writeModelFile } from '../../../src/lib/contract.ts';
import { createContext } from '../../../src/lib/render/context.ts';
import { renderBody } from '../../../src/lib/render/body.ts';
import { renderFicheSheet } from '../../../src/lib/render/fiche-sheet.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('the model handed from the build to Astro', () => {
  const work = mkdtempSync(join(tmpdir(), 'cahiers-model-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([join(ROOT, 'content'), join(FIXTURES, 'autre-contrat')])('%s: read back, it is the model, and renders the same HTML', (dir) => {
    const built = loadContract(dir, {}).contract!;
    const file = writeModelFile(built, join(work, 'model.json'));
    // The folder is not read at all: a missing one would throw.
    const handed = loadContract('/nonexistent/contract', { [MODEL_FILE_ENV]: file });
    expect(handed.issues).toEqual([]);
    expect(handed.contract).toEqual(built);
    const html = (c: typeof built) => {
      const ctx = createContext(c);
      return c.fiches.map((f) => renderFicheSheet(f, ctx) + renderBody(f.body, ctx)).join('\n') + c.cahier1.map((ch) => renderBody(ch.body, ctx)).join('\n');
    };
    expect(html(handed.contract!)).toBe(html(built));
  });

  it('without the variable, the folder is read', () => {
    expect(() => loadContract('/nonexistent/contract', {})).toThrow('dossier du contrat introuvable : /nonexistent/contract');
  });
});
