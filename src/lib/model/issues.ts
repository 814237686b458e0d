/**
 * A problem found in the content, located in its file. Every check of the
 * model reports these; one formatter prints them for the terminal, the dev
 * overlay and the tests.
 */
import type { RuleId } from './rules.ts';

export type { RuleId } from './rules.ts';
export type Severity = 'error' | 'warning';

export interface ContentIssue {
  severity: Severity;
  /** Path relative to the contract folder, with `/` separators. */
  file: string;
  /** 1-based line and column of the offending value itself. */
  line: number;
  column: number;
  /** Key path inside the file, e.g. `budget.financements[2].montant`; empty for the file as a whole. */
  path: string;
  message: string;
  hint?: string;
  /** Stable id of the rule, documented in docs/erreurs.md under that id. */
  rule: RuleId;
}

/** Where an issue points, before severity and wording are added. */
export interface Location {
  file: string;
  line: number;
  column: number;
  path: string;
}

export function issueAt(
  rule: RuleId,
  at: Location,
  message: string,
  hint?: string,
  severity: Severity = 'error',
): ContentIssue {
  return { severity, ...at, message, ...(hint ? { hint } : {}), rule };
}

/** The same rule as a warning: reported, the build goes on. */
export function warningAt(rule: RuleId, at: Location, message: string, hint?: string): ContentIssue {
  return issueAt(rule, at, message, hint, 'warning');
}

/** Errors first, then by file, line, column, message: the order a reader fixes them in. */
export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  const rank = (s: Severity) => (s === 'error' ? 0 : 1);
  return [...issues].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.path, b.path) ||
      compareText(a.message, b.message),
  );
}

/** Same issue reported twice (e.g. by two passes) is printed once. */
export function dedupeIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.severity}|${i.file}|${i.line}|${i.column}|${i.path}|${i.message}|${i.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface FormatOptions {
  /** Prefix of the file paths as the user typed them, e.g. `content`, so the terminal links open. */
  base?: string;
}

/** `file:line:column  key.path  message [rule]`, then the hint indented below it. */
export function formatIssue(issue: ContentIssue, options: FormatOptions = {}): string {
  const file = options.base ? `${options.base.replace(/\/+$/, '')}/${issue.file}` : issue.file;
  const label = issue.severity === 'error' ? 'erreur' : 'avertissement';
  const head = [`${file}:${issue.line}:${issue.column}`, issue.path, `${label} : ${issue.message} [${issue.rule}]`]
    .filter((part) => part !== '')
    .join('  ');
  return issue.hint ? `${head}\n    ↳ ${issue.hint}` : head;
}

export function formatIssues(issues: readonly ContentIssue[], options: FormatOptions = {}): string {
  return sortIssues(issues)
    .map((i) => formatIssue(i, options))
    .join('\n');
}

export function summarize(issues: readonly ContentIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  if (issues.length === 0) return 'Aucune erreur, aucun avertissement.';
  return `${plural(errors, 'erreur')}, ${plural(warnings, 'avertissement')}.`;
}

export function hasErrors(issues: readonly ContentIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
