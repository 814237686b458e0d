import { describe, expect, it } from 'vitest';
import { pluralize } from '../../../src/lib/plural.ts';

describe('pluralize', () => {
  it.each([
    ['Pilier', 'Piliers'],
    ['Axe stratégique', 'Axes stratégiques'],
    ['Objectif opérationnel', 'Objectifs opérationnels'],
    ['Priorité', 'Priorités'],
    ['Enjeu', 'Enjeux'],
    ['Axe principal', 'Axes principaux'],
    ['Priorité de quartier', 'Priorités de quartier'],
    ['Engagement', 'Engagements'],
  ])('%s → %s', (one, many) => expect(pluralize(one)).toBe(many));
});
