/**
 * rapports/<annee>/rapport.yaml: the annual report on the politique de la
 * ville, its state and dates; the chapters and opinions of its folder are
 * folded into it. Its rules follow the procedure (FORMAT-SUIVI « The annual
 * report »): a month of consultation at least, opinions dated within it,
 * and every consulted body answering.
 */
import { addMonths, avisTerritoire, consultationFin, consultedBodies, reportDate } from '../consultation.ts';
import { issueAt, warningAt, type ContentIssue } from '../issues.ts';
import type { Entry } from '../parse-files.ts';
import { rapportSchema, type EtatRapport, type RapportInput } from '../schemas/rapport.ts';
import { formatDate } from '../../format.ts';
import { avis, type Avis } from './avis.ts';
import { contrat } from './contrat.ts';
import { defineKind, placePath, type AnyKind, type ResolveContext } from './kind.ts';
import { quartier } from './quartier.ts';
import { rapportChapitre, type RapportChapitre } from './rapport-chapitre.ts';
import { territoires } from './territoires.ts';

export interface Rapport {
  annee: number;
  etat: EtatRapport;
  /** The report's date (consultation.ts `reportDate`); undefined while a scaffold's « à compléter » stands. */
  date?: string;
  /** `fin` given its default, one calendar month after `debut`. */
  consultation?: { debut: string; fin: string };
  deliberation?: NonNullable<RapportInput['deliberation']>;
  /** In `ordre`, then file name. */
  chapitres: RapportChapitre[];
  /** By date, then file name. */
  avis: Avis[];
}

/** What each state requires, besides `annee` and `etat`. */
const REQUIRED: Record<EtatRapport, (keyof RapportInput)[]> = {
  projet: ['date'],
  consultation: ['consultation'],
  adopte: ['consultation', 'deliberation'],
};

export const rapport = defineKind({
  name: 'rapport',
  place: 'rapports/*/rapport.yaml',
  schema: rapportSchema,
  editor: 'rapports/<annee>/rapport.yaml : état et dates du rapport annuel',
  key: 'rapports',
  resolve(entries, ctx): Rapport[] {
    reportFoldersWithout(entries, ctx);
    const chapitres = ctx.output(rapportChapitre);
    const opinions = ctx.output(avis);
    const avisEntries = new Map(ctx.entries(avis).map((e) => [e.file, e]));
    return entries
      .map((e): Rapport => {
        const v = e.value;
        checkRapport(e, ctx);
        const consultation = v.consultation ? { debut: v.consultation.debut, fin: consultationFin(v.consultation) } : undefined;
        const folder = e.folders[0]!;
        const own = opinions.filter((a) => a.dossier === folder);
        for (const a of own) checkAvisDate(a, avisEntries.get(a.body.file)!, e.value, consultation, ctx);
        const date = reportDate(v);
        return {
          annee: v.annee,
          etat: v.etat,
          ...(date !== undefined ? { date } : {}),
          ...(consultation ? { consultation } : {}),
          ...(v.deliberation ? { deliberation: v.deliberation } : {}),
          chapitres: chapitres.filter((c) => c.dossier === folder).sort((a, b) => a.ordre - b.ordre || (a.slug < b.slug ? -1 : 1)),
          avis: own.sort(byDate),
        };
      })
      .sort((a, b) => a.annee - b.annee);
  },
  check(entries, ctx) {
    if (ctx.failed(avis) || ctx.failed(quartier) || ctx.failed(territoires)) return [];
    const bodies = consultedBodies(ctx.output(quartier), ctx.output(territoires));
    const opinions = ctx.output(avis);
    return entries.flatMap((e): ContentIssue[] => {
      const v = e.value;
      if (v.etat === 'projet' || !v.consultation) return [];
      const own = opinions.filter((a) => a.dossier === e.folders[0]).sort(byDate);
      const at = e.yaml.locate(['consultation'], 'key');
      const fin = formatDate(consultationFin(v.consultation));
      const missing = bodies
        .filter((b) => !own.some((a) => a.type === b.type && avisTerritoire(a) === b.territoire))
        .map((b) =>
          warningAt(
            'avis-manquant',
            at,
            `aucun avis du ${b.instance.charAt(0).toLowerCase()}${b.instance.slice(1)}`,
            `ajoutez son avis dans ${e.file.replace(/rapport\.yaml$/, 'avis/')} ; sans réponse au ${fin}, il est réputé favorable`,
          ),
        );
      const seen = new Map<string, Avis>();
      const doubles = own.flatMap((a) => {
        const key = `${a.type}|${avisTerritoire(a) ?? ''}`;
        const first = seen.get(key);
        if (avisTerritoire(a) === undefined || !first) return void seen.set(key, a), [];
        return [warningAt('avis-double', ctx.locateFile(a.body.file), `deuxième avis de la même instance, après celui de ${first.body.file}`, 'gardez un seul avis par instance consultée, le dernier rendu')];
      });
      return [...missing, ...doubles];
    });
  },
});

/** By date (an opinion still « à compléter » last), then file name. */
function byDate(a: Avis, b: Avis): number {
  const da = a.date ?? '9999';
  const db = b.date ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function checkRapport(e: Entry<RapportInput>, ctx: ResolveContext): void {
  const v = e.value;
  const y = e.yaml;
  const folder = e.folders[0]!;
  if (String(v.annee) !== folder)
    ctx.report(issueAt('rapport-annee', y.locate(['annee']), `l’année ${v.annee} diffère du nom du dossier « ${folder} »`, `renommez le dossier rapports/${v.annee}/, ou corrigez annee`));
  const periode = ctx.entries(contrat)[0]?.value.periode;
  if (periode && (v.annee < periode.debut || v.annee > periode.fin))
    ctx.report(issueAt('calendrier-periode', y.locate(['annee']), `année ${v.annee} hors de la période du contrat (${periode.debut}-${periode.fin})`, 'un rapport annuel porte sur une année de la période de contrat.yaml'));
  for (const key of REQUIRED[v.etat]) {
    // `date: à compléter` is written: its own warning says so.
    if (v[key] === undefined && !(key === 'date' && 'date' in (y.data as object)))
      ctx.report(issueAt('cle-manquante', y.locate([key]), `clé obligatoire manquante à l’état « ${v.etat} »`, HINTS[key]));
  }
  const c = v.consultation;
  if (c?.fin !== undefined) {
    if (c.fin < c.debut) ctx.report(issueAt('consultation-dates', y.locate(['consultation', 'fin']), `fin de la consultation (${formatDate(c.fin)}) antérieure à son début (${formatDate(c.debut)})`));
    else if (c.fin < addMonths(c.debut, 1))
      ctx.report(warningAt('consultation-courte', y.locate(['consultation', 'fin']), `consultation de moins d’un mois : du ${formatDate(c.debut)} au ${formatDate(c.fin)}`, `les instances consultées ont un mois au moins : jusqu’au ${formatDate(addMonths(c.debut, 1))}`));
  }
  if (c && v.deliberation && (c.fin === undefined || c.fin >= c.debut)) {
    const fin = consultationFin(c);
    if (v.deliberation.date < fin)
      ctx.report(warningAt('deliberation-date', y.locate(['deliberation', 'date']), `délibération du ${formatDate(v.deliberation.date)}, avant la fin de la consultation (${formatDate(fin)})`, 'les instances consultées ont jusqu’à la fin de la consultation pour rendre leur avis'));
  }
}

const HINTS: Partial<Record<keyof RapportInput, string>> = {
  date: 'ajoutez « date: AAAA-MM-JJ », la date de cette version du projet',
  consultation: 'ajoutez « consultation: {debut: AAAA-MM-JJ} » (la fin vaut par défaut un mois après)',
  deliberation: 'ajoutez « deliberation: {instance: Conseil communautaire, date: AAAA-MM-JJ} »',
};

function checkAvisDate(a: Avis, e: Entry<unknown>, v: RapportInput, consultation: { debut: string } | undefined, ctx: ResolveContext): void {
  const at = e.yaml.locate(['date']);
  if (v.etat === 'projet') return ctx.report(issueAt('avis-date', at, 'avis sur un rapport qui n’est pas encore soumis à avis (etat: projet)', 'passez le rapport à « etat: consultation » avec ses dates de consultation'));
  const date = a.date;
  if (date === undefined) return;
  if (consultation && date < consultation.debut) ctx.report(issueAt('avis-date', at, `avis du ${formatDate(date)}, avant le début de la consultation (${formatDate(consultation.debut)})`));
  else if (v.deliberation && date > v.deliberation.date) ctx.report(issueAt('avis-date', at, `avis du ${formatDate(date)}, après la délibération qui adopte le rapport (${formatDate(v.deliberation.date)})`));
}

/** A folder of chapters or opinions without its rapport.yaml: one error per folder. */
function reportFoldersWithout(entries: readonly Entry<RapportInput>[], ctx: ResolveContext): void {
  const self = ctx.parsed.failed.filter((f) => f.kind.name === 'rapport').map((f) => f.folders?.[0]);
  const known = new Set([...entries.map((e) => e.folders[0]), ...self]);
  const inside = (kind: AnyKind) => [...ctx.entries(kind).map((e) => e.folders[0]), ...ctx.parsed.failed.filter((f) => f.kind === kind).map((f) => f.folders?.[0])];
  const folders = new Set([...inside(avis), ...inside(rapportChapitre)].filter((f): f is string => f !== undefined && !known.has(f)));
  for (const folder of [...folders].sort())
    ctx.report(issueAt('fichier-manquant', ctx.locateFile(placePath(rapport, [folder])), 'fichier obligatoire manquant : rapport.yaml donne l’état et les dates du rapport de ce dossier', `npm run new -- rapport ${folder}`));
}
