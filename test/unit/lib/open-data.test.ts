import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../src/lib/model/index.ts';
import { FICHE_COLUMNS, fichesJson, fichesRows, INDICATEUR_COLUMNS, indicateursJson, indicateursRows, toCsv } from '../../../src/lib/open-data.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';

const c = buildContract(fixtureFiles('minimal')).contract!;

describe('open data', () => {
  it('writes one CSV row per fiche with documented columns', () => {
    expect(toCsv(FICHE_COLUMNS, fichesRows(c))).toBe(
      'id,numero,titre,statut,piliers,objectifs,objectifs_numeros,quartiers,tous_quartiers,axes_transversaux,porteur,pilote_nom,pilote_service,pilote_contact,partenaires,public,calendrier_debut,calendrier_fin,budget_total,financements\r\n' +
        'accompagner-jeunes,1,Accompagner les jeunes,a-lancer,social,accompagner,1.1.1,centre,false,,Mission locale,,,,,,,,1000,État: 600|Ville: 400\r\n',
    );
  });

  it('writes one CSV row per indicator value, a secret statistique as an empty value', () => {
    expect(toCsv(INDICATEUR_COLUMNS, indicateursRows(c))).toBe(
      'indicateur,titre,unite,source,annee,territoire,territoire_nom,territoire_type,territoire_code,valeur,secret_statistique\r\n' +
        'chomage,Taux de chômage,%,Test (illustratif),2011,centre,Centre,quartier,,20.5,false\r\n' +
        'chomage,Taux de chômage,%,Test (illustratif),2011,ville,Ville test,commune,,12,false\r\n' +
        'chomage,Taux de chômage,%,Test (illustratif),2011,pays,France,pays,,,true\r\n',
    );
  });

  it('quotes cells that hold commas, quotes or line breaks', () => {
    expect(toCsv(['a'], [{ a: 'x, "y"\nz' }])).toBe('a\r\n"x, ""y""\nz"\r\n');
  });

  it('writes JSON with the licence, without Markdown bodies', () => {
    const fiches = JSON.parse(fichesJson(c));
    expect(fiches.licence).toBe('Licence Ouverte 2.0');
    expect(fiches.fiches[0].body).toBeUndefined();
    expect(fiches.fiches[0].budget.total).toBe(1000);
    const ind = JSON.parse(indicateursJson(c));
    expect(ind.indicateurs[0].valeurs[2]).toEqual({ annee: 2011, territoire: 'pays', valeur: null });
  });
});

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
