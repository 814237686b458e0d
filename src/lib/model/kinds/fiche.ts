/**
 * cahier-2/fiches/<id>.md: one fiche projet, attached to objectifs of the
 * tree, numbered in tree order of its first objectif (ties by id).
 */
import { toBody, type Body } from '../bodies.ts';
import { issueAt, warningAt } from '../issues.ts';
import { commentaireBodies, euros, latestStatut, resolveSuivi, suiviWarnings, type SuiviAnnee } from '../fiche-suivi.ts';
import { ficheSchema, type FicheInput, type FicheStatut } from '../schemas/fiche.ts';
import type { YamlSource as Yaml } from '../yaml.ts';
import { ficheDoubles } from '../fiche-doubles.ts';
import { allObjectifs } from '../tree.ts';
import { contrat } from './contrat.ts';
import { defineKind, type ResolveContext } from './kind.ts';
import { orientations } from './orientations.ts';
import { quartier } from './quartier.ts';

export type Fiche = Omit<FicheInput, 'id' | 'quartiers' | 'statut' | 'suivi'> & {
  id: string;
  /** As written, else the statut of the latest suivi year that has one, else `a-lancer`. */
  statut: FicheStatut;
  /** The yearly follow-up, by year (absent when the fiche has none). */
  suivi?: SuiviAnnee[];
  /** 1-based, in tree order of the first objectif. */
  numero: number;
  /** Derived from the objectifs, in tree order. */
  piliers: string[];
  /** `tous` expanded to every quartier; `tousQuartiers` says it was written so. */
  quartiers: string[];
  tousQuartiers: boolean;
  body: Body;
};

export const fiche = defineKind({
  name: 'fiche',
  place: 'cahier-2/fiches/*.md',
  schema: ficheSchema,
  editor: 'En-tête d’une fiche projet (cahier-2/fiches/<id>.md)',
  key: 'fiches',
  idKind: 'fiche',
  bodies: (entry) => [...commentaireBodies(entry).values()].flatMap((b) => (b ? [b] : [])),
  resolve(entries, ctx): Fiche[] {
    const piliers = ctx.declared(orientations);
    const objectifs = allObjectifs(piliers);
    const order = new Map(objectifs.map((o, i) => [o.id, i]));
    const pilierOf = new Map(objectifs.map((o) => [o.id, o.pilier]));
    const everyQuartier = ctx.output(quartier).map((q) => q.id);
    const fiches = entries.map((f): Fiche => {
      const v = f.value;
      checkRefs(f.value, f.yaml, ctx);
      checkBudget(f.value, f.yaml, ctx);
      checkCalendar(f.value, f.yaml, ctx);
      const suivi = resolveSuivi(f, ctx.entries(contrat)[0]?.value.periode, ctx.report);
      return {
        id: f.id,
        numero: 0,
        titre: v.titre,
        objectifs: v.objectifs,
        piliers: piliers.map((p) => p.id).filter((pid) => v.objectifs.some((o) => pilierOf.get(o) === pid)),
        quartiers: v.quartiers === 'tous' ? everyQuartier : v.quartiers,
        tousQuartiers: v.quartiers === 'tous',
        axes_transversaux: v.axes_transversaux,
        porteur: v.porteur,
        ...(v.pilote ? { pilote: v.pilote } : {}),
        partenaires: v.partenaires,
        ...(v.public ? { public: v.public } : {}),
        ...(v.calendrier ? { calendrier: v.calendrier } : {}),
        ...(v.budget ? { budget: v.budget } : {}),
        indicateurs: v.indicateurs,
        statut: v.statut ?? latestStatut(suivi)?.statut ?? 'a-lancer',
        ...(suivi ? { suivi } : {}),
        body: toBody(f.body!),
      };
    });
    const rank = (f: Fiche) => Math.min(...f.objectifs.map((o) => order.get(o) ?? Infinity));
    return fiches.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1)).map((f, i) => ({ ...f, numero: i + 1 }));
  },
  check: (entries) => [
    ...entries.flatMap(suiviWarnings),
    ...entries
      .filter((f) => f.value.indicateurs.length === 0)
      .map((f) => warningAt('fiche-sans-indicateurs', f.yaml.locate([]), 'fiche sans indicateurs', 'ajoutez « indicateurs: » pour permettre l’évaluation de l’action')),
    ...ficheDoubles(entries.map((e) => ({ id: e.id, titre: e.value.titre, porteur: e.value.porteur, entry: e }))).map(({ fiche, first }) =>
      warningAt(
        'fiche-double',
        fiche.entry.yaml.locate(['titre']),
        `fiche en double ? « ${fiche.titre} » ressemble à la fiche « ${first.titre} » (${first.entry.file})`,
        'si c’est la même action, supprimez l’une des deux fiches ; sinon, donnez-leur des titres qui les distinguent',
      ),
    ),
  ],
});

function checkRefs(v: FicheInput, y: Yaml, ctx: ResolveContext): void {
  const r = ctx.registry;
  v.objectifs.forEach((id, i) => ctx.report(r.check(id, ['objectif'], y.locate(['objectifs', i]))));
  if (v.quartiers !== 'tous')
    v.quartiers.forEach((id, i) => {
      const problem = r.check(id, ['quartier'], y.locate(['quartiers', i]));
      ctx.report(problem && id === 'tous' ? { ...problem, hint: 'pour tous les quartiers, écrivez « quartiers: tous », sans crochets' } : problem);
    });
  v.axes_transversaux.forEach((id, i) => ctx.report(r.check(id, ['axe-transversal'], y.locate(['axes_transversaux', i]), 'axe transversal')));
  v.indicateurs.forEach((ind, i) => {
    if (ind.indicateur) ctx.report(r.check(ind.indicateur, ['indicateur'], y.locate(['indicateurs', i, 'indicateur'])));
  });
}

function checkBudget(v: FicheInput, y: Yaml, ctx: ResolveContext): void {
  if (!v.budget) return;
  const sum = v.budget.financements.reduce((s, x) => s + Math.round(x.montant * 100), 0);
  if (sum === Math.round(v.budget.total * 100)) return;
  ctx.report(
    issueAt(
      'budget-somme',
      y.locate(['budget', 'total']),
      `les financements totalisent ${euros(sum / 100)}, le total annoncé est de ${euros(v.budget.total)}`,
      `écart de ${euros(Math.abs(v.budget.total - sum / 100))} : corrigez un montant ou le total`,
    ),
  );
}

function checkCalendar(v: FicheInput, y: Yaml, ctx: ResolveContext): void {
  const periode = ctx.entries(contrat)[0]?.value.periode;
  if (!v.calendrier || !periode) return;
  for (const key of ['debut', 'fin'] as const) {
    const year = v.calendrier[key];
    if (year < periode.debut || year > periode.fin) {
      ctx.report(issueAt('calendrier-periode', y.locate(['calendrier', key]), `année ${year} hors de la période du contrat (${periode.debut}-${periode.fin})`, 'le calendrier d’une fiche s’inscrit dans la période de contrat.yaml'));
    }
  }
}
