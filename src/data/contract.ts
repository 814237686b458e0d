/**
 * The site's access to the model, loaded from CONTENT_DIR once per build,
 * and again in dev whenever a content file changes. A contract with errors
 * never reaches the pages (scripts/build.ts stops first); in dev, the error
 * is thrown with every located issue, for Astro's overlay.
 */
import { resolve } from 'node:path';
import { contentFingerprint } from '../lib/content-files.ts';
import { contentDir, loadContract } from '../lib/contract.ts';
import { formatIssues, type Contract, type ParseCache } from '../lib/model/index.ts';
import { contentVersion } from './content-version.ts';

let cached: { contract: Contract; version: string } | undefined;
// In dev, a file whose bytes did not change is not parsed again: an edit shows in a fraction of the time.
const parsed: ParseCache | undefined = import.meta.env.DEV ? new Map() : undefined;

export class ContentError extends Error {
  override name = 'Erreur de contenu';
}

/**
 * What the cached model was read from. In dev, the watcher's counter and
 * the files' own fingerprint: a watcher can miss an event on a busy machine
 * (an added then deleted file), and a page must never show a file that is gone.
 */
function versionOf(dir: string): string {
  return import.meta.env.DEV ? `${contentVersion()}|${contentFingerprint(dir)}` : String(contentVersion());
}

export function getContract(): Contract {
  const dir = contentDir();
  const version = versionOf(resolve(process.cwd(), dir));
  if (cached && cached.version === version) return cached.contract;
  const result = loadContract(resolve(process.cwd(), dir), process.env, parsed);
  if (!result.contract) {
    const errors = result.issues.filter((i) => i.severity === 'error');
    throw new ContentError(`Le contrat contient ${errors.length} erreur${errors.length > 1 ? 's' : ''} :\n${formatIssues(errors, { base: dir })}`);
  }
  cached = { contract: result.contract, version };
  return cached.contract;
}
