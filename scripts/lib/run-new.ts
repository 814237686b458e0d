import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { contentDir, loadContract } from '../../src/lib/contract.ts';
import { formatIssues, hasErrors } from '../../src/lib/model/index.ts';
import { fill, placeholderValues, SCAFFOLD_KINDS, schemaRef, targetPath, validId, type ScaffoldKind } from '../../src/lib/scaffold.ts';
import { toId } from '../../src/lib/model/ids.ts';
import type { Chapitre } from '../../src/lib/model/index.ts';
import { UsageError } from '../../src/lib/errors.ts';
import { handleCli, type Print } from './cli.ts';
import { newEngagement, newSuiviYear } from './run-new-suivi.ts';
import { newAvis, newRapport, RAPPORT_USAGE } from './run-new-rapport.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TEMPLATES = join(ROOT, 'templates');

export const USAGE = `Usage : npm run new -- TYPE IDENTIFIANT   (TYPE : ${SCAFFOLD_KINDS.join(', ')} ; chapitre accepte --cahier 2 et --ordre N)
        npm run new -- engagement IDENTIFIANT   (ajouté à suivi/engagements.yaml, créé au besoin)
        npm run new -- suivi FICHE ANNEE        (ajoute l’année au suivi de la fiche)
        npm run new -- contrat DOSSIER
${RAPPORT_USAGE}
Crée le fichier à partir de templates/, dans le contrat de CONTENT_DIR (par défaut « content ») ; n’écrase jamais un fichier existant.`;

export function runNew(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  return handleCli(() => scaffold(args, env, out, err), err);
}

function scaffold(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): number {
  const [kind, name, ...rest] = args;
  if (kind === 'rapport') return newRapport(args.slice(1), env, out, err);
  if (kind === 'avis') return newAvis(args.slice(1), env, out, err);
  const followUp = kind === 'engagement' || kind === 'suivi';
  if (!kind || !name || (kind !== 'contrat' && !followUp && !(SCAFFOLD_KINDS as readonly string[]).includes(kind))) throw new UsageError(USAGE);
  if (kind === 'contrat') return newContract(name, rest.length > 0, out, err);
  if (!validId(name)) {
    const proposed = toId(name);
    throw new UsageError(`Identifiant invalide « ${name} » : minuscules sans accent, chiffres et « - » seulement (il devient le nom du fichier)${proposed ? ` ; proposé : ${proposed}` : ''}.`);
  }
  if (kind === 'engagement') return newEngagement(name, rest, env, out, err);
  if (kind === 'suivi') return newSuiviYear(name, rest, env, out, err);
  const cahier = option(rest, '--cahier') === '2' ? 2 : 1;
  const ordre = option(rest, '--ordre');
  if (ordre !== undefined && (kind !== 'chapitre' || !/^\d+(\.\d+)?$/.test(ordre))) throw new UsageError(`--ordre prend un nombre, pour un chapitre seulement\n${USAGE}`);
  const dir = contentDir(env);
  const path = targetPath(kind as ScaffoldKind, name, cahier);
  const file = join(dir, path);
  if (existsSync(file)) {
    err(`${file} existe déjà : rien n’a été écrit.`);
    return 1;
  }
  const { contract } = existsSync(dir) ? loadContract(dir) : { contract: undefined };
  const chapters = contract ? (cahier === 1 ? contract.cahier1 : contract.cahier2) : [];
  const order = ordre !== undefined ? Number(ordre) : chapters.reduce((m, c) => Math.max(m, c.ordre), 0) + 1;
  if (kind === 'chapitre') chapterOrder(chapters, order, ordre !== undefined, cahier).forEach((line) => out(line));
  const values = { ...placeholderValues(name, contract, order), schema: schemaRef(file, kind) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, fill(readFileSync(join(TEMPLATES, templateName(kind as ScaffoldKind)), 'utf8'), values), { flag: 'wx' });
  out(`Créé : ${file}`);
  return 0;
}

/** `--cahier 2` → '2'. */
function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : (args[i + 1] ?? '');
}

/** The cahier's chapters with their `ordre`, and where the new one goes: what the author needs to place it. */
export function chapterOrder(chapters: readonly Chapitre[], order: number, chosen: boolean, cahier: 1 | 2): string[] {
  const roman = cahier === 1 ? 'I' : 'II';
  const list = chapters.length === 0 ? [`Le cahier ${roman} n’a pas encore de chapitre.`] : [`Chapitres du cahier ${roman} (ordre, fichier, titre) :`, ...chapters.map((c) => `  ${c.ordre}  ${c.slug}  ${c.titre}`)];
  const tie = chapters.filter((c) => c.ordre === order).map((c) => c.slug);
  const place = chosen
    ? `Le nouveau chapitre prend l’ordre ${order}${tie.length ? ` ; ${tie.join(', ')} ${tie.length > 1 ? 'ont' : 'a'} le même : à égalité, l’ordre alphabétique des fichiers décide` : ''}.`
    : `Le nouveau chapitre prend l’ordre ${order}, après les autres ; pour un autre rang : --ordre N (un nombre décimal, 2.5, le place entre 2 et 3).`;
  return [...list, place];
}

function templateName(kind: ScaffoldKind): string {
  return kind === 'indicateur' || kind === 'afom' ? `${kind}.yaml` : `${kind}.md`;
}

/** For the other scaffolds' `yaml-language-server` line. */
export { schemaRef };

function newContract(dir: string, extra: boolean, out: Print, err: Print): number {
  if (extra) throw new UsageError(USAGE);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    err(`${dir} existe déjà et n’est pas vide : rien n’a été écrit.`);
    return 1;
  }
  const year = new Date().getFullYear();
  const source = join(TEMPLATES, 'contrat');
  cpSync(source, dir, { recursive: true });
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = join(dir, rel);
    if (!/\.(ya?ml|md)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8').replace(/\{\{schema:([a-z]+)\}\}/g, (_m, kind: string) => schemaRef(file, kind));
    writeFileSync(file, fill(text, { nom: 'l’agglomération', debut: String(year), fin: String(year + 6), date: `${year}-01-01` }));
  }
  const { issues } = loadContract(dir);
  if (hasErrors(issues)) {
    err(formatIssues(issues, { base: dir }));
    return 1;
  }
  out(`Contrat créé dans ${dir}/ : CONTENT_DIR=${dir} npm run check, puis npm run dev.`);
  return 0;
}
