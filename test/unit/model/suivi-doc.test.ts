/**
 * The YAML examples of docs/suivi.md are valid: each is read with the
 * schema of what it shows (a fiche's indicateurs and suivi, objectifs with
 * cibles, axes with constats, ruptures, commitments).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engagementsSchema } from '../../../src/lib/model/schemas/engagements.ts';
import { ficheSchema } from '../../../src/lib/model/schemas/fiche.ts';
import { indicateurSchema } from '../../../src/lib/model/schemas/indicateur.ts';
import { axeSchema, objectifSchema } from '../../../src/lib/model/schemas/orientations.ts';

const text = readFileSync(join(import.meta.dirname, '../../../docs/suivi.md'), 'utf8');
const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, unknown> | unknown[]);

const schemas: [string, z.ZodType][] = [
  ['a fiche’s indicateurs and suivi', ficheSchema.pick({ indicateurs: true, suivi: true })],
  ['objectifs with cibles and constats', z.strictObject({ objectifs: z.array(objectifSchema) })],
  ['axes with constats', z.strictObject({ axes: z.array(axeSchema) })],
  ['ruptures', indicateurSchema.pick({ ruptures: true })],
  ['commitments', engagementsSchema],
];

describe('docs/suivi.md', () => {
  it('has one YAML example per schema', () => expect(blocks).toHaveLength(schemas.length));
  it.each(schemas.map(([what, schema], i) => [what, schema, i] as const))('its example of %s is valid', (_, schema, i) => {
    const result = schema.safeParse(blocks[i]);
    expect(result.error?.issues ?? []).toEqual([]);
  });
});
