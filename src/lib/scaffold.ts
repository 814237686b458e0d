/**
 * `npm run new`: what a scaffold writes, as plain data. Placeholders in
 * templates/ are `{{name}}`; the values come from the contract being edited
 * (its first objectif, quartier, commune…), so a new file passes the check
 * as soon as it is written.
 */
import { dirname, join, relative, resolve } from 'node:path';
import type { Contract } from './model/index.ts';
import { ID_PATTERN } from './model/schemas/common.ts';
import { objectifsOf } from './queries/index.ts';

export const SCAFFOLD_KINDS = ['fiche', 'quartier', 'indicateur', 'afom', 'chapitre'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

/** Where a new entry of each kind goes, relative to the contract folder. */
export function targetPath(kind: ScaffoldKind, id: string, cahier: 1 | 2 = 1): string {
  switch (kind) {
    case 'fiche':
      return `cahier-2/fiches/${id}.md`;
    case 'quartier':
      return `quartiers/${id}.md`;
    case 'indicateur':
      return `cahier-1/indicateurs/${id}.yaml`;
    case 'afom':
      return `cahier-1/afom/${id}.yaml`;
    case 'chapitre':
      return `cahier-${cahier}/chapitres/${id}.md`;
  }
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([a-z:]+)\}\}/g, (m, key: string) => values[key] ?? m);
}

/** "permis-solidaire" → "Permis solidaire": a readable title to start from. */
export function titleFromId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function validId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Values for the placeholders, from the contract (first objectif, quartier, commune, periode). */
export function placeholderValues(id: string, contract: Contract | undefined, chapterOrder: number): Record<string, string> {
  const objectif = (contract && objectifsOf(contract.piliers)[0]?.id) ?? 'objectif-a-definir';
  const quartier = contract?.quartiers[0]?.id ?? 'quartier-a-definir';
  const commune = contract?.territoires.find((t) => t.type === 'commune')?.id ?? 'commune-a-definir';
  const territoire = contract?.territoires[0]?.id ?? 'territoire-a-definir';
  const periode = contract?.contrat.periode;
  return {
    id,
    titre: titleFromId(id),
    objectif,
    quartier,
    commune,
    territoire,
    debut: String(periode?.debut ?? new Date().getFullYear()),
    fin: String(periode?.fin ?? new Date().getFullYear()),
    annee: String(periode?.debut ?? new Date().getFullYear()),
    ordre: String(chapterOrder),
  };
}

const SCHEMAS = resolve(import.meta.dirname, '..', '..', 'schemas');

/** The path of a JSON Schema relative to a new file, for its `yaml-language-server` line. */
export function schemaRef(file: string, kind: string): string {
  return relative(dirname(resolve(file)), join(SCHEMAS, `${kind}.schema.json`));
}
