import { describe, expect, it } from 'vitest';
import { normalizeTitle, stripAccents, toId } from '../../../src/lib/model/ids.ts';
import { ficheDoubles, similarity } from '../../../src/lib/model/fiche-doubles.ts';

describe('ids and titles as people write them', () => {
  it.each([
    ['jardins-partagés-vignes', 'jardins-partages-vignes'],
    ['Jardins partagés (Vignes)', 'jardins-partages-vignes'],
    ['Cœur de ville', 'coeur-de-ville'],
    ['  Été 2016 !', 'ete-2016'],
    ['L’Oradou', 'l-oradou'],
  ])('toId(%s) = %s', (written, id) => expect(toId(written)).toBe(id));

  it('strips accents, keeps the rest', () => expect(stripAccents('Réussite éducative à Ça')).toBe('Reussite educative a Ca'));
  it('normalises titles', () => expect(normalizeTitle('  ACCOMPAGNER les jeunes ! ')).toBe('accompagner les jeunes'));
});

describe('fiches en double', () => {
  const f = (id: string, titre: string, porteur = 'A') => ({ id, titre, porteur });

  it('same title once normalised, whatever the porteur', () => {
    expect(ficheDoubles([f('a', 'Permis solidaire', 'X'), f('b', 'PERMIS  solidaire.', 'Y')]).map((d) => [d.fiche.id, d.first.id])).toEqual([['b', 'a']]);
  });

  it('same porteur and titles at least 85 % alike', () => {
    expect(similarity('accompagner les jeunes', 'accompagner des jeunes')).toBeGreaterThanOrEqual(0.85);
    expect(ficheDoubles([f('a', 'Accompagner les jeunes'), f('b', 'Accompagner des jeunes')])).toHaveLength(1);
    expect(ficheDoubles([f('a', 'Accompagner les jeunes', 'X'), f('b', 'Accompagner des jeunes', 'Y')])).toHaveLength(0);
    expect(ficheDoubles([f('a', 'Accompagner les jeunes'), f('b', 'Accompagner les seniors')])).toHaveLength(0);
    // Numbered phases of one porteur are distinct actions.
    expect(ficheDoubles([f('a', 'Fiche d’essai 01'), f('b', 'Fiche d’essai 02'), f('c', 'Chantier éducatif, phase 1'), f('d', 'Chantier éducatif, phase 2')])).toHaveLength(0);
  });
});
