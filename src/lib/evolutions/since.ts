/**
 * `DEPUIS=<ref>`: the contract as it was at a git ref, read from git
 * (content-git.ts), built by the same model as the current one, and
 * compared with it. What can go wrong is said in one line naming the ref:
 * an unknown ref or a folder outside any repository (usage, exit 2), an
 * old version that no longer passes the check (content, exit 1).
 */
import { readContentFilesAt } from '../content-git.ts';
import { CliError } from '../errors.ts';
import { buildContract, type Contract } from '../model/index.ts';
import { compareContracts } from './compare.ts';
import type { Evolutions } from './types.ts';

/** `npm run build` hands the evolutions it computed to Astro in a JSON file named by this variable. */
export const EVOLUTIONS_FILE_ENV = 'CAHIERS_EVOLUTIONS';

export function evolutionsSince(dir: string, ref: string, now: Contract): Evolutions {
  const version = readContentFilesAt(dir, ref);
  const { contract, issues } = buildContract(version.files);
  if (!contract) {
    const errors = issues.filter((i) => i.severity === 'error');
    const first = errors[0];
    const where = first ? `, dont ${first.file}:${first.line}:${first.column} ${first.message} [${first.rule}]` : '';
    throw new CliError(`Version « ${ref} » : le contrat de cette version ne passe pas la vérification (${errors.length} erreur${errors.length > 1 ? 's' : ''}${where}) ; comparez à une version valide`, 1);
  }
  return compareContracts({ ref, contract }, now);
}

/** The ref of DEPUIS, when set. */
export function depuisRef(env: NodeJS.ProcessEnv): string | undefined {
  const ref = env.DEPUIS?.trim();
  return ref ? ref : undefined;
}
