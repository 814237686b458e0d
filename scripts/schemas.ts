/**
 * `npm run schemas`: writes schemas/*.schema.json from the Zod schemas
 * (a test checks the committed files are up to date).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../src/lib/model/json-schemas.ts';

const dir = 'schemas';
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaFiles())) writeFileSync(join(dir, name), text);
process.stdout.write(`Schémas écrits dans ${dir}/\n`);
