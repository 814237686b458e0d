/**
 * The table of kinds: every kind of file a contract folder holds. Parsing,
 * classification, the JSON Schemas, the id registry and resolution read
 * this table and nothing else; the Contract type is derived from it. A new
 * kind is one module beside these and one line here (CONTRIBUTING.md).
 */
import { afom } from './afom.ts';
import { chapitre1, chapitre2 } from './chapitre.ts';
import { contrat } from './contrat.ts';
import { declinaison } from './declinaison.ts';
import { engagements } from './engagements.ts';
import { fiche } from './fiche.ts';
import type { KeyOf, OutputOf } from './kind.ts';
import { indicateur } from './indicateur.ts';
import { orientations } from './orientations.ts';
import { quartier } from './quartier.ts';
import { avis } from './avis.ts';
import { rapport } from './rapport.ts';
import { rapportChapitre } from './rapport-chapitre.ts';
import { territoires } from './territoires.ts';

/** In the order ids are declared: a kind may read what the kinds above it declared. */
export const KINDS = [contrat, territoires, quartier, indicateur, afom, chapitre1, chapitre2, orientations, declinaison, fiche, engagements, rapport, rapportChapitre, avis] as const;

export type KindName = (typeof KINDS)[number]['name'];

type KindsWithKey = Extract<(typeof KINDS)[number], { key?: string }>;

/** The resolved contract: one field per kind that has a `key`, holding that kind's output. */
export type ContractParts = {
  [K in KindsWithKey as KeyOf<K> & string]: NonNullable<OutputOf<K>>;
};
