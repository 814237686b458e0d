/**
 * Warnings of FORMAT.md: reported, the build goes on. Each one is a gap a
 * reader of the cahiers would notice.
 */
import type { DirectiveUse } from './directives.ts';
import { issueAt, type ContentIssue } from './issues.ts';
import type { ParsedContract } from './parse-files.ts';
import type { Fiche, Pilier } from './types.ts';

export function collectWarnings(parsed: ParsedContract, fiches: readonly Fiche[], piliers: readonly Pilier[], uses: readonly DirectiveUse[]): ContentIssue[] {
  void piliers;
  const warnings: ContentIssue[] = [];
  // A file that failed to parse would make these warnings wrong: its own error comes first.
  const failed = new Set(parsed.failed.map((f) => f.kind));
  const fichesKnown = !failed.has('fiche');
  const bodiesKnown = !['quartier', 'chapitre-1', 'chapitre-2', 'declinaison', 'fiche'].some((k) => failed.has(k as never));
  const warn = (at: Parameters<typeof issueAt>[0], message: string, hint: string) => warnings.push(issueAt(at, message, hint, 'warning'));

  const carried = new Set(fiches.flatMap((f) => f.objectifs));
  if (parsed.orientations && fichesKnown) {
    const y = parsed.orientations.yaml;
    parsed.orientations.value.piliers.forEach((p, pi) => {
      const axes: [(string | number)[], typeof p.axes][] = [
        ...(p.enjeux ?? []).map((e, ei) => [['piliers', pi, 'enjeux', ei], e.axes] as [(string | number)[], typeof p.axes]),
        [['piliers', pi], p.axes],
      ];
      for (const [path, list] of axes)
        list?.forEach((a, ai) =>
          a.objectifs.forEach((o, oi) => {
            if (!carried.has(o.id))
              warn(y.locate([...path, 'axes', ai, 'objectifs', oi, 'id']), `objectif sans fiche « ${o.id} »`, 'aucune fiche projet ne met en œuvre cet objectif');
          }),
        );
    });
  }

  const served = new Set(fiches.flatMap((f) => f.quartiers));
  for (const q of fichesKnown ? parsed.quartiers : []) {
    if (!served.has(q.id)) warn(q.yaml.locate([]), `quartier sans fiche « ${q.id} »`, 'aucune fiche projet ne concerne ce quartier (ni « quartiers: tous »)');
  }

  const shown = new Set(uses.filter((u) => u.name === 'indicateur').map((u) => u.attributes.id));
  for (const ind of bodiesKnown ? parsed.indicateurs : []) {
    if (!shown.has(ind.id)) warn(ind.yaml.locate([]), `indicateur jamais affiché « ${ind.id} »`, `aucun chapitre ni portrait ne l’affiche : ajoutez ::indicateur{id=${ind.id}} là où il éclaire le diagnostic`);
  }

  for (const f of parsed.fiches) {
    if (!f.value.indicateurs || f.value.indicateurs.length === 0)
      warn(f.yaml.locate([]), 'fiche sans indicateurs', 'ajoutez « indicateurs: » pour permettre l’évaluation de l’action');
  }
  return warnings;
}
