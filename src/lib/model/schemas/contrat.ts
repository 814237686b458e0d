import { z } from 'zod';
import { dateSchema, idSchema, mediaPathSchema, periodSchema, textSchema } from './common.ts';

export const DEFAULT_LIBELLES = {
  pilier: 'Pilier',
  enjeu: 'Enjeu',
  axe: 'Axe stratégique',
  objectif: 'Objectif opérationnel',
} as const;

export const DEFAULT_LICENCE = 'Licence Ouverte 2.0';

export const axeTransversalSchema = z.strictObject({
  id: idSchema,
  titre: textSchema.describe('Intitulé, ex. « Jeunesse »'),
  description: z.string().optional(),
});

export const signataireSchema = z.strictObject({
  nom: textSchema.describe('Institution signataire'),
  representant: z.string().optional().describe('Personne qui signe, ex. « Le Préfet du Puy-de-Dôme »'),
  logo: mediaPathSchema.optional().describe('Logo, chemin sous medias/'),
});

/** contrat.yaml: the identity of the contract. */
export const contratSchema = z.strictObject({
  titre: textSchema.describe('Titre du contrat'),
  sous_titre: z.string().optional().describe('Sous-titre, ex. « 2015-2020 »'),
  territoire: idSchema.describe('Identifiant du territoire (EPCI) porteur, dans territoires.yaml'),
  periode: periodSchema,
  statut: z.enum(['projet', 'signe']).describe('« projet » : document de travail ; « signe » : version signée'),
  version: textSchema.describe('Version, ex. "1.0" (entre guillemets)'),
  date: dateSchema.describe('Date de cette version, AAAA-MM-JJ'),
  maitre_ouvrage: textSchema.describe('Maître d’ouvrage'),
  redaction: z.array(textSchema).default([]).describe('Rédacteurs, bureau d’études'),
  libelles: z
    .strictObject({
      pilier: textSchema.default(DEFAULT_LIBELLES.pilier),
      enjeu: textSchema.default(DEFAULT_LIBELLES.enjeu),
      axe: textSchema.default(DEFAULT_LIBELLES.axe),
      objectif: textSchema.default(DEFAULT_LIBELLES.objectif),
    })
    // `prefault`: an absent block is parsed as {}, so each level gets its default label.
    .prefault({})
    .describe('Libellés des niveaux de l’arbre'),
  axes_transversaux: z.array(axeTransversalSchema).default([]),
  signataires: z.array(signataireSchema).default([]),
  licence: textSchema.default(DEFAULT_LICENCE).describe('Licence des données publiées'),
});

export type ContratInput = z.output<typeof contratSchema>;
export type AxeTransversal = z.output<typeof axeTransversalSchema>;
export type Signataire = z.output<typeof signataireSchema>;
export type Libelles = ContratInput['libelles'];
