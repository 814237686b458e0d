/**
 * The live preview's latency, for `npm run bench`: `astro dev` on a copy of
 * a contract, a fiche's page open in Chromium; the fiche's file is written
 * with a new sentence, and the latency is the time from the write to the
 * moment the reloaded page has its content (its DOMContentLoaded, read
 * from the page's own navigation timing on the same clock). The median of
 * a few edits, after one edit that warms the server up.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../browser.ts';
import { astroEnv } from '../build-steps.ts';

export async function previewLatency(contractDir: string, edits = 5): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cahiers-bench-dev-'));
  cpSync(contractDir, dir, { recursive: true });
  const port = await freePort();
  const server = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...astroEnv(process.env), NODE_ENV: 'development', CONTENT_DIR: dir },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const browser = await launchBrowser();
  try {
    await new Promise<void>((ok, fail) => {
      server.on('exit', () => fail(new Error('astro dev s’est arrêté')));
      server.stdout!.on('data', (d: Buffer) => String(d).includes(`:${port}`) && ok());
    });
    const fiche = readdirSync(join(dir, 'cahier-2/fiches')).find((f) => f.endsWith('.md') && !f.startsWith('_'))!;
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/fiches/${fiche.replace(/\.md$/, '')}/`);
    const latencies: number[] = [];
    for (let i = 0; i <= edits; i++) {
      const mark = `Repère de latence ${i + 1} du banc d’essai.`;
      const written = Date.now();
      appendFileSync(join(dir, 'cahier-2/fiches', fiche), `\n${mark}\n`);
      // Reloads until the page shows the edit (the first reload may come before the server has read it).
      for (;;) {
        await page.waitForEvent('domcontentloaded');
        const shown = await page.evaluate((m) => (document.body.innerText.includes(m) ? performance.timeOrigin + performance.getEntriesByType('navigation')[0]!.toJSON().domContentLoadedEventEnd : 0), mark);
        if (shown) {
          if (i > 0) latencies.push(shown - written);
          break;
        }
      }
    }
    latencies.sort((a, b) => a - b);
    return latencies[Math.floor(latencies.length / 2)]!;
  } finally {
    await browser.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}
