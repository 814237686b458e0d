/**
 * The site's access to the model, loaded from CONTENT_DIR once per build,
 * and again in dev whenever a content file changes. A contract with errors
 * never reaches the pages (scripts/build.ts stops first); in dev, the error
 * is thrown with every located issue, for Astro's overlay.
 */
import { resolve } from 'node:path';
import { contentDir, loadContract } from '../lib/contract.ts';
import { formatIssues, type Contract } from '../lib/model/index.ts';
import { contentVersion } from './content-version.ts';

let cached: { contract: Contract; version: number } | undefined;

export class ContentError extends Error {
  override name = 'Erreur de contenu';
}

export function getContract(): Contract {
  if (cached && cached.version === contentVersion()) return cached.contract;
  const dir = contentDir();
  const version = contentVersion();
  const result = loadContract(resolve(process.cwd(), dir));
  if (!result.contract) {
    const errors = result.issues.filter((i) => i.severity === 'error');
    throw new ContentError(`Le contrat contient ${errors.length} erreur${errors.length > 1 ? 's' : ''} :\n${formatIssues(errors, { base: dir })}`);
  }
  cached = { contract: result.contract, version };
  return cached.contract;
}
