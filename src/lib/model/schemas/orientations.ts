import { z } from 'zod';
import { idSchema, textSchema, yearSchema } from './common.ts';

const constatsSchema = z.array(idSchema).describe('Identifiants des constats AFOM auxquels ce niveau répond');

export const cibleSchema = z.strictObject({
  indicateur: idSchema.describe('Identifiant d’un indicateur du cahier I'),
  territoire: idSchema.describe('Identifiant d’un quartier ou d’un territoire'),
  annee: yearSchema.describe('Année de la cible'),
  valeur: z.number().describe('Valeur visée'),
  reference: z
    .strictObject({ annee: yearSchema, valeur: z.number() })
    .optional()
    .describe('Facultatif : { annee, valeur } ; par défaut, la première valeur connue de l’indicateur sur ce territoire'),
});

export const objectifSchema = z.strictObject({
  id: idSchema,
  titre: textSchema,
  indicateurs: z.array(idSchema).default([]).describe('Indicateurs d’évaluation'),
  constats: constatsSchema.optional(),
  cibles: z.array(cibleSchema).optional().describe('Objectifs chiffrés : indicateur, territoire, année, valeur visée'),
});

export const axeSchema = z.strictObject({
  id: idSchema,
  titre: textSchema,
  constats: constatsSchema.optional(),
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
export type CibleInput = z.output<typeof cibleSchema>;
