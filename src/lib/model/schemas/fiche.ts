import { z } from 'zod';
import { fileIdSchema, idSchema, orMarker, periodSchema, textSchema, treeRefSchema } from './common.ts';

export const FICHE_STATUTS = ['a-lancer', 'en-cours', 'realise', 'abandonne'] as const;

const amount = z.number().nonnegative({ error: 'montant négatif' });

export const financementSchema = z.strictObject({
  financeur: textSchema,
  montant: orMarker(amount).describe('Montant en euros, sans unité ni espace (ou « à compléter »)'),
});

export const ficheIndicateurSchema = z.strictObject({
  libelle: textSchema,
  cible: z.union([z.string(), z.number()]).optional().describe('Valeur cible'),
  indicateur: idSchema.optional().describe('Identifiant d’un indicateur du cahier I'),
});

/** cahier-2/fiches/<id>.md front matter: one fiche projet. */
export const ficheSchema = z.strictObject({
  id: fileIdSchema,
  titre: textSchema,
  objectifs: z.array(treeRefSchema).min(1, { error: 'au moins un objectif attendu' }),
  quartiers: z
    .union([z.literal('tous'), z.array(idSchema).min(1, { error: 'au moins un quartier attendu' })], {
      error: 'attendu : « tous » ou une liste d’identifiants de quartiers',
    })
    .describe('Liste de quartiers, ou « tous »'),
  axes_transversaux: z.array(idSchema).default([]),
  porteur: textSchema.describe('Structure porteuse'),
  pilote: z
    .strictObject({ nom: z.string().optional(), service: z.string().optional(), contact: z.string().optional() })
    .optional(),
  partenaires: z.array(textSchema).default([]),
  public: z.string().optional(),
  calendrier: periodSchema.optional(),
  budget: z
    .strictObject({
      total: orMarker(amount).describe('Coût total en euros (ou « à compléter »)'),
      financements: z.array(financementSchema),
    })
    // A budget with an amount still « à compléter » is no budget yet: none is published.
    .transform((b) => (b.total === undefined || b.financements.some((f) => f.montant === undefined) ? undefined : (b as Budget)))
    .optional(),
  indicateurs: z.array(ficheIndicateurSchema).default([]),
  statut: z.enum(FICHE_STATUTS).default('a-lancer'),
});

interface Budget {
  total: number;
  financements: { financeur: string; montant: number }[];
}

export type FicheInput = z.output<typeof ficheSchema>;
export type FicheStatut = (typeof FICHE_STATUTS)[number];
