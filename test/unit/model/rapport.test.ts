/**
 * The annual report's kinds (rapports/<annee>/): dates, defaults, who is
 * consulted, and how the report's files are classified. The rules' exact
 * messages are the error cases rapport-rules and rapport-warnings.
 */
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../src/lib/model/index.ts';
import { addMonths, consultedBodies, reportDate } from '../../../src/lib/model/consultation.ts';
import { classify } from '../../../src/lib/model/layout.ts';
import { fixtureFiles, textFile, withFiles } from '../../helpers/fixtures.ts';

const avis = (date: string) => `---\ninstance: Conseil citoyen du Centre\ntype: conseil-citoyen\nquartier: centre\ndate: ${date}\nsens: favorable\n---\nAvis favorable.\n`;
const municipal = (date: string) => `---\ninstance: Conseil municipal de Ville test\ntype: conseil-municipal\ncommune: ville\ndate: ${date}\nsens: reserve\n---\nAvis réservé.\n`;

describe('addMonths', () => {
  it('adds calendar months, the 31st of a shorter month being its last day', () => {
    expect(addMonths('2018-03-01', 1)).toBe('2018-04-01');
    expect(addMonths('2017-01-31', 1)).toBe('2017-02-28');
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2017-12-15', 1)).toBe('2018-01-15');
    expect(addMonths('2017-03-31', 1)).toBe('2017-04-30');
  });
});

describe('reportDate', () => {
  it('is the deliberation once adopted, the consultation’s start in consultation, else the version’s date', () => {
    const r = { date: '2018-02-15', consultation: { debut: '2018-03-01' }, deliberation: { date: '2018-06-28' } };
    expect(reportDate({ ...r, etat: 'projet' })).toBe('2018-02-15');
    expect(reportDate({ ...r, etat: 'consultation' })).toBe('2018-03-01');
    expect(reportDate({ ...r, etat: 'adopte' })).toBe('2018-06-28');
  });
});

describe('consultedBodies', () => {
  it('consults the conseil citoyen of each quartier prioritaire and the conseil municipal of each commune holding one', () => {
    const quartiers = [
      { id: 'hauts', nom: 'Les Hauts', commune: 'a', categorie: 'prioritaire' as const },
      { id: 'gare', nom: 'Gare', commune: 'b', categorie: 'veille' as const },
      { id: 'orme', nom: 'Orme', commune: 'c', categorie: 'prioritaire' as const },
    ];
    const territoires = [
      { id: 'c', nom: 'Aubière' },
      { id: 'b', nom: 'Le Mans' },
      { id: 'a', nom: 'Saint-Jean' },
    ];
    expect(consultedBodies(quartiers, territoires)).toEqual([
      { type: 'conseil-citoyen', territoire: 'hauts', instance: 'Conseil citoyen des Hauts' },
      { type: 'conseil-citoyen', territoire: 'orme', instance: 'Conseil citoyen d’Orme' },
      { type: 'conseil-municipal', territoire: 'c', instance: 'Conseil municipal d’Aubière' },
      { type: 'conseil-municipal', territoire: 'a', instance: 'Conseil municipal de Saint-Jean' },
    ]);
  });
});

describe('the report files', () => {
  it('are classified under a year folder, keeping its name', () => {
    expect(classify('rapports/2017/rapport.yaml')).toMatchObject({ kind: { name: 'rapport' }, folders: ['2017'] });
    expect(classify('rapports/2017/chapitres/bilan.md')).toMatchObject({ kind: { name: 'rapport-chapitre' }, id: 'bilan', folders: ['2017'] });
    expect(classify('rapports/2017/avis/hauts.md')).toMatchObject({ kind: { name: 'avis' }, id: 'hauts', folders: ['2017'] });
    expect(classify('rapports/2017/avis/hauts.txt')).toEqual({ kind: 'misplaced', expected: 'un fichier .md est attendu à cet emplacement' });
    expect(classify('rapports/rapport.yaml')).toEqual({ kind: 'unknown' });
    expect(classify('rapports/_2018/rapport.yaml')).toEqual({ kind: 'draft' });
  });

  it('resolve into the report of their folder: the consultation’s end defaults to a month, chapters in order, opinions by date', () => {
    const files = withFiles(
      fixtureFiles('minimal'),
      textFile('rapports/2016/rapport.yaml', 'annee: 2016\netat: adopte\nconsultation: {debut: 2017-01-31}\ndeliberation: {instance: Conseil communautaire, date: 2017-03-30, numero: 12}\n'),
      textFile('rapports/2016/chapitres/perspectives.md', '---\ntitre: Perspectives\nordre: 65\n---\nLa suite.\n'),
      textFile('rapports/2016/chapitres/faits.md', '---\ntitre: Faits marquants\nordre: 1\n---\nL’année.\n'),
      textFile('rapports/2016/avis/ville.md', municipal('2017-02-20')),
      textFile('rapports/2016/avis/centre.md', avis('2017-02-10')),
    );
    const result = buildContract(files);
    expect(result.issues).toEqual([]);
    const [r] = result.contract!.rapports;
    expect(r).toMatchObject({ annee: 2016, etat: 'adopte', date: '2017-03-30', consultation: { debut: '2017-01-31', fin: '2017-02-28' }, deliberation: { numero: '12' } });
    expect(r!.chapitres.map((c) => c.slug)).toEqual(['faits', 'perspectives']);
    expect(r!.avis.map((a) => a.id)).toEqual(['centre', 'ville']);
  });

  it('leave a version-1 contract as it was', () => {
    expect(buildContract(fixtureFiles('minimal')).contract!.rapports).toEqual([]);
  });

  it('let a scaffold leave the date « à compléter »: a warning, no date', () => {
    const files = withFiles(fixtureFiles('minimal'), textFile('rapports/2017/rapport.yaml', 'annee: 2017\netat: projet\ndate: à compléter\n'));
    const result = buildContract(files);
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.rule}`)).toEqual(['rapports/2017/rapport.yaml:3:7 a-completer']);
    expect(result.contract!.rapports[0]!.date).toBeUndefined();
  });
});
