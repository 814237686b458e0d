/**
 * The annual report's test contract (test/fixtures/rapport-annuel/): the
 * second fixture contract with the reports' folder and, in some fiches, a
 * yearly suivi written into their front matter.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { FIXTURES } from './fixtures.ts';

export const RAPPORT_FIXTURE = join(FIXTURES, 'rapport-annuel');

/** Writes the contract into `dir` (which must not exist): the fixture's reports replace any of the contract's, its suivi any written in those fiches. */
export function writeRapportContract(dir: string): void {
  cpSync(join(FIXTURES, 'autre-contrat'), dir, { recursive: true });
  rmSync(join(dir, 'rapports'), { recursive: true, force: true });
  cpSync(join(RAPPORT_FIXTURE, 'rapports'), join(dir, 'rapports'), { recursive: true });
  const suivis = parse(readFileSync(join(RAPPORT_FIXTURE, 'suivi.yaml'), 'utf8')) as Record<string, unknown>;
  for (const [fiche, suivi] of Object.entries(suivis)) {
    const file = join(dir, 'cahier-2', 'fiches', `${fiche}.md`);
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    const front = parseDocument(text.slice(4, end + 1));
    front.set('suivi', suivi);
    writeFileSync(file, `---\n${front.toString()}${text.slice(end + 1)}`);
  }
}
