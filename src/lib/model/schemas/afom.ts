import { z } from 'zod';
import { fileIdSchema, idSchema, textSchema } from './common.ts';

export const afomItemSchema = z.union([
  textSchema,
  z.strictObject({
    texte: textSchema,
    indicateurs: z.array(idSchema).default([]).describe('Indicateurs qui étayent ce constat'),
    id: idSchema.optional().describe('Identifiant unique parmi toutes les matrices, cité par les enjeux'),
  }),
]);

const itemList = z.array(afomItemSchema);

/** cahier-1/afom/<id>.yaml: one AFOM (SWOT) matrix. */
export const afomSchema = z.strictObject({
  id: fileIdSchema,
  titre: textSchema,
  pilier: idSchema.optional(),
  quartier: idSchema.optional(),
  atouts: itemList,
  faiblesses: itemList,
  opportunites: itemList,
  menaces: itemList,
});

export const AFOM_QUADRANTS = ['atouts', 'faiblesses', 'opportunites', 'menaces'] as const;
export type AfomQuadrant = (typeof AFOM_QUADRANTS)[number];
export type AfomInput = z.output<typeof afomSchema>;
export type AfomItemInput = z.output<typeof afomItemSchema>;
