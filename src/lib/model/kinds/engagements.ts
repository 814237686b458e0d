/** suivi/engagements.yaml: what each signatory commits to, followed every year. */
import { issueAt } from '../issues.ts';
import { hasMarker } from '../schemas/common.ts';
import { engagementsSchema, type EngagementInput } from '../schemas/engagements.ts';
import type { EngagementStatut } from '../schemas/suivi.ts';
import { contrat } from './contrat.ts';
import { defineKind } from './kind.ts';
import { quartier } from './quartier.ts';

export type Engagement = Omit<EngagementInput, 'quartiers' | 'suivi'> & {
  /** `tous` expanded to every quartier; `tousQuartiers` says it was written so. */
  quartiers: string[];
  tousQuartiers: boolean;
  /** By year. */
  suivi: { annee: number; statut: EngagementStatut; commentaire?: string }[];
};

export const engagements = defineKind({
  name: 'engagements',
  place: 'suivi/engagements.yaml',
  schema: engagementsSchema,
  editor: 'suivi/engagements.yaml : engagements des signataires',
  key: 'engagements',
  resolve(entries, ctx): Engagement[] {
    const entry = entries[0];
    if (!entry) return [];
    const y = entry.yaml;
    const signataires = ctx.entries(contrat)[0]?.value.signataires.map((s) => s.nom);
    const periode = ctx.entries(contrat)[0]?.value.periode;
    const everyQuartier = ctx.output(quartier).map((q) => q.id);
    const seen = new Set<string>();
    return entry.value.map((e, i): Engagement => {
      if (seen.has(e.id)) ctx.report(issueAt('id-double', y.locate([i, 'id']), `engagement en double « ${e.id} »`, 'chaque engagement a un identifiant différent'));
      seen.add(e.id);
      // A scaffold's « à compléter » has its own warning.
      if (signataires && !signataires.includes(e.signataire) && !hasMarker(e.signataire))
        ctx.report(issueAt('ref-inconnue', y.locate([i, 'signataire']), `signataire inconnu « ${e.signataire} »`, `écrivez le nom d’un signataire de contrat.yaml : ${signataires.join(', ')}`));
      e.objectifs.forEach((id, j) => ctx.report(ctx.registry.check(id, ['objectif'], y.locate([i, 'objectifs', j]))));
      if (e.quartiers !== 'tous') e.quartiers.forEach((id, j) => ctx.report(ctx.registry.check(id, ['quartier'], y.locate([i, 'quartiers', j]))));
      const suivi = Object.entries(e.suivi)
        .map(([year, s]) => {
          const annee = Number(year);
          if (periode && (annee < periode.debut || annee > periode.fin))
            ctx.report(issueAt('suivi-periode', y.locate([i, 'suivi', year], 'key'), `année de suivi ${annee} hors de la période du contrat (${periode.debut}-${periode.fin})`, 'le suivi d’un engagement porte sur les années de la période de contrat.yaml'));
          return { annee, statut: s.statut, ...(s.commentaire !== undefined ? { commentaire: s.commentaire } : {}) };
        })
        .sort((a, b) => a.annee - b.annee);
      return {
        id: e.id,
        signataire: e.signataire,
        engagement: e.engagement,
        objectifs: e.objectifs,
        quartiers: e.quartiers === 'tous' ? everyQuartier : e.quartiers,
        tousQuartiers: e.quartiers === 'tous',
        suivi,
      };
    });
  },
});
