/**
 * A build either replaces dist/ whole or leaves it as it was (content
 * error, Chromium crash, killed process); two builds of the same sources
 * give the same bytes, PDFs included.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { astroEnv, buildAll, runPdf } from '../../scripts/lib/build-steps.ts';
import { NO_CHROMIUM } from '../../scripts/lib/browser.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { buildContract } from '../../src/lib/model/index.ts';
import { printDocuments, printFiles, rapportFile } from '../../src/lib/print/documents.ts';
import { fr } from '../../src/i18n/fr.ts';
import { brokenFolios, pageTexts } from '../helpers/pdf.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'cahiers-reliable-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file of a folder with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => !f.endsWith('/') && existsSync(join(dir, f)) && !statIsDir(join(dir, f)))
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}
/**
 * The differing PDFs of two builds are copied out of the work folder (which
 * is removed) so that an intermittent difference can be studied: the
 * assertion's message says where.
 */
function keptWhenDifferent(a: Record<string, string>, b: Record<string, string>, dirA: string, dirB: string): string {
  const differing = Object.keys(a).filter((f) => f.endsWith('.pdf') && a[f] !== b[f]);
  if (differing.length === 0) return '';
  const kept = mkdtempSync(join(tmpdir(), 'cahiers-non-deterministe-'));
  for (const f of differing)
    for (const [side, dir] of [['a', dirA], ['b', dirB]] as const) {
      mkdirSync(dirname(join(kept, side, f)), { recursive: true });
      cpSync(join(dir, f), join(kept, side, f));
    }
  return `PDF différents (${differing.join(', ')}), gardés dans ${kept}`;
}

/** What `build` writes to the standard output, line by line (it is written through as well). */
async function logged(build: () => Promise<number>): Promise<string[]> {
  const write = vi.spyOn(process.stdout, 'write');
  try {
    expect(await build()).toBe(0);
    return write.mock.calls.flatMap(([chunk]) => String(chunk).split('\n'));
  } finally {
    write.mockRestore();
  }
}

function statIsDir(p: string): boolean {
  try {
    return readdirSync(p) !== undefined;
  } catch {
    return false;
  }
}

function previousBuild(name: string): string {
  const dist = join(work, name, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), 'la construction précédente');
  return dist;
}

describe('reliability of the build', () => {
  it('gives byte-identical sites and PDFs from the same sources', async () => {
    const env = { ...process.env, CONTENT_DIR: join(FIXTURES, 'autre-contrat') };
    expect(await buildAll(env, join(work, 'a'))).toBe(0);
    expect(await buildAll(env, join(work, 'b'))).toBe(0);
    const a = snapshot(join(work, 'a'));
    const b = snapshot(join(work, 'b'));
    expect(Object.keys(a).some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(Object.keys(a).filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(0);
    expect(Object.keys(a).length).toBeGreaterThan(30);
    expect(b, keptWhenDifferent(a, b, join(work, 'a'), join(work, 'b'))).toEqual(a);
  }, 240_000);

  // The example, whose cahiers run to a hundred pages and more, in parts laid out two at a time: a
  // difference in layout, tagging or object numbering that a small fixture would not show shows here.
  // Then the incremental build: one fiche edited, the PDFs rebuilt from the cache (scripts/lib/pdf-cache.ts)
  // are the bytes a cold build of the same sources gives, and only what changed was laid out again.
  it('gives byte-identical PDFs from two builds of the example, and from a rebuild after an edit and a cold build', async () => {
    const content = join(work, 'ex-content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const env = { ...process.env, CONTENT_DIR: content, CAHIERS_CACHE: '1', CAHIERS_CACHE_DIR: join(work, 'ex-cache') };
    const cold = { ...env, CAHIERS_CACHE: '0' };
    const pdfs = (dir: string) => snapshot(join(work, dir, 'pdf'));
    const same = (a: string, b: string) => expect(pdfs(b), keptWhenDifferent(pdfs(a), pdfs(b), join(work, a, 'pdf'), join(work, b, 'pdf'))).toEqual(pdfs(a));

    expect(await buildAll(env, join(work, 'ex-a'))).toBe(0);
    // Every print document of the contract (cahiers, annual reports) and the bound contract.
    const contract = buildContract(readContentFiles(content)).contract!;
    expect(Object.keys(pdfs('ex-a')).sort()).toEqual([...printDocuments(contract).map((d) => d.file), printFiles.both].sort());
    expect(await buildAll(cold, join(work, 'ex-b'))).toBe(0);
    same('ex-a', 'ex-b');
    // The reports not adopted yet print their watermark beside the folio: Paged.js shared the bottom margin between
    // the two by measuring them with the page numbers of the part being laid out, and « 37 / 41 » wrapped on three
    // lines (Print.astro). The example's parts show it where a fixture's single part would not.
    for (const r of contract.rapports.filter((r) => r.etat !== 'adopte')) {
      const texts = pageTexts(join(work, 'ex-a', 'pdf', rapportFile(r.annee)));
      expect(texts.filter((t) => t.includes(fr.rapport.filigrane)).length).toBeGreaterThan(texts.length / 2);
      expect(brokenFolios(texts, fr.rapport.filigrane), rapportFile(r.annee)).toEqual([]);
    }

    // The fiche of Cahier II that comes first in its folder, as an author edits it.
    const fiches = join(content, 'cahier-2/fiches');
    const fiche = readdirSync(fiches).sort()[0]!;
    appendFileSync(join(fiches, fiche), '\nUne phrase ajoutée entre deux constructions.\n');
    const lines = await logged(() => buildAll(env, join(work, 'ex-c')));
    const cahier = (n: 0 | 1) => lines.find((l) => l.startsWith(printDocuments(contract)[n]!.subject))!;
    expect(cahier(0)).toMatch(/ : \d+ pages, inchangé \(repris du cache\)$/);
    const [, again, of, reprinted] = cahier(1).match(/ : \d+ pages en [\d,]+ s \((\d+) parties? sur (\d+) remises? en page, (\d+) réimprimées?\)$/) ?? [];
    expect(Number(again)).toBeGreaterThan(0);
    expect(Number(again)).toBeLessThan(Number(of));
    // A sentence more moves no page: the other parts' printed pages are taken as they were.
    expect(Number(reprinted)).toBeGreaterThanOrEqual(Number(again));
    expect(Number(reprinted)).toBeLessThan(Number(of));
    expect(await buildAll(cold, join(work, 'ex-d'))).toBe(0);
    same('ex-d', 'ex-c');
    expect(pdfs('ex-c')[printDocuments(contract)[1]!.file]).not.toBe(pdfs('ex-a')[printDocuments(contract)[1]!.file]);
  }, 1_200_000);

  it('leaves dist/ as it was when Chromium cannot start', async () => {
    const dist = previousBuild('chromium');
    const before = snapshot(dist);
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/bin/false';
    try {
      expect(await buildAll({ ...process.env, CONTENT_DIR: join(FIXTURES, 'minimal') }, dist)).not.toBe(0);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(join(work, 'chromium'))).toEqual(['dist']);
  }, 120_000);

  it('says in one line how to get Chromium when there is none, and exits non-zero', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await runPdf({ ...process.env, CONTENT_DIR: join(FIXTURES, 'minimal') }, work)).not.toBe(0);
    } finally {
      process.stderr.write = write;
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(lines).toEqual([`${NO_CHROMIUM}\n`]);
  });

  it('leaves dist/ as it was when the build is killed, and the next build cleans up after it', async () => {
    const dist = previousBuild('killed');
    const before = snapshot(dist);
    const env = astroEnv(process.env);
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build.ts'], {
      cwd: ROOT,
      env: { ...env, CONTENT_DIR: join(FIXTURES, 'minimal'), DIST_DIR: dist },
      stdio: 'ignore',
      detached: true,
    });
    // Killed while writing the temporary folder, before the swap.
    await new Promise<void>((ok) => {
      const poll = setInterval(() => {
        if (readdirSync(join(work, 'killed')).some((n) => n.includes('.tmp-'))) {
          clearInterval(poll);
          ok();
        }
      }, 20);
    });
    // The whole process group, as a closed terminal or a CI timeout would: tsx, node, astro.
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((ok) => child.on('exit', ok));
    expect(snapshot(dist)).toEqual(before);
    const other = join(work, 'killed-copy');
    cpSync(join(FIXTURES, 'minimal'), other, { recursive: true });
    expect(await buildAll({ ...process.env, CONTENT_DIR: other, PDF: '0' }, dist)).toBe(0);
    expect(readdirSync(join(work, 'killed'))).toEqual(['dist']);
  }, 180_000);
});
