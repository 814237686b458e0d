/**
 * A fiche's `suivi` (FORMAT-SUIVI « Fiche »): each programmation year
 * resolved into the model (sorted by year, its `commentaire` a Markdown
 * body located in the file), the errors that need the contract (years out
 * of the periode, values of unknown indicators) and the warnings that
 * compare the follow-up with the fiche (budget, calendrier, statut).
 */
import { parseMarkdown } from '../markdown/parse.ts';
import { toBody, type Body } from './bodies.ts';
import { issueAt, warningAt, type ContentIssue } from './issues.ts';
import type { Entry, ParsedBody } from './parse-files.ts';
import { tooDeep } from './markdown-depth.ts';
import { scalarMarkdown } from './yaml-markdown.ts';
import type { FicheInput } from './schemas/fiche.ts';
import type { FicheStatut, SuiviAnneeInput } from './schemas/suivi.ts';

export interface SuiviFinancement {
  financeur: string;
  prevu?: number;
  engage?: number;
  realise?: number;
}

export type SuiviAnnee = Omit<SuiviAnneeInput, 'financements' | 'commentaire' | 'valeurs' | 'avancement'> & {
  annee: number;
  avancement?: number;
  financements: SuiviFinancement[];
  /** Indicator id of the fiche → value (null: secret). */
  valeurs: Record<string, number | null>;
  commentaire?: Body;
};

/** Funders are the same when equal after trimming, NFC normalisation and case folding. */
export function financeurKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('fr');
}

const bodiesCache = new WeakMap<Entry<FicheInput>, Map<string, ParsedBody | undefined>>();

/** Each year's `commentaire` parsed once as Markdown (undefined when too deeply nested to read). */
export function commentaireBodies(entry: Entry<FicheInput>): Map<string, ParsedBody | undefined> {
  let bodies = bodiesCache.get(entry);
  if (bodies) return bodies;
  bodies = new Map();
  for (const [year, y] of Object.entries(entry.value.suivi ?? {})) {
    if (y.commentaire === undefined) continue;
    const path = ['suivi', year, 'commentaire'];
    const md = entry.yaml.markdown(path) ?? scalarMarkdown(y.commentaire, entry.yaml.locate(path, 'key'));
    let body: ParsedBody | undefined;
    if (tooDeep(md.text) === undefined) {
      try {
        body = { file: entry.file, root: parseMarkdown(md.text), lines: md.lines, offset: 0, text: md.text };
      } catch {
        body = undefined;
      }
    }
    bodies.set(year, body);
  }
  bodiesCache.set(entry, bodies);
  return bodies;
}

/** The suivi in the model, by year; the errors that need the contract go to `report`. */
export function resolveSuivi(entry: Entry<FicheInput>, periode: { debut: number; fin: number } | undefined, report: (i: ContentIssue) => void): SuiviAnnee[] | undefined {
  const v = entry.value;
  if (!v.suivi) return undefined;
  const y = entry.yaml;
  const ids = [...new Set(v.indicateurs.flatMap((i) => (i.id ? [i.id] : [])))];
  const seen = new Set<string>();
  v.indicateurs.forEach((ind, i) => {
    if (!ind.id) return;
    if (seen.has(ind.id)) report(issueAt('id-double', y.locate(['indicateurs', i, 'id']), `indicateur en double « ${ind.id} » dans la fiche`, 'chaque indicateur d’une fiche a un id différent'));
    seen.add(ind.id);
  });
  const bodies = commentaireBodies(entry);
  return Object.entries(v.suivi)
    .map(([year, s]): SuiviAnnee => {
      const annee = Number(year);
      if (periode && (annee < periode.debut || annee > periode.fin))
        report(issueAt('suivi-periode', y.locate(['suivi', year], 'key'), `année de suivi ${annee} hors de la période du contrat (${periode.debut}-${periode.fin})`, 'le suivi d’une fiche porte sur les années de la période de contrat.yaml'));
      for (const key of Object.keys(s.valeurs))
        if (!ids.includes(key))
          report(
            issueAt('ref-inconnue', y.locate(['suivi', year, 'valeurs', key], 'key'), `indicateur inconnu « ${key} » dans la fiche`, ids.length ? `indicateurs de la fiche : ${ids.join(', ')}` : 'donnez un id à l’indicateur de la fiche (indicateurs: - id: …)'),
          );
      if (s.commentaire !== undefined && bodies.get(year) === undefined)
        report(issueAt('markdown-profond', y.locate(['suivi', year, 'commentaire']), 'commentaire Markdown illisible (structure trop profonde)'));
      const body = bodies.get(year);
      return {
        annee,
        ...(s.statut ? { statut: s.statut } : {}),
        ...(s.avancement !== undefined ? { avancement: s.avancement } : {}),
        financements: s.financements.map((f) => ({
          financeur: f.financeur,
          ...(f.prevu !== undefined ? { prevu: f.prevu } : {}),
          ...(f.engage !== undefined ? { engage: f.engage } : {}),
          ...(f.realise !== undefined ? { realise: f.realise } : {}),
        })),
        valeurs: Object.fromEntries(Object.entries(s.valeurs).filter(([, x]) => x !== undefined)) as Record<string, number | null>,
        dossiers: s.dossiers,
        ...(body ? { commentaire: toBody(body) } : {}),
      };
    })
    .sort((a, b) => a.annee - b.annee);
}

/** The statut of the latest suivi year that has one. */
export function latestStatut(suivi: readonly { annee: number; statut?: FicheStatut | undefined }[] | undefined): { annee: number; statut: FicheStatut } | undefined {
  const last = [...(suivi ?? [])].sort((a, b) => b.annee - a.annee).find((s) => s.statut);
  return last ? { annee: last.annee, statut: last.statut! } : undefined;
}

/** The warnings of FORMAT-SUIVI that compare a fiche's suivi with the rest of the fiche. */
export function suiviWarnings(entry: Entry<FicheInput>): ContentIssue[] {
  const v = entry.value;
  if (!v.suivi) return [];
  const y = entry.yaml;
  const warnings: ContentIssue[] = [];
  const budget = new Map((v.budget?.financements ?? []).map((f) => [financeurKey(f.financeur), f]));
  const prevus = new Map<string, { sum: number; last: (string | number)[] }>();
  for (const [year, s] of Object.entries(v.suivi)) {
    const annee = Number(year);
    if (v.calendrier && (annee < v.calendrier.debut || annee > v.calendrier.fin))
      warnings.push(warningAt('suivi-hors-calendrier', y.locate(['suivi', year], 'key'), `année de suivi ${annee} hors du calendrier de la fiche (${v.calendrier.debut}-${v.calendrier.fin})`, 'corrigez l’année, ou étendez le calendrier de la fiche'));
    if (s.statut === 'realise' && s.avancement !== undefined && s.avancement < 100)
      warnings.push(warningAt('suivi-avancement', y.locate(['suivi', year, 'avancement']), `statut « realise » avec un avancement de ${s.avancement} %`, 'une action réalisée est avancée à 100 % : corrigez l’un ou l’autre'));
    s.financements.forEach((f, i) => {
      const path = ['suivi', year, 'financements', i];
      if (f.realise !== undefined && f.engage !== undefined && f.realise > f.engage)
        warnings.push(warningAt('suivi-realise-engage', y.locate([...path, 'realise']), `montant versé (${euros(f.realise)}) supérieur au montant engagé (${euros(f.engage)})`, 'vérifiez les deux montants'));
      const key = financeurKey(f.financeur);
      if (v.budget && !budget.has(key))
        warnings.push(warningAt('suivi-financeur', y.locate([...path, 'financeur']), `financeur « ${f.financeur} » absent du budget de la fiche`, `financeurs du budget : ${v.budget.financements.map((b) => b.financeur).join(', ')}`));
      const p = prevus.get(key) ?? { sum: 0, last: path };
      prevus.set(key, { sum: p.sum + Math.round((f.prevu ?? 0) * 100), last: [...path, 'prevu'] });
    });
  }
  for (const [key, { sum, last }] of prevus) {
    const b = budget.get(key);
    if (b && sum > Math.round(b.montant * 100))
      warnings.push(warningAt('suivi-depasse-budget', y.locate(last), `montants programmés pour « ${b.financeur} » (${euros(sum / 100)} sur toutes les années) supérieurs à son montant au budget (${euros(b.montant)})`, 'corrigez un montant programmé ou le budget de la fiche'));
  }
  const latest = latestStatut(Object.entries(v.suivi).map(([year, s]) => ({ annee: Number(year), ...(s.statut ? { statut: s.statut } : {}) })));
  if (v.statut && latest && v.statut !== latest.statut)
    warnings.push(warningAt('suivi-statut', y.locate(['statut']), `statut « ${v.statut} » différent de celui de la dernière année du suivi (${latest.annee} : « ${latest.statut} »)`, 'supprimez le statut de l’en-tête (il suit alors le suivi), ou accordez les deux'));
  return warnings;
}

export function euros(n: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n)} €`;
}
