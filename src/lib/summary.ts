/**
 * What the home page shows at a glance, computed from the model.
 */
import type { Contract, Quartier } from './model/index.ts';

export interface HomeSummary {
  piliers: { id: string; numero: string; titre: string; objectifs: number; fiches: number }[];
  groups: { categorie: Quartier['categorie']; quartiers: (Quartier & { commune: string })[] }[];
}

export function homeSummary(contract: Contract): HomeSummary {
  const communeName = new Map(contract.territoires.map((t) => [t.id, t.nom]));
  const piliers = contract.piliers.map((p) => ({
    id: p.id,
    numero: p.numero,
    titre: p.titre,
    objectifs: p.axes.reduce((n, a) => n + a.objectifs.length, 0),
    fiches: contract.fiches.filter((f) => f.piliers.includes(p.id)).length,
  }));
  const groups = (['prioritaire', 'veille'] as const)
    .map((categorie) => ({
      categorie,
      quartiers: contract.quartiers
        .filter((q) => q.categorie === categorie)
        .map((q) => ({ ...q, commune: communeName.get(q.commune) ?? q.commune })),
    }))
    .filter((g) => g.quartiers.length > 0);
  return { piliers, groups };
}
