import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../../../src/lib/import/csv.ts';
import { decodeBytes } from '../../../src/lib/import/decode.ts';
import { readTable } from '../../../src/lib/import/index.ts';
import { detectLayout } from '../../../src/lib/import/layout.ts';
import { cellAddress, type Table } from '../../../src/lib/import/table.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';

const SAMPLES = join(FIXTURES, 'import');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeBytes(utf8('nom_qp\nL’Île'))).toEqual({ text: 'nom_qp\nL’Île', encoding: 'UTF-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('code;Île')]))).toEqual({ text: 'code;Île', encoding: 'UTF-8' });
  });

  it('reads what is not valid UTF-8 as Windows-1252', () => {
    const bytes = iconv.encode('Les Tilleuls – Gare;L’Île;1\u00a0234,5 €', 'win1252');
    expect(decodeBytes(bytes)).toEqual({ text: 'Les Tilleuls – Gare;L’Île;1\u00a0234,5 €', encoding: 'Windows-1252' });
  });

  it('reads the UTF-16 of Excel’s Unicode text export', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('code\tÎle', 'utf16le')]);
    expect(decodeBytes(bytes)).toEqual({ text: 'code\tÎle', encoding: 'UTF-16' });
  });
});

describe('detectSeparator', () => {
  it('takes the separator that splits the header line', () => {
    expect(detectSeparator('code_qp;nom_qp;tp60\nQP1;a,b;1,5')).toBe(';');
    expect(detectSeparator('territoire,annee,indicateur,valeur\nfr,2013,x,"1,5"')).toBe(',');
    expect(detectSeparator('code\tnom\ttp60\n')).toBe('\t');
    expect(detectSeparator('\n\n"a;b",c,d\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('numbers rows by the line they start on, across CRLF, blank lines and quoted line breaks', () => {
    const r = parseCsv('a;b\r\n"x\r\ny";2\r\n\r\n3;4\r\n', ';');
    expect(r).toEqual({ ok: true, rows: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x\ny', '2'] }, { line: 5, cells: ['3', '4'] }] });
  });

  it('reports an unclosed quote with its line', () => {
    expect(parseCsv('a;b\n1;2\n"x;2\n', ';')).toMatchObject({ ok: false, line: 3, message: 'CSV illisible : guillemet ouvert jamais refermé' });
  });
});

describe('readTable', () => {
  it('reads the Insee sample: Windows-1252, semicolons, CRLF', async () => {
    const r = await readTable(readFileSync(join(SAMPLES, 'insee-qpv-2013.csv')));
    if (!r.ok) throw new Error(r.message);
    expect(r.table.description).toBe('CSV Windows-1252, séparateur « ; »');
    expect(r.table.rows[0]!.cells.slice(0, 4)).toEqual(['code_qp', 'nom_qp', 'pop_mun', 'tp60']);
    expect(r.table.rows[1]).toMatchObject({ line: 2, cells: ['QN09801A', 'Les Tilleuls – Gare', '3\u00a0410', '44,8', '11\u00a0920', '1,9', '46,2', '1\u00a0520'] });
    expect(r.table.rows[2]!.cells[1]).toBe('L\'Île aux Mariniers');
    expect(detectLayout(r.table)).toMatchObject({ kind: 'wide', headerRow: 0, code: { index: 0, name: 'code_qp' } });
  });

  it('reads the long sample: UTF-8, commas, quoted decimal comma', async () => {
    const r = await readTable(readFileSync(join(SAMPLES, 'indicateurs-long.csv')));
    if (!r.ok) throw new Error(r.message);
    expect(r.table.description).toBe('CSV UTF-8, séparateur « , »');
    expect(r.table.rows[1]!.cells).toEqual(['QN09801A', '2024', 'taux-chomage-jeunes', '32,9']);
    expect(detectLayout(r.table)).toMatchObject({ kind: 'long', territoire: { index: 0 }, annee: { index: 1 }, indicateur: { index: 2 }, valeur: { index: 3 } });
  });

  it('reads the first sheet of the XLSX sample as Excel shows it', async () => {
    const r = await readTable(readFileSync(join(SAMPLES, 'logements-sociaux-2023.xlsx')));
    if (!r.ok) throw new Error(r.message);
    expect(r.table.description).toBe('XLSX, feuille « RPLS 2023 »');
    const byLine = new Map(r.table.rows.map((row) => [row.line, row.cells]));
    expect(byLine.get(3)).toEqual(['code_qp', 'nom_qp', 'tx_lls', 'nb_lls']);
    expect(byLine.get(4)).toEqual(['QN09801A', 'Les Tilleuls – Gare', 80.9, 640]);
    expect(byLine.get(5)![2]).toBe(66.8); // 0.668 formatted as a percentage
    expect(byLine.get(6)!.slice(0, 3)).toEqual(['QN09803C', 'Le Clos Fleuri', 's']);
    expect(byLine.get(7)!.slice(0, 3)).toEqual([98101, 'Loirac', 25.1]); // formula → its result
    expect(byLine.get(8)![2]).toBe('11,4');
    // The title above the header is skipped.
    expect(detectLayout(r.table)).toMatchObject({ kind: 'wide', headerRow: 1, variables: [{ name: 'tx_lls' }, { name: 'nb_lls' }] });
  });

  it('refuses old .xls workbooks and broken zips with a message', async () => {
    expect(await readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toMatchObject({ ok: false, message: expect.stringContaining('.xls') });
    expect(await readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ ok: false, message: expect.stringContaining('XLSX illisible') });
  });

  it('gives rich text, errors and formulas without result as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('f');
    ws.getRow(1).values = ['code', 'x', 'y', 'z'];
    ws.getRow(2).values = [{ richText: [{ text: 'QN0' }, { text: '9801A' }] }, { error: '#DIV/0!' }, { formula: 'B2*2' }, null];
    const r = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.message);
    expect(r.table.rows[1]!.cells.slice(0, 3)).toEqual(['QN09801A', '#DIV/0!', '=B2*2']);
  });
});

describe('detectLayout', () => {
  const table = (...rows: (string | null)[][]): Table => ({ format: 'csv', description: '', rows: rows.map((cells, i) => ({ line: i + 1, cells })) });

  it('recognises headers whatever their case, accents or spacing', () => {
    expect(detectLayout(table(['Territoire', 'Année', 'Indicateur', 'Valeur']))).toMatchObject({ kind: 'long' });
    expect(detectLayout(table(['CODGEO', 'LIBGEO', 'TP60']))).toMatchObject({ kind: 'wide', code: { name: 'CODGEO' }, variables: [{ index: 2, name: 'TP60' }] });
    expect(detectLayout(table(['code_qp', 'annee', 'tp60']))).toMatchObject({ kind: 'wide', annee: { index: 1 }, variables: [{ name: 'tp60' }] });
  });

  it('skips title lines and gives up on a table without a header it knows', () => {
    expect(detectLayout(table(['Titre'], [], ['code_qp', 'tp60']))).toMatchObject({ kind: 'wide', headerRow: 2 });
    expect(detectLayout(table(['a', 'b'], ['1', '2']))).toBeUndefined();
  });
});

it('cellAddress names cells as spreadsheets do', () => {
  expect(cellAddress(7, 2)).toBe('B7');
  expect(cellAddress(1, 26)).toBe('Z1');
  expect(cellAddress(10, 28)).toBe('AB10');
});
