import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../../src/lib/typography.ts';

describe('frenchTypography', () => {
  it.each([
    ["l'emploi d'abord", 'l’emploi d’abord'],
    ['Pourquoi ? Parce que !', 'Pourquoi\u202f? Parce que\u202f!'],
    ['Pourquoi? Voilà', 'Pourquoi\u202f? Voilà'],
    ['trois axes ; deux', 'trois axes\u202f; deux'],
    ['Objectif : réussir', 'Objectif\u00a0: réussir'],
    ['« quartiers »', '«\u00a0quartiers\u00a0»'],
    ['«quartiers»', '«\u00a0quartiers\u00a0»'],
    ['à 10:30 et https://exemple.fr/?a=1 ok', 'à 10:30 et https://exemple.fr/?a=1 ok'],
    ['Vraiment ?!', 'Vraiment\u202f?!'],
  ])('%s', (input, output) => expect(frenchTypography(input)).toBe(output));
});
