/**
 * French typography for numbers and dates: `12 345,6`, `21 décembre 2015`.
 * Intl gives the narrow no-break space (U+202F) as group separator.
 */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(n: number, fractionDigits = 1): string {
  let f = numberFormats.get(fractionDigits);
  if (!f) numberFormats.set(fractionDigits, (f = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: fractionDigits })));
  return f.format(n);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2015-12-21` → `21 décembre 2015` (1er for the first of the month). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}
