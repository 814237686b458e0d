import { describe, expect, it } from 'vitest';
import { codeKey, territoryIndex } from '../../../src/lib/import/territories.ts';
import { fixtureFiles, textFile, withFiles } from '../../helpers/fixtures.ts';

describe('territoryIndex', () => {
  const index = territoryIndex(fixtureFiles('autre-contrat'));

  it('finds quartiers, communes and the EPCI by their code, and any territory by its id', () => {
    expect(index.resolve('QN09801A')).toEqual({ ok: true, id: 'les-tilleuls-gare' });
    expect(index.resolve(' qn09802b ')).toEqual({ ok: true, id: 'ile-aux-mariniers' });
    expect(index.resolve('98101')).toEqual({ ok: true, id: 'loirac' });
    expect(index.resolve(98117)).toEqual({ ok: true, id: 'brevennes-sur-loirac' });
    expect(index.resolve('200098765')).toEqual({ ok: true, id: 'ca-val-de-loirac' });
    expect(index.resolve('fr')).toEqual({ ok: true, id: 'fr' });
    expect(index.resolve('le-clos-fleuri')).toEqual({ ok: true, id: 'le-clos-fleuri' });
  });

  it('knows no other code', () => {
    expect(index.resolve('QN09899Z')).toEqual({ ok: false, reason: 'inconnu' });
    expect(index.resolve('France')).toEqual({ ok: false, reason: 'inconnu' });
    expect(index.resolve('')).toEqual({ ok: false, reason: 'inconnu' });
  });

  it('orders quartiers first and France last', () => {
    const ids = ['fr', 'loirac-et-cher', 'ca-val-de-loirac', 'loirac', 'le-clos-fleuri'];
    expect([...ids].sort((a, b) => index.rank(a) - index.rank(b))).toEqual(['le-clos-fleuri', 'loirac', 'ca-val-de-loirac', 'loirac-et-cher', 'fr']);
  });

  it('matches a commune code a spreadsheet turned into a number, and says when a code is ambiguous', () => {
    const files = withFiles(
      fixtureFiles('autre-contrat'),
      textFile(
        'territoires.yaml',
        '- {id: fr, nom: France, type: pays}\n- {id: ain, nom: Ain, type: departement, code: "01"}\n- {id: bourg, nom: Bourg, type: commune, code: "01053"}\n- {id: region, nom: Région, type: region, code: "1"}\n- {id: loirac, nom: Loirac, type: commune}\n- {id: brevennes-sur-loirac, nom: B, type: commune}\n- {id: ca-val-de-loirac, nom: CA, type: epci}\n',
      ),
    );
    const other = territoryIndex(files);
    expect(other.resolve(1053)).toEqual({ ok: true, id: 'bourg' });
    expect(other.resolve('01')).toEqual({ ok: false, reason: 'ambigu', ids: ['ain', 'region'] });
  });
});

it('codeKey ignores case, spaces and leading zeros of numeric codes', () => {
  expect(codeKey(' qp063 001 ')).toBe('QP063001');
  expect(codeKey('01053')).toBe('1053');
  expect(codeKey('0')).toBe('0');
  expect(codeKey('2A004')).toBe('2A004');
});
