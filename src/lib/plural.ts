/**
 * Plural of a tree-level label for headings ("Piliers", "Axes stratégiques",
 * "Objectifs opérationnels", "Priorités de quartier"): the noun and its
 * adjectives take the plural, the complement after a preposition does not.
 */
const STOP = new Set(['de', 'du', 'des', 'd’', "d'", 'pour', 'en', 'à', 'au', 'aux', 'la', 'le', 'les', 'et']);

export function pluralize(label: string): string {
  const words = label.split(' ');
  const out: string[] = [];
  let stopped = false;
  for (const word of words) {
    if (STOP.has(word.toLowerCase()) || /^d['’]/i.test(word)) stopped = true;
    out.push(stopped ? word : pluralWord(word));
  }
  return out.join(' ');
}

function pluralWord(word: string): string {
  if (/[sxz]$/i.test(word)) return word;
  if (/(eau|au|eu)$/i.test(word)) return `${word}x`;
  if (/al$/i.test(word) && !/^(bal|carnaval|festival|récital|régal)$/i.test(word)) return `${word.slice(0, -2)}aux`;
  return `${word}s`;
}
