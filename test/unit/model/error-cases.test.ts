/**
 * One folder per kind of content error under test/fixtures/errors/: the
 * minimal contract with an overlay, and `expected.txt`, the exact report.
 * A changed report is written to test/.output/ for diffing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContract, formatIssues } from '../../../src/lib/model/index.ts';
import { errorCaseFiles, FIXTURES } from '../../helpers/fixtures.ts';

const ERRORS = join(FIXTURES, 'errors');
const cases = readdirSync(ERRORS).sort();

describe('content error reports', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(20));
  for (const name of cases) {
    it(name, () => {
      const result = buildContract(errorCaseFiles(join(ERRORS, name)));
      const actual = `${formatIssues(result.issues)}\n`;
      const expected = readFileSync(join(ERRORS, name, 'expected.txt'), 'utf8');
      if (actual !== expected) {
        const out = join(import.meta.dirname, '..', '..', '.output', 'errors');
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, `${name}.txt`), actual);
      }
      expect(actual).toBe(expected);
      const hasError = result.issues.some((i) => i.severity === 'error');
      expect(result.contract === undefined).toBe(hasError);
    });
  }
});
