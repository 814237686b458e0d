/**
 * A value with its unit, in French typography: `47,2 %`, `8 700 €`,
 * `7 270 hab.`; null is the secret statistique, never 0.
 */
import { formatNumber } from '../format.ts';

export const SECRET = 's';
export const SECRET_LABEL = 'secret statistique ou donnée non disponible';

/**
 * The gap between a quartier and its commune: `+26,6 pts` for a rate (points
 * of percentage), `−11 900 €` otherwise; and whether it is good news, from
 * the indicator's `sens`.
 */
export function formatGap(gap: number, unite: string): string {
  const sign = gap > 0 ? '+' : gap < 0 ? '−' : '';
  const abs = Math.abs(gap);
  if (unite === '%') return `${sign}${formatNumber(abs, 1)}\u202fpts`;
  return `${sign}${formatValue(abs, unite)}`;
}

export type GapVerdict = 'favorable' | 'defavorable' | 'neutre';

export function gapVerdict(gap: number, sens: 'hausse-favorable' | 'baisse-favorable' | 'neutre'): GapVerdict {
  if (gap === 0 || sens === 'neutre') return 'neutre';
  return (gap > 0) === (sens === 'hausse-favorable') ? 'favorable' : 'defavorable';
}

export function formatValue(value: number | null, unite: string): string {
  if (value === null) return SECRET;
  const digits = unite === '€' || unite === 'hab.' || unite === 'nombre' ? 0 : unite === 'ratio' ? 2 : 1;
  const n = formatNumber(value, digits);
  if (unite === 'nombre' || unite === 'ratio' || unite === '') return n;
  return `${n}\u202f${unite}`;
}
