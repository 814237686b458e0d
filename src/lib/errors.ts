/**
 * Typed errors of the commands: what went wrong carries its exit code, so
 * functions throw instead of passing codes around, and one handler
 * (scripts/lib/cli.ts) prints the message and exits with it. None is a
 * bug: a bug keeps its stack trace.
 */
import { formatIssues, type ContentIssue } from './model/index.ts';

export class CliError extends Error {
  readonly exitCode: number;
  // No parameter property: Node runs this file by stripping its types, which does not rewrite them.
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The command was called wrongly (argument, folder, option): exit 2. */
export class UsageError extends CliError {
  override name = 'Erreur d’utilisation';
  constructor(message: string) {
    super(message, 2);
  }
}

/** The contract has errors: exit 1, with every located issue. */
export class ContentError extends CliError {
  override name = 'Erreur de contenu';
  readonly issues: ContentIssue[];
  constructor(issues: readonly ContentIssue[], base?: string) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(`Le contrat contient ${errors.length} erreur${errors.length > 1 ? 's' : ''} :\n${formatIssues(errors, base ? { base } : {})}`, 1);
    this.issues = errors;
  }
}
