import { z } from 'zod';
import { idSchema, textSchema } from './common.ts';

export const TERRITOIRE_TYPES = ['pays', 'region', 'departement', 'epci', 'commune'] as const;

export const territoireSchema = z.strictObject({
  id: idSchema,
  nom: textSchema,
  type: z.enum(TERRITOIRE_TYPES).describe('pays, region, departement, epci ou commune'),
  code: z.string().optional().describe('Code officiel (Insee, SIREN…)'),
});

/** territoires.yaml: the comparison territories. */
export const territoiresSchema = z.array(territoireSchema);

export type TerritoireInput = z.output<typeof territoireSchema>;
