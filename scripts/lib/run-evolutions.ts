/**
 * `npm run evolutions -- REF`: what changed in the contract since a git ref
 * (a signed version's tag), printed in the terminal; the same entries as
 * the page `/evolutions/` that `DEPUIS=REF npm run build` adds.
 */
import { contentDir, loadContract } from '../../src/lib/contract.ts';
import { ContentError, UsageError } from '../../src/lib/errors.ts';
import { evolutionsSince } from '../../src/lib/evolutions/since.ts';
import { evolutionsText } from '../../src/lib/evolutions/terminal.ts';
import { handleCli, type Print } from './cli.ts';

export const USAGE = `Usage : npm run evolutions -- VERSION
Affiche ce qui a changé dans le contrat du dossier CONTENT_DIR (par défaut « content ») depuis VERSION,
une référence git (une étiquette de version signée, v1.0 ; une branche ; un commit).
Codes de sortie : 0 comparaison faite, 1 erreurs de contenu, 2 erreur d’utilisation.`;

export function runEvolutions(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  return handleCli(() => {
    if (args.includes('--help') || args.includes('-h')) {
      out(USAGE);
      return 0;
    }
    if (args.length !== 1) throw new UsageError(`${args.length === 0 ? 'Version manquante' : `Arguments inattendus : ${args.join(' ')}`}\n${USAGE}`);
    const dir = contentDir(env);
    const { contract, issues } = loadContract(dir, env);
    if (!contract) throw new ContentError(issues, dir);
    for (const line of evolutionsText(evolutionsSince(dir, args[0]!, contract))) out(line);
    return 0;
  }, err);
}
