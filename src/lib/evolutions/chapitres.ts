/**
 * Chapters of both cahiers added, removed, retitled, or whose text changed,
 * with a word-level excerpt of the change.
 */
import type { Root } from 'mdast';
import { fr } from '../../i18n/fr.ts';
import type { Chapitre, Contract } from '../model/index.ts';
import { routes } from '../site/routes.ts';
import { matchById, titleDetail } from './match.ts';
import type { Change, Detail } from './types.ts';
import { plainText, wordExcerpts } from './words.ts';

export function compareChapitres(old: Contract, now: Contract): Change[] {
  return ([1, 2] as const).flatMap((cahier) => {
    const key = cahier === 1 ? 'cahier1' : 'cahier2';
    const prefix = `${fr.evolutions.chapitre} ${cahier === 1 ? fr.cahier1 : fr.cahier2}`;
    const path = (slug: string) => (cahier === 1 ? routes.chapitre1(slug) : routes.chapitre2(slug));
    const withId = (c: Chapitre) => ({ ...c, id: c.slug });
    return matchById(
      old[key].map(withId),
      now[key].map(withId),
      (a, b) => [...titleDetail(a.titre, b.titre), ...textDetail(a.body.root, b.body.root)],
      (c) => ({ change: 'ajout', prefix, titre: c.titre, path: path(c.slug), details: [] }),
      (c) => ({ change: 'suppression', prefix, titre: c.titre, details: [] }),
    );
  });
}

function textDetail(before: Root, after: Root): Detail[] {
  const a = plainText(before);
  const b = plainText(after);
  if (a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ')) return [];
  return [{ type: 'texte', ...wordExcerpts(a, b) }];
}
