import { z } from 'zod';
import { idSchema, textSchema } from './common.ts';

export const objectifSchema = z.strictObject({
  id: idSchema,
  titre: textSchema,
  indicateurs: z.array(idSchema).default([]).describe('Indicateurs d’évaluation'),
});

export const axeSchema = z.strictObject({
  id: idSchema,
  titre: textSchema,
  objectifs: z.array(objectifSchema),
});

export const enjeuSchema = z.strictObject({
  id: idSchema,
  titre: textSchema,
  constats: z.array(idSchema).default([]).describe('Identifiants des constats AFOM auxquels cet enjeu répond'),
  axes: z.array(axeSchema),
});

export const pilierSchema = z.strictObject({
  id: idSchema,
  titre: textSchema,
  enjeux: z.array(enjeuSchema).optional().describe('Facultatif : sans enjeux, les axes sont directement sous le pilier'),
  axes: z.array(axeSchema).optional(),
});

/** cahier-2/orientations.yaml: the tree piliers > enjeux > axes > objectifs. */
export const orientationsSchema = z.strictObject({
  piliers: z.array(pilierSchema),
});

export type OrientationsInput = z.output<typeof orientationsSchema>;
export type PilierInput = z.output<typeof pilierSchema>;
export type AxeInput = z.output<typeof axeSchema>;
export type EnjeuInput = z.output<typeof enjeuSchema>;
export type ObjectifInput = z.output<typeof objectifSchema>;
