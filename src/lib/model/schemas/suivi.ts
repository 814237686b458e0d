import { z } from 'zod';
import { idSchema, orMarker, textSchema, yearKeySchema } from './common.ts';

export const FICHE_STATUTS = ['a-lancer', 'en-cours', 'en-retard', 'suspendu', 'realise', 'abandonne'] as const;
export type FicheStatut = (typeof FICHE_STATUTS)[number];

export const ENGAGEMENT_STATUTS = ['a-lancer', 'en-cours', 'tenu', 'partiellement-tenu', 'non-tenu'] as const;
export type EngagementStatut = (typeof ENGAGEMENT_STATUTS)[number];

const amount = orMarker(z.number().nonnegative({ error: 'montant négatif' }));

export const suiviFinancementSchema = z.strictObject({
  financeur: textSchema.describe('Financeur, écrit comme dans budget.financements'),
  prevu: amount.optional().describe('Montant programmé, en euros'),
  engage: amount.optional().describe('Montant engagé (convention signée, subvention attribuée), en euros'),
  realise: amount.optional().describe('Montant versé à ce jour sur cette programmation, en euros'),
});

export const suiviAnneeSchema = z.strictObject({
  statut: z.enum(FICHE_STATUTS).optional().describe('Statut en fin d’année'),
  avancement: orMarker(
    z
      .number()
      .min(0, { error: (issue) => `avancement hors de 0 à 100 : ${String(issue.input)}` })
      .max(100, { error: (issue) => `avancement hors de 0 à 100 : ${String(issue.input)}` }),
  )
    .optional()
    .describe('Avancement, en pourcentage (0 à 100)'),
  financements: z.array(suiviFinancementSchema).default([]).describe('Argent de la programmation de l’année, par financeur'),
  valeurs: z.record(idSchema, orMarker(z.number().nullable())).default({}).describe('Identifiant d’un indicateur de la fiche → valeur mesurée cette année (null : secret)'),
  dossiers: z.array(textSchema).default([]).describe('Références des dossiers de subvention'),
  commentaire: z.string().optional().describe('Commentaire en Markdown (les directives sont permises)'),
});

/** A fiche's `suivi`: programmation year → what happened on it. */
export const suiviSchema = z.record(yearKeySchema('suivi'), suiviAnneeSchema).describe('Suivi annuel : année → statut, avancement, financements, valeurs, dossiers, commentaire');

export type SuiviAnneeInput = z.output<typeof suiviAnneeSchema>;
