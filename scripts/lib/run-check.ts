/**
 * `npm run check`: loads and checks the contract, prints the report.
 */
import { contentDir, loadContract } from '../../src/lib/contract.ts';
import { UsageError } from '../../src/lib/errors.ts';
import { formatIssues, hasErrors, summarize, type ContentIssue } from '../../src/lib/model/index.ts';
import { handleCli, type Print } from './cli.ts';

export type { Print } from './cli.ts';

export const USAGE = `Usage : npm run check
Vérifie le contrat du dossier CONTENT_DIR (par défaut « content »).
Codes de sortie : 0 sans erreur, 1 erreurs de contenu, 2 erreur d’utilisation.`;

/** Loads and checks the contract; prints the report; returns the exit code. */
export function runCheck(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  return handleCli(() => {
    if (args.includes('--help') || args.includes('-h')) {
      out(USAGE);
      return 0;
    }
    if (args.length > 0) throw new UsageError(`Argument inattendu : ${args.join(' ')}\n${USAGE}`);
    const issues = loadContract(contentDir(env)).issues;
    report(issues, contentDir(env), out, err);
    return hasErrors(issues) ? 1 : 0;
  }, err);
}

export function report(issues: readonly ContentIssue[], dir: string, out: Print, err: Print): void {
  if (issues.length > 0) (hasErrors(issues) ? err : out)(formatIssues(issues, { base: dir }));
  (hasErrors(issues) ? err : out)(`${dir} : ${summarize(issues)}`);
}
