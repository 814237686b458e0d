import { describe, expect, it } from 'vitest';
import { a, contract, contractAfter, de } from '../../../src/lib/french.ts';

describe('de', () => {
  it.each([
    ['Les Vignes', 'des Vignes'],
    ['Le Patural-Les Pègues', 'du Patural-Les Pègues'],
    ['La Fontaine', 'de La Fontaine'],
    ['L’Oradou', 'de L’Oradou'],
    ["L'Oradou", "de L'Oradou"],
    ['Saint-Jacques', 'de Saint-Jacques'],
    ['Quartier Sud (Le Lac)', 'de Quartier Sud (Le Lac)'],
    ['les Hauts', 'des Hauts'],
    ['le Bourg', 'du Bourg'],
    ['la Plaine', 'de la Plaine'],
    ['Aulnat', 'd’Aulnat'],
    ['Île aux Mariniers', 'd’Île aux Mariniers'],
    ['Yvetot', 'd’Yvetot'],
    ['Yutz', 'de Yutz'],
    ['Hautepierre', 'de Hautepierre'],
    ['Leclerc', 'de Leclerc'],
    ['Lesneven', 'de Lesneven'],
    ['Le\u00a0Lac', 'du Lac'],
  ])('%s → %s', (nom, expected) => expect(de(nom)).toBe(expected));

  it('capitalises at the start of a sentence', () => {
    expect(de('Les Vignes', { initiale: true })).toBe('Des Vignes');
    expect(de('La Gauthière', { initiale: true })).toBe('De La Gauthière');
    expect(de('Aulnat', { initiale: true })).toBe('D’Aulnat');
  });
});

describe('a', () => {
  it.each([
    ['Les Vignes', 'aux Vignes'],
    ['Le Mans', 'au Mans'],
    ['La Rochelle', 'à La Rochelle'],
    ['L’Isle-Adam', 'à L’Isle-Adam'],
    ["L'Isle-Adam", "à L'Isle-Adam"],
    ['Aulnat', 'à Aulnat'],
    ['Saint-Jacques', 'à Saint-Jacques'],
    ['les Mureaux', 'aux Mureaux'],
  ])('%s → %s', (nom, expected) => expect(a(nom)).toBe(expected));

  it('capitalises at the start of a sentence', () => {
    expect(a('Les Vignes', { initiale: true })).toBe('Aux Vignes');
    expect(a('Saint-Jacques', { initiale: true })).toBe('À Saint-Jacques');
  });
});

describe('contract', () => {
  it('gives the preposition and the name apart, for a caller that links the name', () => {
    expect(contract('de', 'Les Vignes')).toEqual({ preposition: 'des', nom: 'Vignes' });
    expect(contract('à', 'La Gauthière')).toEqual({ preposition: 'à', nom: 'La Gauthière' });
  });
});

describe('contractAfter', () => {
  it.each([
    ['Le chômage recule à ', 'Les Vignes', 'Le chômage recule aux ', 'Vignes'],
    ['Les habitants de ', 'Le Patural', 'Les habitants du ', 'Patural'],
    ['De ', 'Les Vignes', 'Des ', 'Vignes'],
    ['À ', 'Le Breuil', 'Au ', 'Breuil'],
    ['(de\u00a0', 'Les Vignes', '(des\u00a0', 'Vignes'],
    ['les écoles de ', 'Aulnat', 'les écoles d’', 'Aulnat'],
  ])('« %s» + %s → « %s» + %s', (text, nom, expectedText, expectedNom) =>
    expect(contractAfter(text, nom)).toEqual({ text: expectedText, nom: expectedNom }));

  it.each([
    ['il se creuse à ', 'La Gauthière'],
    ['les habitants de ', 'Saint-Jacques'],
    ['Voir ', 'Les Vignes'],
    ['il a ', 'Les Vignes'],
    ['Monde ', 'Les Vignes'],
    ['Ardèche ', 'Les Vignes'],
    ['à', 'Les Vignes'],
  ])('leaves « %s» + %s as it is', (text, nom) => expect(contractAfter(text, nom)).toBeUndefined());
});
