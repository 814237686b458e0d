/**
 * The editor schemas come from the Zod schemas: the committed files are up
 * to date, every file of the example validates, and they reject what the
 * checker rejects for types and unknown keys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchema, jsonSchemaFiles, type SchemaKind } from '../../../src/lib/model/json-schemas.ts';
import { splitFrontMatter } from '../../../src/lib/model/front-matter.ts';
import { buildContract } from '../../../src/lib/model/index.ts';
import { fixtureFiles, textFile, withFiles } from '../../helpers/fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map<SchemaKind, ReturnType<typeof ajv.compile>>();
const validate = (kind: SchemaKind, data: unknown) => {
  if (!validators.has(kind)) validators.set(kind, ajv.compile(jsonSchema(kind)));
  return validators.get(kind)!(data) as boolean;
};
const frontMatter = (text: string) => {
  const split = splitFrontMatter(text);
  if (!split.ok) throw new Error('no front matter');
  return parse(split.yaml);
};

const KIND_OF: [RegExp, SchemaKind, boolean][] = [
  [/^contrat\.yaml$/, 'contrat', false],
  [/^territoires\.yaml$/, 'territoires', false],
  [/^cahier-2\/orientations\.yaml$/, 'orientations', false],
  [/^cahier-1\/indicateurs\/.*\.yaml$/, 'indicateur', false],
  [/^cahier-1\/afom\/.*\.yaml$/, 'afom', false],
  [/^quartiers\/.*\.md$/, 'quartier', true],
  [/^cahier-[12]\/chapitres\/.*\.md$/, 'chapitre', true],
  [/^cahier-2\/quartiers\/.*\.md$/, 'declinaison', true],
  [/^cahier-2\/fiches\/.*\.md$/, 'fiche', true],
];

describe('JSON Schemas for editors', () => {
  it('are up to date in schemas/ (npm run schemas)', () => {
    const files = jsonSchemaFiles();
    expect(readdirSync(join(ROOT, 'schemas')).sort()).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(ROOT, 'schemas', name), 'utf8'), name).toBe(text);
  });

  it.each(['content', 'test/fixtures/autre-contrat', 'test/fixtures/minimal'])('accept every file of %s', (dir) => {
    const files = dir === 'content' ? readAll(join(ROOT, 'content')) : readAll(join(ROOT, dir));
    let checked = 0;
    for (const [path, text] of files) {
      const match = KIND_OF.find(([re]) => re.test(path));
      if (!match) continue;
      const [, kind, md] = match;
      expect(validate(kind, md ? frontMatter(text) : parse(text)), `${path}: ${JSON.stringify(validators.get(kind)?.errors?.slice(0, 2))}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  const REJECTED: [string, SchemaKind, string, string][] = [
    ['a wrong type deep in a list', 'fiche', 'cahier-2/fiches/accompagner-jeunes.md', '---\ntitre: A\nobjectifs: [accompagner]\nquartiers: [centre]\nporteur: X\nbudget:\n  total: 10\n  financements:\n    - financeur: État\n      montant: 10 €\n---\n'],
    ['an unknown key', 'fiche', 'cahier-2/fiches/accompagner-jeunes.md', '---\ntitre: A\nobjectifs: [accompagner]\nquartiers: [centre]\nporteur: X\npartenaire: [CAF]\n---\n'],
    ['a missing required key', 'fiche', 'cahier-2/fiches/accompagner-jeunes.md', '---\ntitre: A\nobjectifs: [accompagner]\nquartiers: [centre]\n---\n'],
    ['a value out of its list', 'quartier', 'quartiers/centre.md', '---\nnom: Centre\ncommune: ville\ncategorie: renforcee\n---\n'],
    ['a number where text is expected', 'contrat', 'contrat.yaml', 'titre: T\nterritoire: agglo\nperiode: {debut: 2015, fin: 2020}\nstatut: signe\nversion: 1.0\ndate: 2015-06-30\nmaitre_ouvrage: A\n'],
    ['an invalid id', 'territoires', 'territoires.yaml', '- id: Ville Test\n  nom: V\n  type: commune\n'],
    ['text where a year map is expected', 'indicateur', 'cahier-1/indicateurs/chomage.yaml', 'titre: T\nunite: "%"\nsource: S\nvaleurs:\n  2011:\n    centre: douze\n'],
    ['an unknown key in the tree', 'orientations', 'cahier-2/orientations.yaml', 'piliers:\n  - id: social\n    titre: Cohésion\n    axes:\n      - id: insertion\n        titre: Insérer\n        objectif: []\n'],
  ];

  it.each(REJECTED)('reject %s, as the checker does', (_what, kind, path, text) => {
    const data = path.endsWith('.md') ? frontMatter(text) : parse(text);
    expect(validate(kind, data)).toBe(false);
    const checked = buildContract(withFiles(fixtureFiles('minimal'), textFile(path, text)));
    expect(checked.issues.some((i) => i.severity === 'error' && i.file === path)).toBe(true);
  });
});

function readAll(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => /\.(ya?ml|md)$/.test(p) && !p.split('/').some((s) => s.startsWith('_')))
    .map((p) => [p, readFileSync(join(dir, p), 'utf8')]);
}
