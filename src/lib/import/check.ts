/**
 * The contract as it would be after the import, checked in memory before
 * anything is written: an import may not bring errors the contract did not
 * have (a territory id unknown to it, an indicator left with only nulls…).
 */
import { buildContract, type ContentIssue } from '../model/index.ts';
import type { SourceFile } from '../model/source.ts';
import type { FileChange } from './plan.ts';

export interface ChangeCheck {
  /** Errors of the would-be contract that the current one does not have. */
  newErrors: ContentIssue[];
  /** All issues of the would-be contract. */
  issues: ContentIssue[];
}

export function withChanges(files: readonly SourceFile[], changes: readonly FileChange[]): SourceFile[] {
  const map = new Map(files.map((f) => [f.path, f]));
  for (const c of changes) {
    const bytes = new TextEncoder().encode(c.after);
    map.set(c.path, { path: c.path, size: bytes.length, bytes });
  }
  return [...map.values()];
}

export function checkChanges(files: readonly SourceFile[], changes: readonly FileChange[]): ChangeCheck {
  // Line numbers move in an edited file: compare errors by what they say and where, not by line.
  const key = (i: ContentIssue) => `${i.file}|${i.path}|${i.message}`;
  const before = new Set(buildContract(files).issues.filter((i) => i.severity === 'error').map(key));
  const { issues } = buildContract(withChanges(files, changes));
  return { newErrors: issues.filter((i) => i.severity === 'error' && !before.has(key(i))), issues };
}
