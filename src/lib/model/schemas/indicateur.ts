import { z } from 'zod';
import { fileIdSchema, idSchema, orMarker, textSchema, yearKeySchema } from './common.ts';

/** cahier-1/indicateurs/<id>.yaml: one statistical indicator. */
export const indicateurSchema = z.strictObject({
  id: fileIdSchema,
  titre: textSchema,
  unite: textSchema.describe('%, €, hab., nombre, ratio ou une unité courte'),
  theme: z.string().optional().describe('Identifiant de pilier ou thème libre'),
  source: textSchema.describe('Source, ex. « Insee, Filosofi »'),
  definition: z.string().optional(),
  sens: z.enum(['hausse-favorable', 'baisse-favorable', 'neutre']).default('neutre').describe('Sens favorable d’une évolution : hausse-favorable, baisse-favorable ou neutre (défaut)'),
  valeurs: z
    .record(yearKeySchema('valeurs'), z.record(idSchema, orMarker(z.number().nullable())))
    // Values still « à compléter » are not values: dropped, with the years left empty.
    .transform((years) =>
      Object.fromEntries(
        Object.entries(years)
          .map(([year, byPlace]) => [year, Object.fromEntries(Object.entries(byPlace).filter(([, v]) => v !== undefined)) as Record<string, number | null>] as const)
          .filter(([, byPlace]) => Object.keys(byPlace).length > 0),
      ),
    )
    .describe('année → (territoire → nombre, null pour le secret statistique, ou « à compléter »)'),
  ruptures: z.record(yearKeySchema('ruptures'), textSchema).optional().describe('Ruptures de série : année → ce qui a changé (géographie, définition)'),
});

export type IndicateurInput = z.output<typeof indicateurSchema>;
