/**
 * Whether a fiche card matches the chosen filters. Kept free of imports:
 * it is bundled into the /fiches/ page script.
 */
export type FacetKey = 'pilier' | 'objectif' | 'quartier' | 'porteur' | 'statut' | 'axe';

/** A card's data holds space-separated ids (a single value for porteur, which may contain spaces). */
export function matches(card: Partial<Record<FacetKey, string>>, chosen: Partial<Record<FacetKey, string>>): boolean {
  return Object.entries(chosen).every(([key, value]) => {
    if (!value) return true;
    const have = card[key as FacetKey] ?? '';
    return key === 'porteur' ? have === value : have.split(' ').includes(value);
  });
}
