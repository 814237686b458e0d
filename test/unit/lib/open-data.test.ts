import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../src/lib/model/index.ts';
import { columnsMarkdown, ENGAGEMENTS_TABLE, FICHES_TABLE, FINANCEMENTS_TABLE, INDICATEURS_TABLE, SUIVI_TABLE } from '../../../src/lib/open-data-columns.ts';
import { engagementsRows, fichesRows, financementsRows, indicateursRows, OPEN_DATA_TABLES, suiviRows, toCsv, toJson } from '../../../src/lib/open-data.ts';
import { openDataFiles } from '../../../src/lib/open-data-files.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';
import { suiviContract } from '../../helpers/suivi-contract.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const c = buildContract(fixtureFiles('minimal')).contract!;
const autre = buildContract(fixtureFiles('autre-contrat')).contract!;

describe('open data as CSV', () => {
  it('writes one CSV row per fiche with the documented columns', () => {
    expect(toCsv(FICHES_TABLE, fichesRows(c))).toBe(
      'id,numero,titre,statut,piliers,objectifs,objectifs_numeros,quartiers,tous_quartiers,axes_transversaux,porteur,pilote_nom,pilote_service,pilote_contact,partenaires,public,calendrier_debut,calendrier_fin,budget_total,financements\r\n' +
        'accompagner-jeunes,1,Accompagner les jeunes,a-lancer,social,accompagner,1.1.1,centre,false,,Mission locale,,,,,,,,1000,État: 600|Ville: 400\r\n',
    );
  });

  it('writes one CSV row per indicator value, a secret statistique as an empty value', () => {
    expect(toCsv(INDICATEURS_TABLE, indicateursRows(c))).toBe(
      'indicateur,titre,unite,source,annee,territoire,territoire_nom,territoire_type,territoire_code,valeur,secret_statistique\r\n' +
        'chomage,Taux de chômage,%,Test (illustratif),2011,centre,Centre,quartier,,20.5,false\r\n' +
        'chomage,Taux de chômage,%,Test (illustratif),2011,ville,Ville test,commune,,12,false\r\n' +
        'chomage,Taux de chômage,%,Test (illustratif),2011,pays,France,pays,,,true\r\n',
    );
  });

  it('writes one CSV row per fiche and funder, with its share of the fiche’s total', () => {
    expect(toCsv(FINANCEMENTS_TABLE, financementsRows(c))).toBe(
      'fiche,numero,titre,porteur,financeur,montant,budget_total,part\r\n' +
        'accompagner-jeunes,1,Accompagner les jeunes,Mission locale,État,600,1000,0.6\r\n' +
        'accompagner-jeunes,1,Accompagner les jeunes,Mission locale,Ville,400,1000,0.4\r\n',
    );
  });

  it('quotes cells that hold commas, quotes or line breaks', () => {
    const spec = { ...FICHES_TABLE, colonnes: [FICHES_TABLE.colonnes[2]!] };
    expect(toCsv(spec, [{ titre: 'x, "y"\nz' }])).toBe('titre\r\n"x, ""y""\nz"\r\n');
  });

  it.each(OPEN_DATA_TABLES.map((t) => [t.spec.nom, t] as const))('%s.csv is RFC 4180 without BOM: a header of the column names, as many fields on every line', (_nom, table) => {
    const csv = toCsv(table.spec, table.rows(autre));
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/(?<!")\n(?!")/);
    const records: string[][] = parse(csv, { record_delimiter: '\r\n', relax_column_count: false });
    expect(records[0]).toEqual(table.spec.colonnes.map((col) => col.nom));
    expect(records.length - 1).toBe(table.rows(autre).length);
  });
});

describe('the financements table', () => {
  it('sums, fiche by fiche, to each fiche’s total, and its shares to 1', () => {
    for (const contract of [c, autre]) {
      const rows = financementsRows(contract);
      const budgeted = contract.fiches.filter((f) => f.budget && f.budget.financements.length > 0);
      expect(new Set(rows.map((r) => r.fiche))).toEqual(new Set(budgeted.map((f) => f.id)));
      for (const f of budgeted) {
        const mine = rows.filter((r) => r.fiche === f.id);
        expect(mine).toHaveLength(f.budget!.financements.length);
        expect(mine.every((r) => r.budget_total === f.budget!.total && r.numero === f.numero)).toBe(true);
        expect(mine.reduce((s, r) => s + Math.round((r.montant as number) * 100), 0)).toBe(Math.round(f.budget!.total * 100));
        if (f.budget!.total > 0) expect(mine.reduce((s, r) => s + (r.part as number), 0)).toBeCloseTo(1, 3);
      }
    }
  });

  it('leaves the share empty when a fiche’s total is zero', () => {
    const fiche = { ...c.fiches[0]!, budget: { total: 0, financements: [{ financeur: 'État', montant: 0 }] } };
    expect(financementsRows({ ...c, fiches: [fiche] })[0]!.part).toBeNull();
  });
});

describe('open data as JSON', () => {
  it.each(OPEN_DATA_TABLES.map((t) => [t.spec.nom, t] as const))('%s.json: one record per row with exactly the CSV’s columns, snake_case', (nom, table) => {
    const json = JSON.parse(toJson(table.spec, table.rows(autre), autre));
    expect(json).toMatchObject({ contrat: autre.contrat.titre, version: autre.contrat.version, licence: autre.contrat.licence });
    expect(json.colonnes.map((col: { nom: string }) => col.nom)).toEqual(table.spec.colonnes.map((col) => col.nom));
    expect(json[nom]).toHaveLength(table.rows(autre).length);
    for (const record of json[nom]) {
      expect(Object.keys(record)).toEqual(table.spec.colonnes.map((col) => col.nom));
      for (const key of Object.keys(record)) expect(key).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
    }
  });

  it('types the values: numbers, booleans, lists as arrays, absent values as null', () => {
    const fiche = JSON.parse(toJson(FICHES_TABLE, fichesRows(c), c)).fiches[0];
    expect(fiche).toMatchObject({ id: 'accompagner-jeunes', numero: 1, tous_quartiers: false, quartiers: ['centre'], axes_transversaux: [], budget_total: 1000, pilote_nom: null, calendrier_debut: null });
    expect(fiche.financements).toEqual(['État: 600', 'Ville: 400']);
    expect(fiche).not.toHaveProperty('tousQuartiers');
    expect(fiche).not.toHaveProperty('body');
    const valeurs = JSON.parse(toJson(INDICATEURS_TABLE, indicateursRows(c), c)).indicateurs;
    expect(valeurs[2]).toMatchObject({ annee: 2011, territoire: 'pays', valeur: null, secret_statistique: true });
  });
});

describe('the follow-up as open data', () => {
  const v2 = suiviContract();

  it('writes one row per fiche × year × funder, a year without funder as one row with an empty funder', () => {
    expect(toCsv(SUIVI_TABLE, suiviRows(v2))).toBe(
      'fiche,numero,titre,pilier,annee,statut,en_retard,avancement,financeur,prevu,engage,realise,dossiers\r\n' +
        'accompagner-jeunes,1,Accompagner les jeunes,social,2015,en-cours,false,0.4,État,300,300,250.5,DOS-1\r\n' +
        'accompagner-jeunes,1,Accompagner les jeunes,social,2015,en-cours,false,0.4,Ville,200,,,DOS-1\r\n' +
        'accompagner-jeunes,1,Accompagner les jeunes,social,2016,en-cours,false,0.6,État,100.25,50,,\r\n' +
        'renover-logements,2,Rénover les logements,cadre,2017,realise,false,1,Région,1000,,900,\r\n',
    );
    const withoutMoney = suiviContract({ 'cahier-2/fiches/renover-logements.md': '---\ntitre: Rénover\nobjectifs: [renover]\nquartiers: tous\nporteur: Bailleur\ncalendrier: {debut: 2015, fin: 2016}\nsuivi:\n  2017:\n    statut: en-cours\n---\nTexte.\n' });
    expect(toCsv(SUIVI_TABLE, suiviRows(withoutMoney)).split('\r\n').at(-2)).toBe('renover-logements,2,Rénover,cadre,2017,en-cours,true,,,,,,');
  });

  it('writes one row per commitment × year, a commitment without suivi as one row with an empty year', () => {
    expect(toCsv(ENGAGEMENTS_TABLE, engagementsRows(v2))).toBe(
      'id,signataire,engagement,objectifs,quartiers,tous_quartiers,annee,statut,commentaire\r\n' +
        'emploi-jeunes,Ville test,Accompagner les jeunes,accompagner,centre,true,2016,en-cours,\r\n' +
        'emploi-jeunes,Ville test,Accompagner les jeunes,accompagner,centre,true,2018,tenu,Fait.\r\n' +
        'prefecture-adultes,Préfecture,Former des adultes,,,false,,,\r\n',
    );
  });

  it('publishes both tables with their header only for a contract without follow-up', () => {
    expect(toCsv(SUIVI_TABLE, suiviRows(c))).toBe(`${SUIVI_TABLE.colonnes.map((x) => x.nom).join(',')}\r\n`);
    expect(JSON.parse(toJson(ENGAGEMENTS_TABLE, engagementsRows(c), c)).engagements).toEqual([]);
  });
});

describe('the files of dist/donnees/', () => {
  it('are every table as XLSX, CSV and JSON', () => {
    expect(openDataFiles()).toEqual([
      'fiches.xlsx', 'fiches.csv', 'fiches.json',
      'financements.xlsx', 'financements.csv', 'financements.json',
      'indicateurs.xlsx', 'indicateurs.csv', 'indicateurs.json',
      'suivi.xlsx', 'suivi.csv', 'suivi.json',
      'engagements.xlsx', 'engagements.csv', 'engagements.json',
    ]);
  });

  it.each(['README.md', 'docs/publication.md'])('%s documents each table with the table generated from the columns’ description', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const { spec } of OPEN_DATA_TABLES) {
      const documented = text.includes(`\`${spec.nom}\` — une ligne par ${spec.ligne} :\n\n${columnsMarkdown(spec)}\n`);
      expect(documented, `${file} : la table « ${spec.nom} » n’est pas à jour ; écrivez :\n\n\`${spec.nom}\` — une ligne par ${spec.ligne} :\n\n${columnsMarkdown(spec)}\n`).toBe(true);
    }
  });
});
