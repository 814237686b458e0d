import { z } from 'zod';
import { treeRefSchema } from './common.ts';

/** cahier-2/quartiers/<id>.md front matter: the stakes declined for one quartier. */
export const declinaisonSchema = z.strictObject({
  priorites: z.array(treeRefSchema).min(1, { error: 'au moins un objectif prioritaire attendu' }),
});

export type DeclinaisonInput = z.output<typeof declinaisonSchema>;
