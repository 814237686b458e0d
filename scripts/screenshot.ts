/**
 * Developer tool: screenshots of built pages, to look at them.
 * Usage: tsx scripts/screenshot.ts OUT_DIR WIDTH PATH... (PATHs under dist/)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { serveDir } from './lib/serve.ts';

const [outDir = 'screenshots', width = '1280', ...paths] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const server = await serveDir('dist');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
for (const path of paths.length ? paths : ['/']) {
  await page.goto(server.url + path);
  const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}.png`;
  // CLIP=N keeps the top N pixels of the page, enough to read a tall page's first screens.
  const clip = process.env.CLIP ? { x: 0, y: 0, width: Number(width), height: Number(process.env.CLIP) } : undefined;
  await page.screenshot({ path: join(outDir, name), fullPage: true, ...(clip ? { clip } : {}) });
  process.stdout.write(`${join(outDir, name)}\n`);
}
await browser.close();
await server.close();
