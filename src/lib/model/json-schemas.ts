/**
 * JSON Schemas for editors (VS Code's YAML extension), generated from the
 * Zod schemas the checker uses: one source of truth for keys and types.
 * Cross-file rules (references, budgets, periods) stay with `npm run check`.
 */
import { z } from 'zod';
import { afomSchema } from './schemas/afom.ts';
import { chapitreSchema } from './schemas/chapitre.ts';
import { contratSchema } from './schemas/contrat.ts';
import { declinaisonSchema } from './schemas/declinaison.ts';
import { ficheSchema } from './schemas/fiche.ts';
import { indicateurSchema } from './schemas/indicateur.ts';
import { orientationsSchema } from './schemas/orientations.ts';
import { quartierSchema } from './schemas/quartier.ts';
import { territoiresSchema } from './schemas/territoires.ts';

export const SCHEMA_KINDS = {
  contrat: { schema: contratSchema, titre: 'contrat.yaml : identité du contrat', fichiers: ['contrat.yaml'] },
  territoires: { schema: territoiresSchema, titre: 'territoires.yaml : territoires de comparaison', fichiers: ['territoires.yaml'] },
  orientations: { schema: orientationsSchema, titre: 'cahier-2/orientations.yaml : l’arbre des objectifs', fichiers: ['cahier-2/orientations.yaml'] },
  indicateur: { schema: indicateurSchema, titre: 'Un indicateur statistique (cahier-1/indicateurs/<id>.yaml)', fichiers: ['cahier-1/indicateurs/*.yaml'] },
  afom: { schema: afomSchema, titre: 'Une matrice AFOM (cahier-1/afom/<id>.yaml)', fichiers: ['cahier-1/afom/*.yaml'] },
  quartier: { schema: quartierSchema, titre: 'En-tête d’un quartier (quartiers/<id>.md)', fichiers: [] },
  chapitre: { schema: chapitreSchema, titre: 'En-tête d’un chapitre (cahier-1|2/chapitres/<slug>.md)', fichiers: [] },
  declinaison: { schema: declinaisonSchema, titre: 'En-tête d’une déclinaison (cahier-2/quartiers/<id>.md)', fichiers: [] },
  fiche: { schema: ficheSchema, titre: 'En-tête d’une fiche projet (cahier-2/fiches/<id>.md)', fichiers: [] },
} as const;

export type SchemaKind = keyof typeof SCHEMA_KINDS;

export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const { schema, titre } = SCHEMA_KINDS[kind];
  // `input`: what an author writes (defaulted keys are optional there).
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, $id: `${kind}.schema.json`, title: titre };
}

/** File name → text, deterministic, for writing into schemas/. */
export function jsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(SCHEMA_KINDS) as SchemaKind[]).map((k) => [`${k}.schema.json`, `${JSON.stringify(jsonSchema(k), null, 2)}\n`]),
  );
}
