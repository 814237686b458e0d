/**
 * cahier-1/afom/<id>.yaml: one AFOM (SWOT) matrix. Items with an id are the
 * constats the tree's enjeux cite: unique across every matrix.
 */
import { issueAt } from '../issues.ts';
import { AFOM_QUADRANTS, afomSchema, type AfomInput, type AfomItemInput, type AfomQuadrant } from '../schemas/afom.ts';
import { defineKind } from './kind.ts';
import { orientations } from './orientations.ts';

export type AfomItem = Exclude<AfomItemInput, string> & {
  /** Enjeux that cite this item as a constat. */
  enjeux: string[];
};

export type Afom = Omit<AfomInput, 'id' | AfomQuadrant> & { id: string; quadrants: Record<AfomQuadrant, AfomItem[]> };

export const afom = defineKind({
  name: 'afom',
  place: 'cahier-1/afom/*.yaml',
  schema: afomSchema,
  editor: 'Une matrice AFOM (cahier-1/afom/<id>.yaml)',
  key: 'afoms',
  idKind: 'afom',
  unreadable: (registry) => registry.markIncomplete('constat'),
  declare(entries, ctx): void {
    const owner = new Map<string, string>();
    for (const a of entries) {
      for (const q of AFOM_QUADRANTS)
        a.value[q].forEach((item, i) => {
          if (typeof item === 'string' || !item.id) return;
          const first = owner.get(item.id);
          if (first) ctx.report(issueAt('id-double', a.yaml.locate([q, i, 'id']), `identifiant de constat en double « ${item.id} » : déjà utilisé dans ${first}`));
          else {
            owner.set(item.id, a.file);
            ctx.registry.add('constat', item.id);
          }
        });
    }
  },
  resolve(entries, ctx): Afom[] {
    const citedBy = new Map<string, string[]>();
    for (const p of ctx.declared(orientations))
      for (const e of p.enjeux) for (const c of e.constats) citedBy.set(c, [...(citedBy.get(c) ?? []), e.id]);
    return entries.map((a) => {
      const v = a.value;
      if (v.pilier) ctx.report(ctx.registry.check(v.pilier, ['pilier'], a.yaml.locate(['pilier'])));
      if (v.quartier) ctx.report(ctx.registry.check(v.quartier, ['quartier'], a.yaml.locate(['quartier'])));
      const quadrant = (q: AfomQuadrant): AfomItem[] =>
        v[q].map((item, i) => {
          if (typeof item === 'string') return { texte: item, indicateurs: [], enjeux: [] };
          item.indicateurs.forEach((id, j) => ctx.report(ctx.registry.check(id, ['indicateur'], a.yaml.locate([q, i, 'indicateurs', j]))));
          return { texte: item.texte, ...(item.id ? { id: item.id } : {}), indicateurs: item.indicateurs, enjeux: item.id ? (citedBy.get(item.id) ?? []) : [] };
        });
      return {
        id: a.id,
        titre: v.titre,
        ...(v.pilier ? { pilier: v.pilier } : {}),
        ...(v.quartier ? { quartier: v.quartier } : {}),
        quadrants: { atouts: quadrant('atouts'), faiblesses: quadrant('faiblesses'), opportunites: quadrant('opportunites'), menaces: quadrant('menaces') },
      };
    });
  },
});
