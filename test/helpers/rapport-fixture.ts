/**
 * The annual report's test contract (test/fixtures/rapport-annuel/): the
 * second fixture contract with the reports' folder and, in some fiches, a
 * yearly suivi written into their front matter.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FIXTURES } from './fixtures.ts';

export const RAPPORT_FIXTURE = join(FIXTURES, 'rapport-annuel');

/** Writes the contract into `dir` (which must not exist). */
export function writeRapportContract(dir: string): void {
  cpSync(join(FIXTURES, 'autre-contrat'), dir, { recursive: true });
  cpSync(join(RAPPORT_FIXTURE, 'rapports'), join(dir, 'rapports'), { recursive: true });
  const suivis = parse(readFileSync(join(RAPPORT_FIXTURE, 'suivi.yaml'), 'utf8')) as Record<string, unknown>;
  for (const [fiche, suivi] of Object.entries(suivis)) {
    const file = join(dir, 'cahier-2', 'fiches', `${fiche}.md`);
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    writeFileSync(file, `${text.slice(0, end)}\n${stringify({ suivi })}${text.slice(end + 1)}`);
  }
}
