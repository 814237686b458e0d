/**
 * Ids and titles as written by people: accents stripped, case and
 * punctuation folded. One function for the checker's hints and for
 * `npm run new`, so both propose the same id.
 */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE')).replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'));
}

/** "Jardins partagés (Acacias)" → "jardins-partages-acacias": the id an author most likely meant. */
export function toId(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A title reduced to what makes it the same title: no case, accents, punctuation or extra spaces. */
export function normalizeTitle(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
