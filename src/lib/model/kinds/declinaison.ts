/**
 * cahier-2/quartiers/<id>.md: the stakes declined for one quartier (its
 * priority objectifs and a text). Folded into the quartier it names.
 */
import { toBody, type Body } from '../bodies.ts';
import { declinaisonSchema, type DeclinaisonInput } from '../schemas/declinaison.ts';
import { defineKind } from './kind.ts';

export type Declinaison = DeclinaisonInput & { quartier: string; body: Body };

export const declinaison = defineKind({
  name: 'declinaison',
  place: 'cahier-2/quartiers/*.md',
  schema: declinaisonSchema,
  editor: 'En-tête d’une déclinaison (cahier-2/quartiers/<id>.md)',
  resolve(entries, ctx): Declinaison[] {
    return entries.flatMap((d) => {
      const problem = ctx.registry.check(d.id, ['quartier'], ctx.locateFile(d.file));
      if (problem) {
        ctx.report({ ...problem, message: `le nom du fichier doit être l’identifiant d’un quartier : ${problem.message}` });
        return [];
      }
      d.value.priorites.forEach((id, i) => ctx.report(ctx.registry.check(id, ['objectif'], d.yaml.locate(['priorites', i]))));
      return [{ quartier: d.id, priorites: d.value.priorites, body: toBody(d.body!) }];
    });
  },
});
