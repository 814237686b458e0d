import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { contentDir, loadContract } from '../../src/lib/contract.ts';
import { UsageError } from '../../src/lib/errors.ts';
import { prepareImport, type ImportOptions, type Layout } from '../../src/lib/import/index.ts';
import { describeColumns } from '../../src/lib/import/programmation/index.ts';
import { lineDiff } from '../../src/lib/import/line-diff.ts';
import { isYear } from '../../src/lib/import/numbers.ts';
import { INSEE_VARIABLES, parseVariables } from '../../src/lib/import/variables.ts';
import { formatIssues, hasErrors, summarize, type SourceFile } from '../../src/lib/model/index.ts';
import { ID_PATTERN } from '../../src/lib/model/schemas/common.ts';

const DEFAULT_VARIABLES = Object.entries(INSEE_VARIABLES)
  .map(([name, v]) => `${name}=${v.id}`)
  .join(', ');

export const USAGE = `Usage : npm run import -- FICHIER [options]
Importe un fichier CSV ou XLSX dans le contrat du dossier CONTENT_DIR (par
défaut « content ») : des valeurs d’indicateurs dans cahier-1/indicateurs/<id>.yaml
(créé, ou complété des nouvelles années), ou une programmation annuelle dans le
suivi des fiches (cahier-2/fiches/<id>.md), sans toucher au reste des fichiers.

Trois dispositions, reconnues d’après l’en-tête :
  extrait Insee  code_qp (ou codgeo), puis une colonne par variable (pop_mun, tp60…)
  format long    territoire, annee, indicateur, valeur : une ligne par valeur
  programmation  une ligne par action et financeur : Fiche (identifiant ou titre)
                 ou Action / Intitulé, Financeur, Montant programmé, Engagé,
                 Payé (ou Réalisé, Versé), N° dossier ; avec --annee, ou une
                 colonne Année (ou Exercice). Elle remplace, pour chaque fiche
                 nommée, les financements et les dossiers de l’année
                 (colonnes reconnues : docs/suivi.md).
Indicateurs : les territoires sont désignés par leur code (clé « code » de
territoires.yaml et des quartiers) ou leur identifiant ; s, nd, n.d., secret ou
une cellule vide : secret statistique (null).

Options :
  --annee AAAA          année des données (obligatoire pour un extrait Insee ou une
                        programmation sans colonne année ; sinon, n’importe que
                        cette année)
  --source TEXTE        source d’un nouvel indicateur, ex. "Insee, Filosofi 2013"
                        (obligatoire pour créer un fichier ; un fichier existant garde la sienne)
  --variables COL=ID,…  colonnes importées et indicateurs qu’elles alimentent ;
                        par défaut : ${DEFAULT_VARIABLES}
  --indicateur ID       n’importe que cet indicateur
  --theme TEXTE         thème d’un nouvel indicateur
  --titre TEXTE, --unite TEXTE
                        titre et unité d’un nouvel indicateur qui n’est pas une variable Insee connue
  --dry-run             affiche ce qui changerait, sans rien écrire
Codes de sortie : 0 import fait, 1 erreurs dans le fichier ou le contrat (rien
n’est écrit), 2 erreur d’utilisation.`;

import { handleCliAsync, type Print } from './cli.ts';

export type { Print } from './cli.ts';

interface Args {
  file: string;
  options: ImportOptions;
  dryRun: boolean;
}

/** Reads the input and the contract, prepares the import, writes it unless refused; returns the exit code. */
export function runImport(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): Promise<number> {
  return handleCliAsync(() => importFile(args, env, out, err), err);
}

async function importFile(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): Promise<number> {
  const parsed = parseCommandLine(args);
  if (parsed === 'help') {
    out(USAGE);
    return 0;
  }
  if (typeof parsed === 'string') throw usage(parsed);
  const { file, options, dryRun } = parsed;

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw usage(code === 'EISDIR' ? `${file} est un dossier, pas un fichier` : `fichier introuvable ou illisible : ${file}`);
  }
  const dir = contentDir(env);
  const files: SourceFile[] = readContentFiles(dir);

  const outcome = await prepareImport({ file, bytes, files, options });
  switch (outcome.status) {
    case 'usage':
      throw usage(outcome.message);
    case 'input':
      err(formatIssues(outcome.issues));
      err(`${file} : ${summarize(outcome.issues)} Rien n’a été écrit.`);
      return 1;
    case 'refused':
      err(formatIssues(outcome.errors, { base: dir }));
      err(`${dir} : l’import y ajouterait ${outcome.errors.length > 1 ? `${outcome.errors.length} erreurs` : 'une erreur'}. Rien n’a été écrit.`);
      return 1;
  }

  const { table, layout, ignored, skipped, changes, unchanged } = outcome;
  out(`${file} : ${table.description}, ${LAYOUT_NAMES[layout.kind]}`);
  if (layout.kind === 'programmation') out(`colonnes lues : ${describeColumns(layout)}`);
  if (ignored.length > 0) out(`colonnes ignorées : ${ignored.join(', ')}`);
  if (skipped && skipped.length > 0) out(`${skipped.length > 1 ? 'lignes ignorées' : 'ligne ignorée'} (titre, total ou ligne sans montant ni financeur) : ${skipped.join(', ')}`);
  for (const change of changes) for (const line of change.summary) out(`${line.startsWith(' ') ? '' : `${dir}/`}${line}`);
  for (const path of unchanged) out(`${dir}/${path} : inchangé`);

  if (dryRun) {
    for (const change of changes) {
      out('');
      out(`--- ${dir}/${change.path}${change.before === undefined ? ' (nouveau)' : ''}`);
      for (const line of change.before === undefined ? change.after.trimEnd().split('\n') : lineDiff(change.before, change.after)) out(line);
    }
    out('');
    out('--dry-run : rien n’a été écrit.');
    return 0;
  }

  for (const change of changes) writeAtomically(join(dir, change.path), change.after);
  // What is on disk now, checked as `npm run check` would.
  const issues = loadContract(dir).issues;
  const written = new Set(changes.map((c) => c.path));
  const concerned = issues.filter((i) => written.has(i.file));
  if (concerned.length > 0) (hasErrors(concerned) ? err : out)(formatIssues(concerned, { base: dir }));
  (hasErrors(issues) ? err : out)(`${dir} : ${summarize(issues)}`);
  return hasErrors(issues) ? 1 : 0;
}

const LAYOUT_NAMES: Record<Layout['kind'], string> = {
  wide: 'extrait par territoire (une colonne par variable)',
  long: 'format long (une ligne par valeur)',
  programmation: 'programmation (une ligne par action et financeur)',
};

function usage(message: string): UsageError {
  return new UsageError(`${message}\nAide : npm run import -- --help`);
}

function parseCommandLine(args: readonly string[]): Args | 'help' | string {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        annee: { type: 'string' },
        source: { type: 'string' },
        variables: { type: 'string' },
        indicateur: { type: 'string' },
        theme: { type: 'string' },
        titre: { type: 'string' },
        unite: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    const option = /'([^']+)'/.exec(e instanceof Error ? e.message : '')?.[1] ?? '';
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `option inconnue : ${option}`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `valeur manquante ou inattendue pour l’option ${option.split(' ')[0]}`;
    return `arguments invalides : ${args.join(' ')}`;
  }
  if (values['help']) return 'help';
  if (positionals.length === 0) return 'fichier à importer manquant';
  if (positionals.length > 1) return `un seul fichier à la fois (reçu : ${positionals.join(', ')})`;
  const text = (name: string) => {
    const v = values[name];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const options: ImportOptions = {};
  const annee = text('annee');
  if (annee !== undefined) {
    if (!/^\d{4}$/.test(annee) || !isYear(Number(annee))) return `--annee : année sur quatre chiffres attendue, reçu « ${annee} »`;
    options.annee = Number(annee);
  }
  const variables = text('variables');
  if (variables !== undefined) {
    const v = parseVariables(variables);
    if (!v.ok) return v.message;
    options.variables = v.map;
  }
  const indicateur = text('indicateur');
  if (indicateur !== undefined) {
    if (!ID_PATTERN.test(indicateur)) return `--indicateur : identifiant invalide « ${indicateur} » (minuscules sans accent, chiffres et « - »)`;
    options.indicateur = indicateur;
  }
  for (const name of ['source', 'theme', 'titre', 'unite'] as const) {
    const v = text(name);
    if (v !== undefined) options[name] = v;
  }
  return { file: positionals[0]!, options, dryRun: values['dry-run'] === true };
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  // A dot-file: the contract reader skips it should the process die before the rename.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
