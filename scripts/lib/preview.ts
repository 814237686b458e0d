/**
 * `npm run preview`: serves the built site (dist/ or DIST_DIR) on loopback
 * exactly as a static host would (scripts/lib/serve.ts), under the base
 * path it was built for, so that the web team checks it before uploading.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, UsageError } from '../../src/lib/errors.ts';
import { basePath } from './build-steps.ts';
import { serveDir, type Served } from './serve.ts';

export const DEFAULT_PORT = 8080;

/** The base path `dist` was built for, read from its home page's icon link (every page has it). */
export function builtBase(dist: string): string | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return undefined;
  return /<link rel="icon"[^>]* href="([^"]*\/)favicon\.svg"/.exec(readFileSync(index, 'utf8'))?.[1];
}

/**
 * Starts the server: the base path is that of BASE_PATH or SITE_URL, or
 * when both are unset the one the site was built for; a site built for another base path would
 * show pages without their styles and links, and is refused.
 */
export async function startPreview(env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<Served> {
  const dist = env.DIST_DIR || 'dist';
  if (!existsSync(join(dist, 'index.html'))) throw new CliError(`Aucun site construit dans ${dist}/ : lancez d’abord npm run build.`, 1);
  const built = builtBase(dist);
  const base = env.BASE_PATH?.trim() || env.SITE_URL?.trim() ? basePath(env) : (built ?? '/');
  if (built && built !== base)
    throw new UsageError(`${dist}/ a été construit pour le sous-chemin ${built}, et BASE_PATH vaut ${base} : lancez BASE_PATH=${built} npm run preview, ou reconstruisez avec BASE_PATH=${base} npm run build.`);
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`PORT doit être un numéro de port (0 à 65535) ; trouvé : « ${env.PORT} ».`);
  let server: Served;
  try {
    server = await serveDir(dist, base, { port, onResponse: (status, path) => status >= 400 && print(`${status} ${path}`) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    throw new UsageError(`Le port ${port} est déjà pris : choisissez-en un autre, par exemple PORT=${port + 1} npm run preview.`);
  }
  print(`Aperçu de ${dist}/, servi comme par un hébergement statique : ${server.url}/`);
  print('Les adresses introuvables s’affichent ici. Ctrl+C pour arrêter.');
  return server;
}
