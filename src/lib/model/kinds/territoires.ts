/**
 * territoires.yaml: the comparison territories (France, EPCI, communes…).
 * Quartiers are territories too: the contract's list holds both, the
 * quartiers after, and ids are unique across the two.
 */
import { issueAt } from '../issues.ts';
import { territoiresSchema, type TerritoireInput } from '../schemas/territoires.ts';
import { defineKind } from './kind.ts';
import { quartier } from './quartier.ts';

export type Territoire = Omit<TerritoireInput, 'type'> & { type: TerritoireInput['type'] | 'quartier' };

export const territoires = defineKind({
  name: 'territoires',
  place: 'territoires.yaml',
  required: true,
  schema: territoiresSchema,
  editor: 'territoires.yaml : territoires de comparaison',
  key: 'territoires',
  unreadable: (registry) => registry.markIncomplete('territoire'),
  /** Territory id → its type, the first one written winning. */
  declare(entries, ctx): Map<string, Territoire['type']> {
    const types = new Map<string, Territoire['type']>();
    const entry = entries[0];
    entry?.value.forEach((t, i) => {
      if (types.has(t.id)) ctx.report(issueAt('id-double', entry.yaml.locate([i, 'id']), `identifiant de territoire en double « ${t.id} »`));
      else {
        types.set(t.id, t.type);
        ctx.registry.add('territoire', t.id);
      }
    });
    return types;
  },
  resolve(entries, ctx): Territoire[] {
    const seen = new Set<string>();
    const own = (entries[0]?.value ?? []).filter((t) => !seen.has(t.id) && seen.add(t.id));
    const quartiers = ctx.output(quartier).map((q): Territoire => ({ id: q.id, nom: q.nom, type: 'quartier', ...(q.code ? { code: q.code } : {}) }));
    return [...own.map((t): Territoire => ({ id: t.id, nom: t.nom, type: t.type, ...(t.code ? { code: t.code } : {}) })), ...quartiers];
  },
});
