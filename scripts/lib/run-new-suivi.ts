/** `npm run new -- engagement ID` and `npm run new -- suivi FICHE ANNEE` (src/lib/scaffold-suivi.ts). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentDir, loadContract } from '../../src/lib/contract.ts';
import { UsageError } from '../../src/lib/errors.ts';
import { addEngagement, addSuiviYear, engagementEntry, type Edit } from '../../src/lib/scaffold-suivi.ts';
import { targetPath } from '../../src/lib/scaffold.ts';
import type { Print } from './cli.ts';
import { schemaRef, USAGE } from './run-new.ts';

export function newEngagement(id: string, rest: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  if (rest.length > 0) throw new UsageError(USAGE);
  const dir = contentDir(env);
  const file = join(dir, 'suivi', 'engagements.yaml');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const { contract } = existsSync(dir) ? loadContract(dir) : { contract: undefined };
  const header = `# yaml-language-server: $schema=${schemaRef(file, 'engagements')}\n`;
  const done = write(file, addEngagement(existing, id, engagementEntry(id, contract), header), err);
  if (done) out(`${existing === undefined ? 'Créé' : 'Ajouté'} : engagement « ${id} » dans ${file}`);
  return done ? 0 : 1;
}

export function newSuiviYear(fiche: string, rest: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  const [year, ...extra] = rest;
  if (!year || extra.length > 0 || !/^\d{4}$/.test(year)) throw new UsageError(`npm run new -- suivi FICHE ANNEE : l’année s’écrit sur quatre chiffres\n${USAGE}`);
  const file = join(contentDir(env), targetPath('fiche', fiche));
  if (!existsSync(file)) {
    err(`${file} n’existe pas : pas de fiche « ${fiche} ».`);
    return 1;
  }
  const done = write(file, addSuiviYear(readFileSync(file, 'utf8'), Number(year)), err);
  if (done) out(`Ajouté : suivi ${year} dans ${file}`);
  return done ? 0 : 1;
}

function write(file: string, edit: Edit, err: Print): boolean {
  if (!edit.ok) {
    err(`${file} : ${edit.message}.`);
    return false;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, edit.text);
  return true;
}
