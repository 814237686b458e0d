import { describe, expect, it } from 'vitest';
import { parseAmount, parseNumberText, parseValue, parseYear, SECRET_MARKS } from '../../../src/lib/import/numbers.ts';

describe('parseValue', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234', 1234],
    ['12 345 678', 12345678],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['47,2 %', 47.2],
    ['47,2%', 47.2],
    ['11 920 €', 11920],
    ['-3,5', -3.5],
    ['\u22123,5', -3.5],
    [' 0,95 ', 0.95],
    ['2013', 2013],
  ])('reads « %s » as %d', (text, expected) => {
    expect(parseValue(text)).toBe(expected);
  });

  it('keeps numbers from a spreadsheet as they are', () => {
    expect(parseValue(80.9)).toBe(80.9);
    expect(parseValue(0)).toBe(0);
    expect(parseValue(Number.NaN)).toBeUndefined();
  });

  it.each([...SECRET_MARKS, 'S', 'ND', 'N.D.', 'Secret', '', '   ', null])('reads the secret mark « %s » as null', (mark) => {
    expect(parseValue(mark)).toBeNull();
  });

  it.each(['abc', '39,2,1', '41 25', '1 2345', '12,5,3', '1.2.3', '--1', '12e3', '#DIV/0!', '=B2*2', '.5', '12 %%', 'n.c.'])('refuses « %s »', (text) => {
    expect(parseValue(text)).toBeUndefined();
  });

  it('reads 1.234 and 1,234 as decimals, the French and the English way', () => {
    expect(parseNumberText('1.234')).toBe(1.234);
    expect(parseNumberText('1,234')).toBe(1.234);
  });
});

describe('parseYear', () => {
  it('reads years written as text or numbers', () => {
    expect(parseYear('2013')).toBe(2013);
    expect(parseYear(2013)).toBe(2013);
    expect(parseYear(' 2024 ')).toBe(2024);
    expect(parseYear('2013.0')).toBe(2013);
  });

  it.each(['13', '20l3', '2013,5', '1850', '2300', '', null])('refuses « %s »', (cell) => {
    expect(parseYear(cell)).toBeUndefined();
  });
});

describe('parseAmount', () => {
  it.each([
    ['16 000', 16000],
    ['16\u00a0000', 16000],
    ['16\u202f000', 16000],
    ['30 000,50', 30000.5],
    ['16 000 €', 16000],
    ['16\u00a0000,00\u00a0€', 16000],
    ['€ 16000', 16000],
    ['12000 EUR', 12000],
    ['1 500 euros', 1500],
    ['16.000', 16000],
    ['1.234.567', 1234567],
    ['1.234,56', 1234.56],
    ['16000.5', 16000.5],
    ['-', 0],
    [' – ', 0],
    ['0', 0],
    ['-500', -500],
  ])('reads « %s » as %d', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it('keeps typed numbers, to the cent', () => {
    expect(parseAmount(16000)).toBe(16000);
    expect(parseAmount(30000.499999999996)).toBe(30000.5);
  });

  it('reads an empty cell as no amount', () => {
    expect(parseAmount(null)).toBeNull();
    expect(parseAmount('  ')).toBeNull();
  });

  it.each(['12 %', 'abc', '16 000 F', '€', '1 6000', 's'])('refuses « %s »', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});
