import { describe, expect, it } from 'vitest';
import { formatGap, gapVerdict } from '../../../src/lib/render/units.ts';

describe('gaps between a quartier and its commune', () => {
  it('are written in points for rates and judged by the indicator’s sens', () => {
    expect(formatGap(26.6, '%')).toBe('+26,6\u202fpts');
    expect(formatGap(-11900, '€')).toBe('−11\u202f900\u202f€');
    expect(gapVerdict(26.6, 'baisse-favorable')).toBe('defavorable');
    expect(gapVerdict(26.6, 'hausse-favorable')).toBe('favorable');
    expect(gapVerdict(-3, 'neutre')).toBe('neutre');
  });
});
