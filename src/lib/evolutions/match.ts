/**
 * How the comparison matches elements of two versions (by id) and names
 * them: the current label and page of what is still there, the old label
 * of what was removed.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract, RefTarget } from '../model/index.ts';
import { entityLabel, pilierOf } from '../queries/index.ts';
import { targetPath } from '../site/routes.ts';
import type { Change, Detail } from './types.ts';

/** An element of the current version: its label and its page. */
export function current(now: Contract, target: RefTarget, details: Detail[], change: Change['change'] = 'modification'): Change {
  return { change, ...named(now, target), path: targetPath(target, (id) => pilierOf(now, id)), details };
}

/** An element of the old version that is gone: its label then, and no page. */
export function removed(old: Contract, target: RefTarget): Change {
  return { change: 'suppression', ...named(old, target), details: [] };
}

/** The site's label, with the kind's name where the site shows none (« Quartier », « Indicateur »). */
function named(contract: Contract, target: RefTarget): { prefix: string; titre: string } {
  const { prefix, titre } = entityLabel(contract, target);
  return { prefix: prefix || fr.evolutions.genres[target.kind as keyof typeof fr.evolutions.genres] || '', titre };
}

/**
 * Matches the elements of both versions by id: the added and changed ones
 * in the current order, then the removed ones in their old order.
 */
export function matchById<T extends { id: string }>(olds: readonly T[], nows: readonly T[], changed: (before: T, after: T) => Detail[], added: (x: T) => Change, gone: (x: T) => Change): Change[] {
  const before = new Map(olds.map((x) => [x.id, x]));
  const ids = new Set(nows.map((x) => x.id));
  const changes: Change[] = [];
  for (const x of nows) {
    const was = before.get(x.id);
    if (!was) changes.push(added(x));
    else {
      const details = changed(was, x);
      if (details.length) changes.push({ ...added(x), change: 'modification', details });
    }
  }
  return [...changes, ...olds.filter((x) => !ids.has(x.id)).map(gone)];
}

/**
 * The fields, among `[name, before, after]`, whose value differs: what
 * else changed in an element, beyond the fields reported with their values.
 */
export function otherFields(fields: readonly [string, unknown, unknown][]): Detail[] {
  const champs = fields.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b)).map(([name]) => name);
  return champs.length ? [{ type: 'autres', champs }] : [];
}

export function titleDetail(avant: string, apres: string): Detail[] {
  return avant === apres ? [] : [{ type: 'titre', avant, apres }];
}

