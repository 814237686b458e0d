/**
 * contrat.yaml: the identity of the contract (title, period, status,
 * signatories…). Its transversal axes are ids fiches refer to.
 */
import { issueAt } from '../issues.ts';
import { contratSchema, type ContratInput } from '../schemas/contrat.ts';
import { defineKind } from './kind.ts';
import { territoryType } from './quartier.ts';

/** Logos are their normalised path under medias/. */
export type Contrat = ContratInput;

export const contrat = defineKind({
  name: 'contrat',
  place: 'contrat.yaml',
  required: true,
  schema: contratSchema,
  editor: 'contrat.yaml : identité du contrat',
  key: 'contrat',
  unreadable: (registry) => registry.markIncomplete('axe-transversal'),
  declare(entries, ctx): void {
    const entry = entries[0];
    const seen = new Set<string>();
    entry?.value.axes_transversaux.forEach((a, i) => {
      if (seen.has(a.id)) ctx.report(issueAt('id-double', entry.yaml.locate(['axes_transversaux', i, 'id']), `axe transversal en double « ${a.id} »`));
      seen.add(a.id);
      ctx.registry.add('axe-transversal', a.id);
    });
  },
  resolve(entries, ctx): Contrat | undefined {
    const entry = entries[0];
    if (!entry) return undefined;
    const c = entry.value;
    const y = entry.yaml;
    if (territoryType(ctx, c.territoire) === 'quartier') {
      ctx.report(issueAt('territoire-type', y.locate(['territoire']), `« ${c.territoire} » est un quartier, pas le territoire porteur du contrat`, 'indiquez l’EPCI de territoires.yaml'));
    } else ctx.report(ctx.registry.check(c.territoire, ['territoire'], y.locate(['territoire'])));
    const signataires = c.signataires.map((s, i) => {
      if (s.logo === undefined) return s;
      const logo = ctx.media(s.logo, y, ['signataires', i, 'logo']);
      return logo === undefined ? s : { ...s, logo };
    });
    return { ...c, signataires };
  },
});
