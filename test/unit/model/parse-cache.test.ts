import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, formatIssues, type ParseCache, type SourceFile } from '../../../src/lib/model/index.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';

const files = readContentFiles(join(FIXTURES, 'autre-contrat'));
const plain = (result: ReturnType<typeof buildContract>) => JSON.parse(JSON.stringify(result));
const edited = (path: string, edit: (text: string) => string): SourceFile[] =>
  files.map((f) => {
    if (f.path !== path) return f;
    const bytes = new TextEncoder().encode(edit(new TextDecoder().decode(f.bytes)));
    return { ...f, bytes, size: bytes.length };
  });

describe('the live preview’s parse cache', () => {
  it('gives the same model as a build without it, build after build', () => {
    const cache: ParseCache = new Map();
    const once = plain(buildContract(files));
    expect(plain(buildContract(files, cache))).toEqual(once);
    expect(plain(buildContract(files, cache))).toEqual(once);
  });

  it('parses an edited file again, and resolves the unchanged ones against the new contract', () => {
    const cache: ParseCache = new Map();
    buildContract(files, cache);
    // The objectif a fiche refers to (:ref[objectif:maison-sante]) disappears from the tree: the unchanged fiche must say so.
    const tree = 'cahier-2/orientations.yaml';
    const without = edited(tree, (t) => t.replaceAll('maison-sante', 'centre-sante'));
    const expected = formatIssues(buildContract(without).issues);
    expect(expected).toContain('maison-sante');
    expect(formatIssues(buildContract(without, cache).issues)).toBe(expected);
    expect(plain(buildContract(files, cache))).toEqual(plain(buildContract(files)));
  });
});
