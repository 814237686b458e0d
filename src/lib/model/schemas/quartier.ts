import { z } from 'zod';
import { fileIdSchema, idSchema, mediaPathSchema, textSchema, yearSchema } from './common.ts';

/** quartiers/<id>.md front matter: one priority neighbourhood. */
export const quartierSchema = z.strictObject({
  id: fileIdSchema,
  nom: textSchema,
  code: z.string().optional().describe('Code officiel, ex. QP063004 (2015) ou QN06302I (2024)'),
  commune: idSchema.describe('Identifiant d’une commune de territoires.yaml'),
  population: z.number().int().nonnegative().optional(),
  annee_population: yearSchema.optional().describe('Année de la population (obligatoire avec population)'),
  contour: mediaPathSchema.optional().describe('Contour GeoJSON (EPSG:4326) sous medias/'),
  categorie: z
    .enum(['prioritaire', 'veille'])
    .default('prioritaire')
    .describe('« prioritaire » (défaut) ou « veille » (quartier de veille active)'),
  renouvellement_urbain: z.boolean().optional().describe('Inscrit dans un programme de renouvellement urbain'),
});

export type QuartierInput = z.output<typeof quartierSchema>;
