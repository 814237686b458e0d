/**
 * `npm run planches` on a real build: a contact sheet (HTML and PNG) for
 * every PDF, showing every one of its pages.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { runPlanches } from '../../scripts/lib/planches.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { metadata } from '../helpers/pdf.ts';

const pngSize = (file: string) => {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe('npm run planches', () => {
  const work = mkdtempSync(join(tmpdir(), 'cahiers-planches-'));
  const dist = join(work, 'dist');
  const env = { ...process.env, DIST_DIR: dist };
  const run = async (args: string[], e: NodeJS.ProcessEnv = env) => {
    const out: string[] = [];
    const err: string[] = [];
    return { code: await runPlanches(args, e, (l) => out.push(l), (l) => err.push(l)), out: out.join('\n'), err: err.join('\n') };
  };
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    expect(await buildAll({ ...process.env, CONTENT_DIR: join(FIXTURES, 'minimal') }, dist)).toBe(0);
  }, 120_000);

  it('draws one sheet per PDF, with every page, into dist/planches/', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    const pdfs = readdirSync(join(dist, 'pdf')).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(3);
    for (const pdf of pdfs) {
      const name = pdf.replace(/\.pdf$/, '');
      const { pages } = await metadata(join(dist, 'pdf', pdf));
      const html = readFileSync(join(dist, 'planches', `${name}.html`), 'utf8');
      const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
      expect(images).toHaveLength(pages);
      for (const src of images) expect(existsSync(join(dist, 'planches', src))).toBe(true);
      expect([...html.matchAll(/<figcaption><b>(\d+)<\/b>/g)].map((m) => Number(m[1]))).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
      // A page image is a low-resolution drawing of an A4 page.
      expect(pngSize(join(dist, 'planches', images[0]!)).width).toBeLessThan(300);
      // The sheet's PNG holds its rows: six facing pairs across, as tall as the rows need.
      const sheet = pngSize(join(dist, 'planches', `${name}.png`));
      expect(sheet.width).toBeGreaterThan(12 * 150);
      expect(sheet.height).toBeGreaterThan(Math.ceil((pages + 1) / 12) * 250);
      expect(out).toContain(`${name}.png : ${pages} pages`);
    }
  }, 60_000);

  it('writes into the folder given as argument', async () => {
    const folder = join(work, 'revue');
    expect((await run([folder])).code).toBe(0);
    expect(readdirSync(folder).filter((f) => f.endsWith('.png')).sort()).toEqual(['cahier-1-diagnostic.png', 'cahier-2-strategie.png', 'contrat-de-ville.png']);
  }, 60_000);

  it('says what to do when there is no PDF, or the arguments are wrong', async () => {
    const none = await run([], { ...process.env, DIST_DIR: join(work, 'vide') });
    expect(none.code).toBe(2);
    expect(none.err).toContain('Aucun PDF dans');
    expect(none.err).toContain('npm run build');
    expect((await run(['--inconnu'])).code).toBe(2);
    expect((await run(['a', 'b'])).err).toContain('Usage : npm run planches');
  });
});
