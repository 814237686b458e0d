/**
 * Headless Chromium from the system (Debian's chromium), driven by
 * playwright-core: npm packages cannot download browsers here.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CliError } from '../../src/lib/errors.ts';
import { STALL, watched } from './stall.ts';

export const NO_CHROMIUM = 'Chromium introuvable : installez-le (Debian : apt-get install chromium, ou npm run setup) ou indiquez son chemin dans CHROMIUM_PATH.';

/** Exit 3: the site can be built, the PDFs cannot. */
export class NoChromiumError extends CliError {
  constructor() {
    super(NO_CHROMIUM, 3);
  }
}

export function chromiumPath(): string | undefined {
  // CHROMIUM_PATH is read at each call: a test may set it after this module loaded.
  const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  return CANDIDATES.find((p): p is string => !!p && existsSync(p));
}

/**
 * `print`: for the PDFs, Chromium in its low-memory mode (smaller caches),
 * which took a 1,000-page cahier from 1.8 to 1.5 GB and gives byte-identical
 * PDFs; the tests of the site keep the ordinary mode.
 */
export async function launchBrowser(options: { print?: boolean } = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new NoChromiumError();
  // No fixed timeout of Playwright's (30 s): a loaded machine may take longer; only a start that never ends fails.
  return watched('Le démarrage de Chromium', 2 * STALL.baseMs, () => chromium.launch({
    timeout: 0,
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.print ? ['--enable-low-end-device-mode'] : []),
    ],
  }));
}
