/**
 * The site's access to the model: loaded once per build from CONTENT_DIR.
 * A contract with errors never reaches the pages (scripts/build.ts stops
 * first); in dev, the error is thrown with every located issue.
 */
import { resolve } from 'node:path';
import { contentDir, loadContract } from '../lib/contract.ts';
import { formatIssues, type Contract } from '../lib/model/index.ts';

let cached: Contract | undefined;

export function getContract(): Contract {
  if (cached) return cached;
  const dir = contentDir();
  const result = loadContract(resolve(process.cwd(), dir));
  if (!result.contract) {
    throw new Error(`Le contrat contient des erreurs :\n${formatIssues(result.issues.filter((i) => i.severity === 'error'), { base: dir })}`);
  }
  cached = result.contract;
  return cached;
}
