/**
 * « à compléter » is never published as a value: a scaffold's amounts and
 * indicator values still to supply are absent from the model (never 0),
 * and each one is a located warning, not an error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../src/lib/model/index.ts';
import { hasMarker } from '../../../src/lib/model/schemas/common.ts';
import { errorCaseFiles, FIXTURES } from '../../helpers/fixtures.ts';

describe('« à compléter »', () => {
  const result = buildContract(errorCaseFiles(join(FIXTURES, 'errors', 'a-completer')));

  it('is a warning with its rule id, and the contract is built', () => {
    expect(result.contract).toBeDefined();
    expect(new Set(result.issues.map((i) => `${i.severity} ${i.rule}`))).toEqual(new Set(['warning a-completer']));
  });

  it('leaves no amount nor value in its place', () => {
    const fiche = result.contract!.fiches.find((f) => f.id === 'nouvelle')!;
    expect(fiche.budget).toBeUndefined();
    const chomage = result.contract!.indicateurs.find((i) => i.id === 'chomage')!;
    expect(chomage.annees).toEqual([2011]);
    expect(chomage.valeurs.some((v) => v.annee === 2015)).toBe(false);
  });

  it.each([
    ['à compléter', true],
    ['A compléter', true],
    ['Structure porteuse à completer', true],
    ['À compléter : le contexte', true],
    ['complété à temps', false],
    ['à comparer', false],
  ])('recognises %s: %s', (text, expected) => expect(hasMarker(text)).toBe(expected));
});
