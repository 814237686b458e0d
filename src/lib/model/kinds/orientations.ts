/**
 * cahier-2/orientations.yaml: the causal tree piliers > enjeux > axes >
 * objectifs, numbered (tree.ts). Enjeux cite the diagnostic's constats;
 * objectifs name the indicators that evaluate them.
 */
import { warningAt } from '../issues.ts';
import { orientationsSchema } from '../schemas/orientations.ts';
import { buildTree, type Pilier } from '../tree.ts';
import { resolveCibles } from '../cibles.ts';
import { contrat } from './contrat.ts';
import { fiche } from './fiche.ts';
import { indicateur } from './indicateur.ts';
import { defineKind } from './kind.ts';

const TREE_KINDS = ['pilier', 'enjeu', 'axe', 'objectif'] as const;

export const orientations = defineKind({
  name: 'orientations',
  place: 'cahier-2/orientations.yaml',
  required: true,
  schema: orientationsSchema,
  editor: 'cahier-2/orientations.yaml : l’arbre des objectifs',
  key: 'piliers',
  unreadable: (registry) => TREE_KINDS.forEach((k) => registry.markIncomplete(k)),
  declare(entries, ctx): Pilier[] {
    const entry = entries[0];
    if (!entry) return [];
    const tree = buildTree(entry);
    tree.issues.forEach(ctx.report);
    const r = ctx.registry;
    for (const p of tree.piliers) {
      r.add('pilier', p.id);
      r.addNumber('pilier', p.numero, p.id);
      for (const e of p.enjeux) {
        r.add('enjeu', e.id);
        r.addNumber('enjeu', e.numero, e.id);
        r.addContents(e.id, 'objectif', e.axes.flatMap((a) => a.objectifs.map((o) => o.id)));
      }
      for (const a of p.axes) {
        r.add('axe', a.id);
        r.addNumber('axe', a.numero, a.id);
        r.addContents(a.id, 'objectif', a.objectifs.map((o) => o.id));
        for (const o of a.objectifs) r.add('objectif', o.id), r.addNumber('objectif', o.numero, o.id);
      }
    }
    return tree.piliers;
  },
  resolve(entries, ctx, piliers): Pilier[] {
    const entry = entries[0];
    if (!entry) return piliers;
    const y = entry.yaml;
    const checkIndicators = (objectifs: { indicateurs: string[] }[], path: (string | number)[]) =>
      objectifs.forEach((o, oi) => o.indicateurs.forEach((id, ii) => ctx.report(ctx.registry.check(id, ['indicateur'], y.locate([...path, 'objectifs', oi, 'indicateurs', ii])))));
    entry.value.piliers.forEach((p, pi) => {
      p.enjeux?.forEach((e, ei) => {
        e.constats.forEach((c, ci) => ctx.report(ctx.registry.check(c, ['constat'], y.locate(['piliers', pi, 'enjeux', ei, 'constats', ci]))));
        e.axes.forEach((a, ai) => checkIndicators(a.objectifs, ['piliers', pi, 'enjeux', ei, 'axes', ai]));
      });
      p.axes?.forEach((a, ai) => checkIndicators(a.objectifs, ['piliers', pi, 'axes', ai]));
    });
    resolveCibles(entry, piliers, ctx, { indicateurs: ctx.output(indicateur), periode: ctx.entries(contrat)[0]?.value.periode });
    return piliers;
  },
  check(entries, ctx) {
    const entry = entries[0];
    if (!entry || ctx.failed(fiche)) return [];
    const carried = new Set(ctx.output(fiche).flatMap((f) => f.objectifs));
    const y = entry.yaml;
    const warnings = [];
    for (const [pi, p] of entry.value.piliers.entries()) {
      const groups: [(string | number)[], typeof p.axes][] = [
        ...(p.enjeux ?? []).map((e, ei): [(string | number)[], typeof p.axes] => [['piliers', pi, 'enjeux', ei], e.axes]),
        [['piliers', pi], p.axes],
      ];
      for (const [path, axes] of groups)
        for (const [ai, a] of (axes ?? []).entries())
          for (const [oi, o] of a.objectifs.entries())
            if (!carried.has(o.id)) warnings.push(warningAt('objectif-sans-fiche', y.locate([...path, 'axes', ai, 'objectifs', oi, 'id']), `objectif sans fiche « ${o.id} »`, 'aucune fiche projet ne met en œuvre cet objectif'));
    }
    return warnings;
  },
});

