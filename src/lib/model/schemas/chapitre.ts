import { z } from 'zod';
import { textSchema } from './common.ts';

/** cahier-{1,2}/chapitres/<slug>.md front matter. */
export const chapitreSchema = z.strictObject({
  titre: textSchema,
  ordre: z.number().describe('Rang du chapitre dans son cahier'),
});

export type ChapitreInput = z.output<typeof chapitreSchema>;
