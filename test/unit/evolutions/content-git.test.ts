/**
 * A version read from git is the same list of files as the folder read
 * from disk: drafts listed unread, dot-files skipped, images not loaded,
 * the contract in a subfolder of the repository.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { readContentFilesAt } from '../../../src/lib/content-git.ts';
import { gitContract } from '../../helpers/git-contract.ts';

const repos = ['autre-contrat', 'minimal'].map((name) => gitContract(name, 'contrats/un'));
afterAll(() => repos.forEach((r) => r.cleanup()));

describe('readContentFilesAt', () => {
  it.each(repos.map((r) => [r.dir.split('/').at(-3), r] as const))('reads the same files as the disk does (%s)', (_name, repo) => {
    const fromGit = readContentFilesAt(repo.dir, 'HEAD');
    expect(fromGit.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(fromGit.files).toEqual(readContentFiles(repo.dir).map((f) => (f.bytes ? { ...f, bytes: new Uint8Array(f.bytes) } : f)));
  });

  it('reads the version, not the working tree', () => {
    const repo = repos[1]!;
    repo.write('.brouillon-editeur', 'ignoré');
    repo.edit('contrat.yaml', (t) => t.replace('version: "1.0"', 'version: "2.0"'));
    const contrat = readContentFilesAt(repo.dir, 'HEAD').files.find((f) => f.path === 'contrat.yaml')!;
    expect(new TextDecoder().decode(contrat.bytes)).toContain('version: "1.0"');
  });
});
