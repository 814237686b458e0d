/**
 * The contract model: files (plain data) → parsed and validated → resolved
 * and numbered. The only entry point the site, the print documents and the
 * scripts use.
 */
import { dedupeIssues, sortIssues, type ContentIssue } from './issues.ts';
import { parseContractFiles, type ParseCache } from './parse-files.ts';
import { resolveContract } from './resolve.ts';
import type { SourceFile } from './source.ts';
import type { Contract } from './types.ts';

export interface ModelResult {
  /** Present when there is no error (warnings allowed). */
  contract?: Contract;
  issues: ContentIssue[];
}

/** `cache`: kept by the caller between builds of the same contract (the live preview), see ParseCache. */
export function buildContract(files: readonly SourceFile[], cache?: ParseCache): ModelResult {
  const { parsed, issues: parseIssues } = parseContractFiles(files, cache);
  const { contract, issues: resolveIssues } = resolveContract(parsed);
  const issues = sortIssues(dedupeIssues([...parseIssues, ...resolveIssues]));
  const failed = issues.some((i) => i.severity === 'error');
  return failed || !contract ? { issues } : { contract, issues };
}

export type * from './types.ts';
export type { ContentIssue } from './issues.ts';
export { formatIssue, formatIssues, hasErrors, summarize } from './issues.ts';
export type { SourceFile } from './source.ts';
export type { ParseCache } from './parse-files.ts';
