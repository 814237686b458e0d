/**
 * JSON Schemas for editors (VS Code's YAML extension), generated from the
 * Zod schemas of the table of kinds: one source of truth for keys and
 * types. Cross-file rules (references, budgets, periods) stay with
 * `npm run check`.
 */
import { z } from 'zod';
import { KINDS } from './kinds/index.ts';
import type { AnyKind } from './kinds/kind.ts';

/** A schema file's name in schemas/, without `.schema.json`. */
export type SchemaKind = string;

/** One per schema file: kinds that share a schema (the chapters of both cahiers) share its file. */
const EDITOR_SCHEMAS = new Map<SchemaKind, { schema: z.ZodType; titre: string }>(
  (KINDS as readonly AnyKind[]).map((k) => [k.editorSchema ?? k.name, { schema: k.schema, titre: k.editor }]),
);

export const SCHEMA_KINDS: readonly SchemaKind[] = [...EDITOR_SCHEMAS.keys()];

export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const { schema, titre } = EDITOR_SCHEMAS.get(kind)!;
  // `input`: what an author writes (defaulted keys are optional there).
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, $id: `${kind}.schema.json`, title: titre };
}

/** File name → text, deterministic, for writing into schemas/. */
export function jsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(SCHEMA_KINDS.map((k) => [`${k}.schema.json`, `${JSON.stringify(jsonSchema(k), null, 2)}\n`]));
}
