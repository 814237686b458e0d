/**
 * A value with its unit, in French typography: `47,2 %`, `8 700 €`,
 * `7 270 hab.`; null is the secret statistique, never 0.
 */
import { formatNumber } from '../format.ts';

export const SECRET = 's';
export const SECRET_LABEL = 'secret statistique ou donnée non disponible';

export function formatValue(value: number | null, unite: string): string {
  if (value === null) return SECRET;
  const digits = unite === '€' || unite === 'hab.' || unite === 'nombre' ? 0 : unite === 'ratio' ? 2 : 1;
  const n = formatNumber(value, digits);
  if (unite === 'nombre' || unite === 'ratio' || unite === '') return n;
  return `${n}\u202f${unite}`;
}
