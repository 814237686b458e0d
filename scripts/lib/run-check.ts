import { ContentDirError } from '../../src/lib/content-files.ts';
import { contentDir, loadContract } from '../../src/lib/contract.ts';
import { formatIssues, hasErrors, summarize, type ContentIssue } from '../../src/lib/model/index.ts';

export const USAGE = `Usage : npm run check
Vérifie le contrat du dossier CONTENT_DIR (par défaut « content »).
Codes de sortie : 0 sans erreur, 1 erreurs de contenu, 2 erreur d’utilisation.`;

export type Print = (line: string) => void;

/** Loads and checks the contract; prints the report; returns the exit code. */
export function runCheck(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  if (args.includes('--help') || args.includes('-h')) {
    out(USAGE);
    return 0;
  }
  if (args.length > 0) {
    err(`Argument inattendu : ${args.join(' ')}`);
    err(USAGE);
    return 2;
  }
  const result = checkDir(contentDir(env), err);
  if (result === 'usage') return 2;
  report(result, contentDir(env), out, err);
  return hasErrors(result) ? 1 : 0;
}

export function checkDir(dir: string, err: Print): ContentIssue[] | 'usage' {
  try {
    return loadContract(dir).issues;
  } catch (e) {
    if (e instanceof ContentDirError) {
      err(`${e.message} (CONTENT_DIR=${dir})`);
      return 'usage';
    }
    throw e;
  }
}

export function report(issues: readonly ContentIssue[], dir: string, out: Print, err: Print): void {
  if (issues.length > 0) (hasErrors(issues) ? err : out)(formatIssues(issues, { base: dir }));
  (hasErrors(issues) ? err : out)(`${dir} : ${summarize(issues)}`);
}
