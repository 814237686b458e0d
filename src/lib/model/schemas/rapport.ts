import { z } from 'zod';
import { dateSchema, idSchema, orMarker, textSchema, yearSchema } from './common.ts';

export const ETATS_RAPPORT = ['projet', 'consultation', 'adopte'] as const;
export type EtatRapport = (typeof ETATS_RAPPORT)[number];

/** rapports/<annee>/rapport.yaml: the annual report's state and dates (FORMAT-SUIVI « The annual report »). */
export const rapportSchema = z.strictObject({
  annee: yearSchema.describe('Année sur laquelle porte le rapport ; égale au nom du dossier'),
  etat: z.enum(ETATS_RAPPORT).describe('« projet », « consultation » (soumis à avis) ou « adopte »'),
  // A scaffold leaves it « à compléter »: no date is invented.
  date: orMarker(dateSchema).optional().describe('Date de cette version, AAAA-MM-JJ (obligatoire à l’état projet)'),
  consultation: z
    .strictObject({
      debut: dateSchema.describe('Envoi du projet aux instances consultées, AAAA-MM-JJ'),
      fin: dateSchema.optional().describe('Date limite des avis ; par défaut un mois après le début'),
    })
    .optional()
    .describe('Consultation des conseils citoyens et municipaux (obligatoire à partir de l’état consultation)'),
  deliberation: z
    .strictObject({
      instance: textSchema.describe('Instance qui adopte, ex. « Conseil communautaire »'),
      date: dateSchema.describe('Date de la délibération, AAAA-MM-JJ'),
      // A number written bare (`45`) is its text: `"2018-045"` needs quotes, `45` does not.
      numero: z.union([textSchema, z.number().transform(String)]).optional().describe('Numéro de la délibération, ex. "2018-045"'),
    })
    .optional()
    .describe('Délibération d’adoption (obligatoire à l’état adopte)'),
});

export const TYPES_AVIS = ['conseil-citoyen', 'conseil-municipal', 'autre'] as const;
export const SENS_AVIS = ['favorable', 'reserve', 'defavorable'] as const;

/** rapports/<annee>/avis/<id>.md front matter: one opinion on the report. */
export const avisSchema = z.strictObject({
  instance: textSchema.describe('Instance qui rend l’avis, ex. « Conseil citoyen des Hauts »'),
  type: z.enum(TYPES_AVIS).describe('« conseil-citoyen », « conseil-municipal » ou « autre »'),
  quartier: idSchema.optional().describe('Pour un conseil citoyen : identifiant du quartier prioritaire'),
  commune: idSchema.optional().describe('Pour un conseil municipal : identifiant de la commune (territoires.yaml)'),
  // A scaffold leaves both « à compléter » (undefined here): a warning, never a date or a sense made up.
  date: orMarker(dateSchema).describe('Date de l’avis, AAAA-MM-JJ'),
  sens: orMarker(z.enum(SENS_AVIS)).describe('« favorable », « reserve » (avec réserves) ou « defavorable »'),
});

export type RapportInput = z.output<typeof rapportSchema>;
export type AvisInput = z.output<typeof avisSchema>;
