/**
 * `npm run new -- rapport ANNEE` and `npm run new -- avis ANNEE ID`: an
 * annual report's folder (rapport.yaml and the chapters a report usually
 * has) and one opinion on it, from templates/. What the author must supply
 * is left « à compléter », so both pass the check with warnings.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { contentDir, loadContract } from '../../src/lib/contract.ts';
import { consultedBodies } from '../../src/lib/model/consultation.ts';
import type { Contract } from '../../src/lib/model/index.ts';
import { fill, schemaRef, validId } from '../../src/lib/scaffold.ts';
import { UsageError } from '../../src/lib/errors.ts';
import type { Print } from './cli.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TEMPLATES = join(ROOT, 'templates');

export const RAPPORT_USAGE = `        npm run new -- rapport ANNEE         (dossier rapports/ANNEE/ : rapport.yaml, faits marquants, perspectives)
        npm run new -- avis ANNEE IDENTIFIANT (un avis reçu ; IDENTIFIANT d’un quartier prioritaire ou d’une commune : l’en-tête est prérempli)`;

export function newRapport(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  const [year, ...rest] = args;
  if (!year || rest.length > 0) throw new UsageError(RAPPORT_USAGE.trimStart());
  const dir = contentDir(env);
  const contract = contractOf(dir);
  checkYear(year, contract);
  const folder = join(dir, 'rapports', year);
  if (existsSync(folder)) {
    err(`${folder} existe déjà : rien n’a été écrit.`);
    return 1;
  }
  cpSync(join(TEMPLATES, 'rapport'), folder, { recursive: true });
  const written: string[] = [];
  for (const rel of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = join(folder, rel);
    if (!/\.(yaml|md)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8').replace(/\{\{schema:([a-z]+)\}\}/g, (_m, kind: string) => schemaRef(file, kind));
    writeFileSync(file, fill(text, { annee: year, suivante: String(Number(year) + 1) }));
    written.push(file);
  }
  written.forEach((f) => out(`Créé : ${f}`));
  return 0;
}

export function newAvis(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  const [year, id, ...rest] = args;
  if (!year || !id || rest.length > 0) throw new UsageError(RAPPORT_USAGE.trimStart());
  if (!validId(id)) throw new UsageError(`Identifiant invalide « ${id} » : minuscules sans accent, chiffres et « - » seulement (il devient le nom du fichier).`);
  const dir = contentDir(env);
  const contract = contractOf(dir);
  checkYear(year, contract);
  const rapport = contract.rapports.find((r) => String(r.annee) === year);
  if (!rapport) throw new UsageError(`Pas de rapport ${year} dans ${dir} : créez-le d’abord (npm run new -- rapport ${year}).`);
  if (rapport.etat === 'projet') throw new UsageError(`Le rapport ${year} est à l’état projet : passez-le à « etat: consultation », avec la date d’envoi aux instances, avant d’y ajouter des avis.`);
  const file = join(dir, 'rapports', year, 'avis', `${id}.md`);
  if (existsSync(file)) {
    err(`${file} existe déjà : rien n’a été écrit.`);
    return 1;
  }
  const body = consultedBodies(contract.quartiers, contract.territoires).find((b) => b.territoire === id);
  const values = body
    ? { instance: body.instance, type: body.type, territoire: `${body.type === 'conseil-citoyen' ? 'quartier' : 'commune'}: ${id}\n` }
    : { instance: 'à compléter', type: 'autre', territoire: '' };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, fill(readFileSync(join(TEMPLATES, 'avis.md'), 'utf8'), values), { flag: 'wx' });
  out(`Créé : ${file}`);
  return 0;
}

function contractOf(dir: string): Contract {
  const { contract } = existsSync(dir) ? loadContract(dir) : { contract: undefined };
  if (!contract) throw new UsageError(`Le contrat de ${dir} est introuvable ou contient des erreurs : lancez npm run check.`);
  return contract;
}

function checkYear(year: string, contract: Contract): void {
  const { debut, fin } = contract.contrat.periode;
  if (!/^\d{4}$/.test(year)) throw new UsageError(`Année invalide « ${year} » : quatre chiffres, l’année sur laquelle porte le rapport.`);
  if (Number(year) < debut || Number(year) > fin) throw new UsageError(`Année ${year} hors de la période du contrat (${debut}-${fin}).`);
}
