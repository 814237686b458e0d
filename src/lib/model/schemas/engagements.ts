import { z } from 'zod';
import { idSchema, textSchema, yearKeySchema } from './common.ts';
import { ENGAGEMENT_STATUTS } from './suivi.ts';

export const engagementSuiviSchema = z.strictObject({
  statut: z.enum(ENGAGEMENT_STATUTS).describe('a-lancer, en-cours, tenu, partiellement-tenu ou non-tenu'),
  commentaire: z.string().optional(),
});

export const engagementSchema = z.strictObject({
  id: idSchema.describe('Identifiant, unique parmi les engagements'),
  signataire: textSchema.describe('Nom d’un signataire de contrat.yaml'),
  engagement: textSchema.describe('L’engagement, en une phrase'),
  objectifs: z.array(idSchema).default([]).describe('Objectifs opérationnels servis'),
  quartiers: z
    .union([z.literal('tous'), z.array(idSchema)], { error: 'attendu : « tous » ou une liste d’identifiants de quartiers' })
    .default([])
    .describe('Liste de quartiers, ou « tous »'),
  suivi: z.record(yearKeySchema('suivi'), engagementSuiviSchema).default({}).describe('Année → { statut, commentaire }'),
});

/** suivi/engagements.yaml: the signatories' commitments. */
export const engagementsSchema = z.array(engagementSchema);
export type EngagementInput = z.output<typeof engagementSchema>;
