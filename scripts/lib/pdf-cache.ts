/**
 * The PDF build's cache (node_modules/.cache/cahiers/pdf/): what a build
 * laid out or printed, kept under a hash of everything it came from, so that
 * the next build lays out again only what changed.
 *
 * - A print document whose print page and resources are unchanged is taken
 *   whole, finished, without opening Chromium for it.
 * - Otherwise each part (src/lib/print/chunks.ts) whose HTML is unchanged
 *   keeps its laid-out pages; only the parts that changed are laid out again.
 * - Each part whose print page (its pages and the head) and numbering (its
 *   first page, the total, the pages of the targets it links to in other
 *   parts) are unchanged keeps its printed PDF; the others print again.
 *
 * Every key holds the tools' versions (Chromium, Paged.js, pdf-lib,
 * playwright-core) and a hash of the code that lays out and prints, so a
 * cached result is what a cold build would make now: the PDFs are
 * byte-identical (test/e2e/reliability.test.ts). A part's key holds the
 * side it is laid out from (its HTML opens with a blank page for a left-hand
 * start), since the layout depends on it.
 *
 * CAHIERS_CACHE=0 turns it off; CAHIERS_CACHE_DIR puts it elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, NoChromiumError } from './browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_DIR = join(ROOT, 'node_modules/.cache/cahiers/pdf');
/** The code whose change changes a PDF without changing its print page. */
const CODE = [
  'scripts/lib/pdf-cache.ts',
  'scripts/lib/pdf-render.ts',
  'scripts/lib/pdf-finish.ts',
  'scripts/lib/pdf-structure.ts',
  'scripts/lib/pdf-bind.ts',
  'scripts/lib/pdf-merge.ts',
  'scripts/lib/pdf-parts.browser.js',
  'scripts/lib/print-pages.ts',
  'scripts/lib/browser.ts',
  'src/lib/print/chunks.ts',
  'src/lib/print/binding.ts',
  'src/print/paged-handlers.js',
];
const PACKAGES = ['pagedjs', 'pdf-lib', 'playwright-core'];
/** Past this size, the entries least recently used are removed (the last build's are kept whatever their size). */
const MAX_BYTES = 512 * 2 ** 20;

export interface PdfCache {
  /** A key for `inputs`, the tools' versions included. */
  key(...inputs: (string | Uint8Array)[]): string;
  get(kind: string, key: string): Buffer | undefined;
  put(kind: string, key: string, data: string | Uint8Array): void;
  /** Removes the entries least recently used past the size limit, never one this build used. */
  prune(): void;
}

/** The cache of `env`, or one that keeps nothing (CAHIERS_CACHE=0). Throws NoChromiumError without Chromium: its version is part of every key. */
export function pdfCache(env: NodeJS.ProcessEnv = process.env, maxBytes = MAX_BYTES): PdfCache {
  const tools = toolsFingerprint();
  if (env.CAHIERS_CACHE === '0') return noCache(tools);
  return dirCache(env.CAHIERS_CACHE_DIR ? resolve(env.CAHIERS_CACHE_DIR) : DEFAULT_DIR, tools, maxBytes);
}

function toolsFingerprint(): string {
  const path = chromiumPath();
  if (!path) throw new NoChromiumError();
  const chromium = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  // Read where npm installs them: some packages (pagedjs) do not export their package.json.
  const versions = PACKAGES.map((p) => `${p}@${(JSON.parse(readFileSync(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version}`);
  const hash = createHash('sha256').update(`${chromium}\n${versions.join('\n')}\n`);
  for (const file of CODE) hash.update(readFileSync(join(ROOT, file)));
  return hash.digest('hex');
}

function keyer(tools: string) {
  return (...inputs: (string | Uint8Array)[]) => {
    const hash = createHash('sha256').update(tools);
    // Each input's length first: ("ab", "c") and ("a", "bc") differ.
    for (const input of inputs) hash.update(`\0${typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength}\0`).update(input);
    return hash.digest('hex');
  };
}

function noCache(tools: string): PdfCache {
  return { key: keyer(tools), get: () => undefined, put: () => {}, prune: () => {} };
}

function dirCache(dir: string, tools: string, maxBytes: number): PdfCache {
  const used = new Set<string>();
  const file = (kind: string, key: string) => join(dir, kind, key);
  return {
    key: keyer(tools),
    get(kind, key) {
      const path = file(kind, key);
      if (!existsSync(path)) return undefined;
      used.add(path);
      // Its time of use, for pruning.
      const now = new Date();
      utimesSync(path, now, now);
      return readFileSync(path);
    },
    put(kind, key, data) {
      const path = file(kind, key);
      mkdirSync(dirname(path), { recursive: true });
      // Written aside and renamed: a build killed meanwhile leaves no half entry.
      const tmp = `${path}.tmp-${process.pid}`;
      writeFileSync(tmp, data);
      renameSync(tmp, path);
      used.add(path);
    },
    prune() {
      if (!existsSync(dir)) return;
      const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map((f) => join(dir, f))
        .filter((p) => statSync(p).isFile())
        .map((p) => ({ p, stat: statSync(p) }))
        .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
      let total = 0;
      for (const { p, stat } of entries) {
        total += stat.size;
        // Left over by a killed build (an hour old: another build may be writing it), or past the limit.
        const leftOver = p.includes('.tmp-') && Date.now() - stat.mtimeMs > 3_600_000;
        if (leftOver || (total > maxBytes && !used.has(p) && !p.includes('.tmp-'))) rmSync(p, { force: true });
      }
    },
  };
}

/**
 * A print page of the built site and a hash of the files it loads (scripts,
 * styles, fonts, images: whatever its `src` and `href` name that is a file
 * of `dist`, not a page), so that a changed script or image changes the keys
 * even where its name does not change (/imprimer/*.js).
 */
export function printPageInputs(dist: string, base: string, route: string, hashes = new Map<string, string>()): { html: string; resources: string } {
  const html = readFileSync(join(dist, route, 'index.html'), 'utf8');
  const paths = new Set<string>();
  for (const [, ref] of html.matchAll(/\b(?:src|href)="([^"#?]+)/g)) if (ref!.startsWith(base)) paths.add(decodeURI(ref!.slice(base.length)));
  const hash = createHash('sha256');
  for (const path of [...paths].sort()) {
    const file = join(dist, path);
    if (!hashes.has(file)) hashes.set(file, existsSync(file) && statSync(file).isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : '');
    hash.update(`${path}\0${hashes.get(file)}\n`);
  }
  return { html, resources: hash.digest('hex') };
}
