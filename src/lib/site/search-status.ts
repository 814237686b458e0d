/**
 * What the search page says and how many results it lists at a time. Kept
 * free of imports: it is bundled into the /recherche/ page script.
 */
export const SEARCH_PAGE = 10;

export const SEARCH_LABELS = {
  searching: 'Recherche…',
  more: 'Plus de résultats',
} as const;

/** « 23 résultats pour « eau » (10 affichés). », the count of what can be listed; « (… affichés) » until all are. */
export function searchStatus(query: string, total: number, shown: number): string {
  if (total === 0) return `Aucun résultat pour « ${query} ».`;
  const found = `${total} résultat${total > 1 ? 's' : ''} pour « ${query} »`;
  return shown < total ? `${found} (${shown} affiché${shown > 1 ? 's' : ''}).` : `${found}.`;
}

/** How many results to list after the `shown` first ones of `total`. */
export function nextBatch(total: number, shown: number): number {
  return Math.max(0, Math.min(SEARCH_PAGE, total - shown));
}
