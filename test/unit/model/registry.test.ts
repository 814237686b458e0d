/**
 * What a wrong reference is told: the closest ids when none is a typo away,
 * never the first ids in alphabetical order.
 */
import { describe, expect, it } from 'vitest';
import { Registry } from '../../../src/lib/model/registry.ts';

const at = { file: 'cahier-2/fiches/x.md', line: 3, column: 13, path: 'objectifs[0]' };

describe('Registry.check hints', () => {
  const registry = new Registry();
  for (const id of ['acces-emploi', 'acces-droits', 'reussite-educative', 'sante-mentale', 'sport-sante', 'mobilite', 'logement-social', 'tranquillite', 'parentalite', 'numerique'])
    registry.add('objectif', id);

  it('lists the most alike ids among many', () => {
    // The id sharing a word comes first; three are shown, with how many there are.
    expect(registry.check('emploi-jeunes', ['objectif'], at)?.hint).toMatch(/^identifiants les plus proches : acces-emploi, [a-z-]+, [a-z-]+ \(10 en tout\)$/);
    expect(registry.check('sante-jeunes', ['objectif'], at)?.hint).toMatch(/^identifiants les plus proches : (sante-mentale, sport-sante|sport-sante, sante-mentale), /);
  });

  it('keeps « vouliez-vous écrire » for a typo', () => {
    expect(registry.check('acces-emplois', ['objectif'], at)?.hint).toBe('vouliez-vous écrire « acces-emploi » ?');
  });

  it('lists every id when there are few', () => {
    const few = new Registry();
    few.add('quartier', 'nord');
    few.add('quartier', 'centre');
    expect(few.check('sud', ['quartier'], at)?.hint).toBe('identifiants possibles : centre, nord');
  });
});
