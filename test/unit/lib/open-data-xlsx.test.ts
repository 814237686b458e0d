import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildContract, type Contract } from '../../../src/lib/model/index.ts';
import { FICHES_TABLE, FINANCEMENTS_TABLE, INDICATEURS_TABLE, type TableSpec } from '../../../src/lib/open-data-columns.ts';
import { fichesRows, financementsRows, indicateursRows, OPEN_DATA_TABLES } from '../../../src/lib/open-data.ts';
import { COLUMNS_SHEET, pinZipDates, toXlsx } from '../../../src/lib/open-data-xlsx.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';

const c = buildContract(fixtureFiles('minimal')).contract!;
const autre = buildContract(fixtureFiles('autre-contrat')).contract!;

async function workbook(spec: TableSpec, rows: ReturnType<typeof fichesRows>, contract: Contract = c): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsx(spec, rows, contract)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** A row's values by column, without exceljs's empty slot 0. */
const values = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1);

afterEach(() => {
  vi.useRealTimers();
});

describe('open data as XLSX', () => {
  it('heads the first sheet with the French labels, frozen and filterable', async () => {
    const sheet = (await workbook(FICHES_TABLE, fichesRows(c))).worksheets[0]!;
    expect(sheet.name).toBe('Fiches projets');
    expect(values(sheet.getRow(1))).toEqual(FICHES_TABLE.colonnes.map((col) => col.libelle));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('types the cells: numbers as numbers, years as integers, booleans as booleans, lists as text', async () => {
    const fiche = { ...c.fiches[0]!, calendrier: { debut: 2016, fin: 2019 } };
    const sheet = (await workbook(FICHES_TABLE, fichesRows({ ...c, fiches: [fiche] }))).worksheets[0]!;
    const cell = (nom: string) => sheet.getRow(2).getCell(FICHES_TABLE.colonnes.findIndex((col) => col.nom === nom) + 1);
    expect(cell('numero').value).toBe(1);
    expect(cell('calendrier_debut').value).toBe(2016);
    expect(cell('calendrier_debut').numFmt).toBe('0');
    expect(Number.isInteger(cell('calendrier_fin').value)).toBe(true);
    expect(cell('budget_total').value).toBe(1000);
    expect(cell('budget_total').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('budget_total').numFmt).toContain('€');
    expect(cell('tous_quartiers').value).toBe(false);
    expect(cell('tous_quartiers').type).toBe(ExcelJS.ValueType.Boolean);
    expect(cell('financements').value).toBe('État: 600|Ville: 400');
    expect(cell('pilote_nom').value).toBeNull();
  });

  it('writes an indicator value as a number, a secret statistique as an empty cell', async () => {
    const sheet = (await workbook(INDICATEURS_TABLE, indicateursRows(c))).worksheets[0]!;
    expect(values(sheet.getRow(2))).toEqual(['chomage', 'Taux de chômage', '%', 'Test (illustratif)', 2011, 'centre', 'Centre', 'quartier', undefined, 20.5, false]);
    expect(sheet.getRow(4).getCell(10).value).toBeNull();
    expect(sheet.getRow(4).getCell(11).value).toBe(true);
  });

  it('writes a funder’s share as a number shown as a percentage', async () => {
    const sheet = (await workbook(FINANCEMENTS_TABLE, financementsRows(c))).worksheets[0]!;
    expect(sheet.getRow(2).getCell(8).value).toBe(0.6);
    expect(sheet.getRow(2).getCell(8).numFmt).toContain('%');
  });

  it.each(OPEN_DATA_TABLES.map((t) => [t.spec.nom, t] as const))('%s.xlsx: a second sheet describes every column, with its CSV and JSON name', async (_nom, table) => {
    const wb = await workbook(table.spec, table.rows(autre), autre);
    expect(wb.worksheets.map((w) => w.name)).toEqual([table.spec.titre, COLUMNS_SHEET]);
    const doc = wb.worksheets[1]!;
    expect(values(doc.getRow(1))).toEqual(['Libellé', 'Nom (CSV et JSON)', 'Type', 'Description']);
    const described = table.spec.colonnes.map((_, i) => values(doc.getRow(i + 2)));
    expect(described.map((r) => r[1])).toEqual(table.spec.colonnes.map((col) => col.nom));
    expect(described.map((r) => r[0])).toEqual(table.spec.colonnes.map((col) => col.libelle));
    expect(described.every((r) => typeof r[3] === 'string' && !r[3].includes('`'))).toBe(true);
    expect(wb.worksheets[0]!.rowCount).toBe(table.rows(autre).length + 1);
  });

  it('dates the workbook with the contract’s date', async () => {
    const wb = await workbook(FICHES_TABLE, fichesRows(c));
    expect(wb.created.toISOString()).toBe(`${c.contrat.date}T12:00:00.000Z`);
    expect(wb.modified.toISOString()).toBe(`${c.contrat.date}T12:00:00.000Z`);
    expect(wb.creator).toBe(c.contrat.maitre_ouvrage);
  });

  it('gives the same bytes whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-02T03:04:05Z'));
    const a = await toXlsx(FICHES_TABLE, fichesRows(autre), autre);
    vi.setSystemTime(new Date('2041-06-07T08:09:10Z'));
    const b = await toXlsx(FICHES_TABLE, fichesRows(autre), autre);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });
});

describe('pinZipDates', () => {
  it('sets the DOS date of every entry, leaving the rest of the archive alone', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a');
    const zip = new Uint8Array(await wb.xlsx.writeBuffer());
    const pinned = pinZipDates(zip, new Date('2015-12-21T12:00:00Z'));
    expect(pinned.length).toBe(zip.length);
    const view = new DataView(pinned.buffer);
    // The first local header: 12:00:00 and 2015-12-21 in DOS form.
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(12 << 11);
    expect(view.getUint16(12, true)).toBe(((2015 - 1980) << 9) | (12 << 5) | 21);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(Buffer.from(pinned) as unknown as Parameters<typeof reread.xlsx.load>[0]);
    expect(reread.worksheets[0]!.name).toBe('a');
  });

  it('refuses what is not a zip archive', () => {
    expect(() => pinZipDates(new Uint8Array(40), new Date())).toThrow('zip');
  });
});
