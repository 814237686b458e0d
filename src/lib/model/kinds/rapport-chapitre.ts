/**
 * rapports/<annee>/chapitres/<slug>.md: the authored chapters of an annual
 * report (faits marquants, perspectives…), placed by their `ordre` among
 * the report's generated parts. Folded into the report of their folder.
 */
import { toBody } from '../bodies.ts';
import { chapitreSchema } from '../schemas/chapitre.ts';
import type { Chapitre } from './chapitre.ts';
import { defineKind } from './kind.ts';

export type RapportChapitre = Chapitre & { dossier: string };

export const rapportChapitre = defineKind({
  name: 'rapport-chapitre',
  place: 'rapports/*/chapitres/*.md',
  schema: chapitreSchema,
  editor: 'En-tête d’un chapitre (cahier-1|2/chapitres/<slug>.md, rapports/<annee>/chapitres/<slug>.md)',
  editorSchema: 'chapitre',
  resolve: (entries): RapportChapitre[] =>
    entries.map((c) => ({ slug: c.id, titre: c.value.titre, ordre: c.value.ordre, body: toBody(c.body!), dossier: c.folders[0]! })),
});
