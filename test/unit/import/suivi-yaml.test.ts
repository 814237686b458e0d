import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { writeSuiviYear, type YearEdit } from '../../../src/lib/import/programmation/suivi-yaml.ts';

const BODY = `
## Contexte

Un texte : avec « guillemets » et une ligne --- au milieu.
`;

const EDIT: YearEdit = {
  financements: [
    { financeur: 'État (BOP 147)', prevu: 16000, engage: 16000, realise: 9500.5 },
    { financeur: 'Département', prevu: 8000 },
  ],
  dossiers: ['2016-0042', '2016123'],
};

const NEW_YEAR = `  2016:
    financements:
      - financeur: État (BOP 147)
        prevu: 16000
        engage: 16000
        realise: 9500.5
      - financeur: Département
        prevu: 8000
    dossiers: [2016-0042, "2016123"]
`;

function write(text: string, annee: number, edit: YearEdit = EDIT): string {
  const r = writeSuiviYear(text, annee, edit);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

function suivi(text: string): unknown {
  return parseDocument(text.split('---\n')[1]!).toJS().suivi;
}

describe('writeSuiviYear', () => {
  it('adds `suivi` at the end of a front matter without one; the rest stays byte for byte', () => {
    const head = `---
titre: Ateliers # titre court
objectifs: [o]
# Le budget voté en 2015.
budget:
  total: 24000
statut: en-cours
`;
    expect(write(`${head}---${BODY}`, 2016)).toBe(`${head}suivi:\n${NEW_YEAR}---${BODY}`);
  });

  it('inserts a new year in year order, above the comment that introduces the next one', () => {
    const before = `---
titre: T
suivi:
  2015:
    statut: a-lancer
  # Relance après l’appel à projets.
  2017:
    statut: en-cours
statut: en-cours
---${BODY}`;
    expect(write(before, 2016)).toBe(before.replace('  # Relance', `${NEW_YEAR}  # Relance`));
    expect(write(before, 2018)).toBe(before.replace('statut: en-cours\nstatut', `statut: en-cours\n${NEW_YEAR.replace('2016', '2018')}statut`));
  });

  it('replaces the year’s financements and dossiers, keeping its statut, avancement, valeurs, commentaire and comments', () => {
    const keep = `    statut: en-cours # depuis mars
    avancement: 40
`;
    const rest = `    valeurs:
      permis-obtenus: 18
    # Numéros Dauphin.
`;
    const comment = `    commentaire: |
      Démarrage en mars ; 18 permis.

`;
    const before = `---
titre: T
suivi:
  2016:
${keep}    # Programmation votée en comité.
    financements:
      - financeur: Ancien
        prevu: 1
      # une ligne retirée
      - financeur: Autre # note
        prevu: 2
${rest}    dossiers:
      - A-1
${comment}  2017:
    statut: en-cours
---${BODY}`;
    const after = write(before, 2016);
    expect(after).toBe(
      `---
titre: T
suivi:
  2016:
${keep}    # Programmation votée en comité.
${NEW_YEAR.split('\n').slice(1, 8).join('\n')}
${rest}    dossiers: [2016-0042, "2016123"]
${comment}  2017:
    statut: en-cours
---${BODY}`,
    );
  });

  it('puts missing keys where the format shows them: financements before valeurs, dossiers before commentaire', () => {
    const before = `---
titre: T
suivi:
  2016:
    statut: en-cours
    valeurs:
      a: 1
    commentaire: Rien.
---
`;
    expect(write(before, 2016)).toBe(`---
titre: T
suivi:
  2016:
    statut: en-cours
${NEW_YEAR.split('\n').slice(1, 8).join('\n')}
    valeurs:
      a: 1
    dossiers: [2016-0042, "2016123"]
    commentaire: Rien.
---
`);
  });

  it('removes the dossiers when the programmation lists none, and leaves them when it has no dossier column', () => {
    const before = `---
titre: T
suivi:
  2016:
    dossiers: [X]
    commentaire: Rien.
---
`;
    const financements = [{ financeur: 'F', prevu: 1 }];
    expect(write(before, 2016, { financements, dossiers: [] })).toBe(`---
titre: T
suivi:
  2016:
    financements:
      - financeur: F
        prevu: 1
    commentaire: Rien.
---
`);
    expect(write(before, 2016, { financements })).toContain('    dossiers: [X]\n');
  });

  it('follows the file’s indentation and its Windows line endings', () => {
    const before = '---\r\ntitre: T\r\npilote:\r\n    nom: N\r\n---\r\nTexte\r\n';
    const after = write(before, 2016, { financements: [{ financeur: 'F', prevu: 1 }] });
    expect(after).toBe('---\r\ntitre: T\r\npilote:\r\n    nom: N\r\nsuivi:\r\n    2016:\r\n        financements:\r\n            - financeur: F\r\n              prevu: 1\r\n---\r\nTexte\r\n');
  });

  it('edits an unusual layout (a flow map) through the Document, keeping its comments and the body', () => {
    const before = `---
titre: T # court
suivi: {2016: {statut: en-cours}}
---${BODY}`;
    const after = write(before, 2016);
    expect(after.endsWith(`---${BODY}`)).toBe(true);
    expect(after).toContain('titre: T # court\n');
    expect(suivi(after)).toEqual({ 2016: { statut: 'en-cours', financements: EDIT.financements, dossiers: EDIT.dossiers } });
  });

  it('quotes what YAML would misread', () => {
    const after = write('---\ntitre: T\n---\n', 2016, { financements: [{ financeur: 'Ville : crédits # spécifiques', prevu: 1 }], dossiers: ['2016-01-02', 'true'] });
    expect(suivi(after)).toEqual({ 2016: { financements: [{ financeur: 'Ville : crédits # spécifiques', prevu: 1 }], dossiers: ['2016-01-02', 'true'] } });
  });

  it('refuses a front matter that is not valid YAML', () => {
    expect(writeSuiviYear('---\ntitre: [T\n---\n', 2016, EDIT)).toEqual({ ok: false, message: 'en-tête YAML invalide ; corrigez-le (npm run check) avant d’importer' });
  });
});
