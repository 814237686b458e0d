/**
 * cahier-1/chapitres/<slug>.md and cahier-2/chapitres/<slug>.md: the
 * authored chapters of each cahier, ordered by `ordre`, then file name.
 */
import { toBody, type Body } from '../bodies.ts';
import { chapitreSchema, type ChapitreInput } from '../schemas/chapitre.ts';
import { defineKind } from './kind.ts';

export type Chapitre = ChapitreInput & { slug: string; body: Body };

function chapitreKind<const Name extends string, const Key extends string>(name: Name, cahier: 1 | 2, key: Key) {
  return defineKind({
    name,
    place: `cahier-${cahier}/chapitres/*.md`,
    schema: chapitreSchema,
    editor: 'En-tête d’un chapitre (cahier-1|2/chapitres/<slug>.md, rapports/<annee>/chapitres/<slug>.md)',
    editorSchema: 'chapitre',
    key,
    resolve: (entries): Chapitre[] =>
      entries
        .map((c) => ({ slug: c.id, titre: c.value.titre, ordre: c.value.ordre, body: toBody(c.body!) }))
        .sort((a, b) => a.ordre - b.ordre || (a.slug < b.slug ? -1 : 1)),
  });
}

export const chapitre1 = chapitreKind('chapitre-1', 1, 'cahier1');
export const chapitre2 = chapitreKind('chapitre-2', 2, 'cahier2');
