import { z } from 'zod';
import { fileIdSchema, idSchema, orMarker, periodSchema, textSchema, treeRefSchema } from './common.ts';
import { suiviSchema } from './suivi.ts';

export { FICHE_STATUTS, type FicheStatut } from './suivi.ts';
import { FICHE_STATUTS } from './suivi.ts';

const amount = z.number().nonnegative({ error: 'montant négatif' });

export const financementSchema = z.strictObject({
  financeur: textSchema,
  montant: orMarker(amount).describe('Montant en euros, sans unité ni espace (ou « à compléter »)'),
});

export const ficheIndicateurSchema = z.strictObject({
  id: idSchema.optional().describe('Identifiant, unique dans la fiche : les valeurs du suivi s’y rattachent'),
  libelle: textSchema,
  valeur_initiale: z.number().optional().describe('Valeur de départ (un nombre)'),
  cible: z.union([z.string(), z.number()]).optional().describe('Valeur cible'),
  sens: z.enum(['hausse-favorable', 'baisse-favorable', 'neutre']).optional().describe('Sens favorable : hausse-favorable, baisse-favorable ou neutre (défaut)'),
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
  statut: z.enum(FICHE_STATUTS).optional().describe('Sans statut, celui de la dernière année du suivi (sinon a-lancer)'),
  suivi: suiviSchema.optional(),
});

interface Budget {
  total: number;
  financements: { financeur: string; montant: number }[];
}

export type FicheInput = z.output<typeof ficheSchema>;
export type FicheIndicateur = z.output<typeof ficheIndicateurSchema>;
