/**
 * « fiche en double ? »: a fiche copied under another name changes the
 * budget and renumbers every later fiche without an error. Two fiches are
 * taken for one when their titles are the same once normalised, or when
 * they have the same porteur and titles at least 85 % alike (Levenshtein)
 * with the same numbers in them.
 */
import { normalizeTitle } from './ids.ts';
import { editDistance } from './registry.ts';

export const SIMILARITY = 0.85;

export interface Titled {
  id: string;
  titre: string;
  porteur: string;
}

/** 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

function numbers(title: string): string {
  return (title.match(/\d+/g) ?? []).join(' ');
}

/** Each fiche that looks like an earlier one, with that earlier one (in the order given). */
export function ficheDoubles<T extends Titled>(fiches: readonly T[]): { fiche: T; first: T }[] {
  const byTitle = new Map<string, T>();
  const byPorteur = new Map<string, { fiche: T; title: string }[]>();
  const doubles: { fiche: T; first: T }[] = [];
  for (const fiche of fiches) {
    const title = normalizeTitle(fiche.titre);
    const porteur = normalizeTitle(fiche.porteur);
    // Only fiches of one porteur are compared letter by letter: a contract has hundreds of fiches, a porteur a few.
    // « Phase 1 » and « Phase 2 » are two actions: titles that differ in their numbers are never alike.
    const same = byTitle.get(title) ?? byPorteur.get(porteur)?.find((o) => numbers(o.title) === numbers(title) && similarity(o.title, title) >= SIMILARITY)?.fiche;
    if (same) doubles.push({ fiche, first: same });
    if (!byTitle.has(title)) byTitle.set(title, fiche);
    byPorteur.set(porteur, [...(byPorteur.get(porteur) ?? []), { fiche, title }]);
  }
  return doubles;
}
