/**
 * orientations.yaml in version 2 (FORMAT-SUIVI « Objective targets »): the
 * `constats` of axes and objectifs, and the objectifs' figured `cibles`,
 * checked against the indicators and the periode, each `reference` filled
 * with the indicator's earliest non-null value for its territory when the
 * author gives none.
 */
import { issueAt, warningAt } from './issues.ts';
import type { Indicateur } from './kinds/indicateur.ts';
import type { ResolveContext } from './kinds/kind.ts';
import type { Entry } from './parse-files.ts';
import type { AxeInput, CibleInput, ObjectifInput, OrientationsInput } from './schemas/orientations.ts';
import type { KeyPath } from './yaml.ts';
import { allObjectifs, type Pilier } from './tree.ts';

type Path = (string | number)[];

/** Every axe and objectif as written, with its key path. */
function* walk(input: OrientationsInput): Generator<{ axe: AxeInput; path: Path } | { objectif: ObjectifInput; path: Path }> {
  for (const [pi, p] of input.piliers.entries()) {
    const groups: [Path, AxeInput[] | undefined][] = [...(p.enjeux ?? []).map((e, ei): [Path, AxeInput[]] => [['piliers', pi, 'enjeux', ei], e.axes]), [['piliers', pi], p.axes]];
    for (const [path, axes] of groups)
      for (const [ai, a] of (axes ?? []).entries()) {
        yield { axe: a, path: [...path, 'axes', ai] };
        for (const [oi, o] of a.objectifs.entries()) yield { objectif: o, path: [...path, 'axes', ai, 'objectifs', oi] };
      }
  }
}

/** The earliest non-null value of an indicator for a territory. */
export function earliestValue(ind: Indicateur, territoire: string): { annee: number; valeur: number } | undefined {
  const v = ind.valeurs.find((x) => x.territoire === territoire && x.valeur !== null);
  return v ? { annee: v.annee, valeur: v.valeur! } : undefined;
}

export function resolveCibles(entry: Entry<OrientationsInput>, piliers: Pilier[], ctx: ResolveContext, context: { indicateurs: readonly Indicateur[]; periode?: { debut: number; fin: number } | undefined }): void {
  const y = entry.yaml;
  const { indicateurs, periode } = context;
  const byId = new Map(indicateurs.map((i) => [i.id, i]));
  const resolved = new Map<string, CibleInput[]>();
  const checkConstats = (constats: string[] | undefined, path: KeyPath) =>
    constats?.forEach((c, ci) => ctx.report(ctx.registry.check(c, ['constat'], y.locate([...path, 'constats', ci]))));
  for (const node of walk(entry.value)) {
    if ('axe' in node) {
      checkConstats(node.axe.constats, node.path);
      continue;
    }
    const o = node.objectif;
    checkConstats(o.constats, node.path);
    if (!o.cibles) continue;
    resolved.set(
      o.id,
      o.cibles.map((c, ci) => {
        const at = (key: string) => y.locate([...node.path, 'cibles', ci, key]);
        ctx.report(ctx.registry.check(c.indicateur, ['indicateur'], at('indicateur')));
        ctx.report(ctx.registry.check(c.territoire, ['territoire'], at('territoire')));
        for (const key of ['annee'] as const)
          if (periode && (c[key] < periode.debut || c[key] > periode.fin))
            ctx.report(issueAt('suivi-periode', at(key), `année de cible ${c[key]} hors de la période du contrat (${periode.debut}-${periode.fin})`, 'une cible porte sur une année de la période de contrat.yaml'));
        const ind = byId.get(c.indicateur);
        if (!ind) return c;
        const earliest = earliestValue(ind, c.territoire);
        if (!earliest && ind.valeurs.every((v) => v.territoire !== c.territoire))
          ctx.report(warningAt('cible-sans-valeur', at('territoire'), `l’indicateur « ${c.indicateur} » n’a aucune valeur pour « ${c.territoire} »`, `ajoutez ses valeurs pour ce territoire dans cahier-1/indicateurs/${c.indicateur}.yaml, sans quoi la progression ne peut être suivie`));
        return c.reference || !earliest ? c : { ...c, reference: earliest };
      }),
    );
  }
  // The tree was built in the declare phase; its objectifs get their resolved cibles here.
  for (const o of allObjectifs(piliers)) {
    const cibles = resolved.get(o.id);
    if (cibles) o.cibles = cibles;
  }
}
