/**
 * rapports/<annee>/avis/<id>.md: one opinion on the annual report, its
 * front matter (who, when, in which sense) and its text. Folded into the
 * report of its folder (./rapport.ts), which checks its date.
 */
import { toBody, type Body } from '../bodies.ts';
import { issueAt } from '../issues.ts';
import { avisSchema, type AvisInput } from '../schemas/rapport.ts';
import { defineKind } from './kind.ts';
import { quartier } from './quartier.ts';
import { territoryType } from './quartier.ts';

export type Avis = AvisInput & {
  id: string;
  /** The folder's name: the year of the report it answers. */
  dossier: string;
  body: Body;
};

export const avis = defineKind({
  name: 'avis',
  place: 'rapports/*/avis/*.md',
  schema: avisSchema,
  editor: 'En-tête d’un avis sur le rapport annuel (rapports/<annee>/avis/<id>.md)',
  resolve(entries, ctx): Avis[] {
    const categories = new Map(ctx.output(quartier).map((q) => [q.id, q.categorie]));
    return entries.map((e) => {
      const v = e.value;
      const y = e.yaml;
      if (v.type === 'conseil-citoyen') {
        if (v.quartier === undefined) ctx.report(issueAt('cle-manquante', y.locate(['quartier']), 'clé obligatoire manquante pour l’avis d’un conseil citoyen', 'ajoutez « quartier: » suivi de l’identifiant du quartier prioritaire'));
        else {
          const problem = ctx.registry.check(v.quartier, ['quartier'], y.locate(['quartier']));
          if (problem) ctx.report(problem);
          else if (categories.get(v.quartier) === 'veille')
            ctx.report(issueAt('territoire-type', y.locate(['quartier']), `« ${v.quartier} » est un quartier de veille : seuls les conseils citoyens des quartiers prioritaires sont consultés`, 'pour un autre avis, écrivez « type: autre »'));
        }
      }
      if (v.type === 'conseil-municipal') {
        if (v.commune === undefined) ctx.report(issueAt('cle-manquante', y.locate(['commune']), 'clé obligatoire manquante pour l’avis d’un conseil municipal', 'ajoutez « commune: » suivi de l’identifiant de la commune dans territoires.yaml'));
        else {
          const problem = ctx.registry.check(v.commune, ['territoire'], y.locate(['commune']), 'commune');
          const type = territoryType(ctx, v.commune);
          if (problem) ctx.report(problem);
          else if (type && type !== 'commune') ctx.report(issueAt('territoire-type', y.locate(['commune']), `« ${v.commune} » est de type ${type}, pas une commune`));
        }
      }
      return { ...v, id: e.id, dossier: e.folders[0]!, body: toBody(e.body!) };
    });
  },
});
