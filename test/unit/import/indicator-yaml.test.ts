import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createIndicatorYaml, mergeIndicatorYaml, type Valeurs } from '../../../src/lib/import/indicator-yaml.ts';

const valeurs = (entries: [number, [string, number | null][]][]): Valeurs => new Map(entries.map(([a, t]) => [a, new Map(t)]));

const EXISTING = `titre: Taux de pauvreté
unite: "%"
source: Insee, Filosofi
definition: >-
  Part de la population dont le niveau de vie est inférieur à 60 % du niveau de vie médian,
  une phrase assez longue pour que yaml la replie autrement si on le laissait faire.
# Les quartiers d'abord.
valeurs:
  2011:
    quartiers-nord: 47.0 # recalculé
    france: 14.3
  # Millésime suivant.
  2015:
    quartiers-nord: 52.0
sens: baisse-favorable
`;

describe('mergeIndicatorYaml', () => {
  it('adds a new last year below the others, leaving every other byte alone', () => {
    const { text, diff } = mergeIndicatorYaml(EXISTING, valeurs([[2016, [['quartiers-nord', 50.5], ['france', null]]]]));
    expect(text).toBe(EXISTING.replace('    quartiers-nord: 52.0\n', '    quartiers-nord: 52.0\n  2016:\n    quartiers-nord: 50.5\n    france: null\n'));
    expect(diff).toEqual({ newYears: [2016], added: 2, changed: [], unchanged: 0 });
  });

  it('puts a year between two others in order, above the comment that introduces the next one', () => {
    const { text } = mergeIndicatorYaml(EXISTING, valeurs([[2013, [['quartiers-nord', 49.1]]]]));
    expect(text).toBe(EXISTING.replace('  # Millésime suivant.\n', '  2013:\n    quartiers-nord: 49.1\n  # Millésime suivant.\n'));
  });

  it('changes a value in place, keeping its comment, and adds territories to an existing year', () => {
    const { text, diff } = mergeIndicatorYaml(EXISTING, valeurs([[2011, [['quartiers-nord', 47.2], ['france', 14.3], ['clermont-ferrand', 21]]]]));
    expect(text).toBe(EXISTING.replace('47.0 # recalculé\n    france: 14.3\n', '47.2 # recalculé\n    france: 14.3\n    clermont-ferrand: 21\n'));
    expect(diff).toEqual({ newYears: [], added: 1, changed: [{ annee: 2011, territoire: 'quartiers-nord', avant: 47, apres: 47.2 }], unchanged: 1 });
  });

  it('follows the file’s indentation and quoted year keys, and gives a last line its newline', () => {
    const text = 'titre: T\nunite: "%"\nsource: S\nvaleurs:\n    "2011":\n        a: 1';
    const merged = mergeIndicatorYaml(text, valeurs([[2011, [['b', 2]]], [2012, [['a', 3]]]])).text;
    expect(merged).toBe('titre: T\nunite: "%"\nsource: S\nvaleurs:\n    "2011":\n        a: 1\n        b: 2\n    2012:\n        a: 3\n');
  });

  it('writes valeurs when the file has none, and edits flow-style maps through the yaml Document', () => {
    expect(mergeIndicatorYaml('titre: T # le titre\n', valeurs([[2011, [['a', 1]]]])).text).toBe('titre: T # le titre\nvaleurs:\n  2011:\n    a: 1\n');
    const flow = mergeIndicatorYaml('# en tête\ntitre: T\nvaleurs: { 2011: { a: 1 } }\n', valeurs([[2012, [['a', 2]]]])).text;
    expect(flow.startsWith('# en tête\n')).toBe(true);
    expect(parse(flow)).toEqual({ titre: 'T', valeurs: { 2011: { a: 1 }, 2012: { a: 2 } } });
  });
});

describe('createIndicatorYaml', () => {
  it('writes a clean file: integer years, null for secrets, numbers as numbers, quoted % unit', () => {
    const text = createIndicatorYaml(
      { titre: 'Taux de pauvreté', unite: '%', theme: 'cohesion-sociale', source: 'Insee, Filosofi 2013', sens: 'baisse-favorable' },
      valeurs([[2013, [['quartiers-nord', 52], ['le-breuil', null]]], [2011, [['quartiers-nord', 47.2]]]]),
      'insee.csv',
    );
    expect(text).toBe(`# Créé par « npm run import » à partir de insee.csv.

titre: Taux de pauvreté
unite: "%"
theme: cohesion-sociale
source: Insee, Filosofi 2013
sens: baisse-favorable
valeurs:
  2011:
    quartiers-nord: 47.2
  2013:
    quartiers-nord: 52
    le-breuil: null
`);
  });
});
