/**
 * Two resolved contracts → what changed from the first to the second, in
 * the model's terms (evolutions/types.ts). Pure: both versions went through
 * the same model, so an element is matched by its id, and a change of
 * numbering alone (a sibling added before it) is not reported.
 */
import { fr } from '../../i18n/fr.ts';
import { formatDate } from '../format.ts';
import type { Contract, RefTarget } from '../model/index.ts';
import { entityLabel, labelText, lookupOf } from '../queries/index.ts';
import { compareChapitres } from './chapitres.ts';
import { compareAfoms, compareContrat } from './contrat.ts';
import { compareEngagements } from './engagements.ts';
import { compareFiches } from './fiches.ts';
import { compareIndicateurs } from './indicateurs.ts';
import { current, matchById, otherFields, removed, titleDetail } from './match.ts';
import { plainText } from './words.ts';
import type { Change, Evolutions, Section, SectionId } from './types.ts';

export type * from './types.ts';

/** One version of the contract: the ref it was read at (`v1.0`), and its model. */
export interface Version {
  ref: string;
  contract: Contract;
}

/** « depuis la version 1.0 du 30 juin 2015 ». */
export function sinceVersion(depuis: { version: string; date: string }): string {
  return `${fr.evolutions.depuis} ${depuis.version} ${fr.dateOf} ${formatDate(depuis.date)}`;
}

export function evolutionsTitle(version: string, date: string): string {
  return `${fr.evolutions.document} ${sinceVersion({ version, date })}`;
}

export function compareContracts(before: Version, now: Contract): Evolutions {
  const old = before.contract;
  const sections: Record<SectionId, Change[]> = {
    contrat: compareContrat(old, now),
    orientations: compareTree(old, now),
    fiches: compareFiches(old, now),
    quartiers: compareQuartiers(old, now),
    indicateurs: compareIndicateurs(old, now),
    afoms: compareAfoms(old, now),
    engagements: compareEngagements(old, now),
    chapitres: compareChapitres(old, now),
  };
  const { version, date } = old.contrat;
  return {
    depuis: { ref: before.ref, version, date },
    titre: evolutionsTitle(version, date),
    sections: (Object.entries(sections) as [SectionId, Change[]][]).filter(([, c]) => c.length > 0).map(([id, changes]): Section => ({ id, titre: fr.evolutions.sections[id], changes })),
  };
}

const LEVELS = ['pilier', 'enjeu', 'axe', 'objectif'] as const;
type Level = (typeof LEVELS)[number];

/** The node above a tree node (none for a pilier). */
function parentOf(contract: Contract, kind: Level, id: string): RefTarget | undefined {
  const l = lookupOf(contract);
  if (kind === 'enjeu') return { kind: 'pilier', id: l.enjeu.get(id)!.pilier };
  if (kind === 'axe') {
    const axe = l.axe.get(id)!;
    return axe.enjeu ? { kind: 'enjeu', id: axe.enjeu } : { kind: 'pilier', id: axe.pilier };
  }
  if (kind === 'objectif') return { kind: 'axe', id: l.objectif.get(id)!.axe };
  return undefined;
}

/** What a tree node holds besides its title and children: compared as « other fields ». */
interface NodeFields {
  constats?: unknown;
  indicateurs?: unknown;
  cibles?: unknown;
}

/** The tree's nodes in reading order: each pilier, its enjeux, axes and objectifs. */
function treeNodes(contract: Contract): { kind: Level; id: string; titre: string; fields: NodeFields }[] {
  const node = (kind: Level, x: { id: string; titre: string } & NodeFields) => ({ kind, id: x.id, titre: x.titre, fields: { constats: x.constats, indicateurs: x.indicateurs, cibles: x.cibles } });
  return contract.piliers.flatMap((p) => [
    node('pilier', p),
    ...p.enjeux.map((e) => node('enjeu', e)),
    ...p.axes.flatMap((a) => [node('axe', a), ...a.objectifs.map((o) => node('objectif', o))]),
  ]);
}

/** Piliers, enjeux, axes and objectifs added, removed, retitled or moved under another parent. */
function compareTree(old: Contract, now: Contract): Change[] {
  // Ids are unique across the tree: a node that changed level is removed at one and added at the other.
  const key = (n: { kind: Level; id: string }) => `${n.kind}:${n.id}`;
  const label = (c: Contract, t: RefTarget | undefined) => (t ? labelText(entityLabel(c, t)) : '');
  return matchById(
    treeNodes(old).map((n) => ({ ...n, id: key(n), ref: n.id })),
    treeNodes(now).map((n) => ({ ...n, id: key(n), ref: n.id })),
    (a, b) => {
      const from = parentOf(old, a.kind, a.ref);
      const to = parentOf(now, b.kind, b.ref);
      const moved = from && to && (from.kind !== to.kind || from.id !== to.id);
      const e = fr.evolutions;
      return [
        ...titleDetail(a.titre, b.titre),
        ...(moved ? [{ type: 'deplacement' as const, avant: label(old, from), apres: label(now, to) }] : []),
        ...otherFields([
          [e.constats, a.fields.constats, b.fields.constats],
          [e.indicateurs, a.fields.indicateurs, b.fields.indicateurs],
          [e.cibles, a.fields.cibles, b.fields.cibles],
        ]),
      ];
    },
    (n) => current(now, { kind: n.kind, id: n.ref }, [], 'ajout'),
    (n) => removed(old, { kind: n.kind, id: n.ref }),
  );
}

/** Quartiers added, removed or renamed. */
function compareQuartiers(old: Contract, now: Contract): Change[] {
  return matchById(
    old.quartiers,
    now.quartiers,
    (a, b) => {
      const f = fr.evolutions.quartierChamps;
      return [
        ...titleDetail(a.nom, b.nom),
        ...otherFields([
          [f.code, a.code, b.code],
          [f.commune, a.commune, b.commune],
          [f.population, [a.population, a.annee_population], [b.population, b.annee_population]],
          [f.categorie, a.categorie, b.categorie],
          [f.renouvellement, a.renouvellement_urbain, b.renouvellement_urbain],
          [f.contour, a.contour, b.contour],
          [f.portrait, plainText(a.portrait.root), plainText(b.portrait.root)],
          [f.priorites, a.declinaison?.priorites, b.declinaison?.priorites],
          [f.declinaison, a.declinaison && plainText(a.declinaison.body.root), b.declinaison && plainText(b.declinaison.body.root)],
        ]),
      ];
    },
    (q) => current(now, { kind: 'quartier', id: q.id }, [], 'ajout'),
    (q) => removed(old, { kind: 'quartier', id: q.id }),
  );
}
