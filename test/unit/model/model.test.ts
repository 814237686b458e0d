import { describe, expect, it } from 'vitest';
import type { TextDirective } from 'mdast-util-directive';
import { buildContract, type Contract } from '../../../src/lib/model/index.ts';
import { fixtureFiles, textFile, withFiles } from '../../helpers/fixtures.ts';

function build(files = fixtureFiles('minimal')): Contract {
  const result = buildContract(files);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return result.contract!;
}

describe('the minimal contract', () => {
  it('builds without any issue', () => {
    expect(buildContract(fixtureFiles('minimal')).issues).toEqual([]);
  });

  it('fills the defaults of FORMAT.md', () => {
    const c = build();
    expect(c.contrat.libelles).toEqual({ pilier: 'Pilier', enjeu: 'Enjeu', axe: 'Axe stratégique', objectif: 'Objectif opérationnel' });
    expect(c.contrat.licence).toBe('Licence Ouverte 2.0');
    expect(c.fiches[0]!.statut).toBe('a-lancer');
    expect(c.quartiers[0]!.categorie).toBe('prioritaire');
    expect(c.quartiers[0]!.contour?.[0]?.type).toBe('Polygon');
  });

  it('keeps null values as secret statistique, not zero', () => {
    const ind = build().indicateurs[0]!;
    expect(ind.valeurs).toEqual([
      { annee: 2011, territoire: 'centre', valeur: 20.5 },
      { annee: 2011, territoire: 'ville', valeur: 12 },
      { annee: 2011, territoire: 'pays', valeur: null },
    ]);
  });

  it('links AFOM items to the enjeux that cite them', () => {
    const afom = build().afoms[0]!;
    expect(afom.quadrants.faiblesses[0]).toEqual({ texte: 'Un chômage élevé', id: 'chomage-eleve', indicateurs: ['chomage'], enjeux: ['emploi'] });
  });

  it('resolves :ref on the Markdown node', () => {
    const chapter = build().cahier2[0]!;
    const refs: TextDirective[] = [];
    const walk = (n: { type: string; children?: unknown[] }) => {
      if (n.type === 'textDirective') refs.push(n as unknown as TextDirective);
      (n.children as (typeof n)[] | undefined)?.forEach(walk);
    };
    walk(chapter.body.root);
    expect(refs.map((r) => r.data)).toEqual([{ target: { kind: 'objectif', id: 'accompagner' } }]);
  });

  it('attaches the declination to its quartier', () => {
    expect(build().quartiers[0]!.declinaison?.priorites).toEqual(['accompagner']);
  });
});

const TREE = `piliers:
  - id: p-un
    titre: Un
    enjeux:
      - id: e-un
        titre: E1
        axes:
          - id: a-un
            titre: A1
            objectifs: [{ id: o-un, titre: O1 }, { id: o-deux, titre: O2 }]
      - id: e-deux
        titre: E2
        axes:
          - id: a-deux
            titre: A2
            objectifs: [{ id: o-trois, titre: O3 }]
  - id: p-deux
    titre: Deux
    axes:
      - id: a-trois
        titre: A3
        objectifs: [{ id: o-quatre, titre: O4 }, { id: accompagner, titre: O5 }]
`;

const fiche = (id: string, objectifs: string) =>
  textFile(`cahier-2/fiches/${id}.md`, `---\ntitre: ${id}\nobjectifs: [${objectifs}]\nquartiers: tous\nporteur: X\n---\n`);

describe('numbering', () => {
  const files = withFiles(
    fixtureFiles('minimal'),
    textFile('cahier-2/orientations.yaml', TREE),
    textFile('cahier-1/afom/general.yaml', 'titre: G\natouts: []\nfaiblesses: []\nopportunites: []\nmenaces: []\n'),
    fiche('zz-premiere', 'o-un'),
    fiche('aa-derniere', 'accompagner'),
    fiche('mm-milieu', 'o-trois, o-un'),
  );
  const c = buildContract(files).contract!;

  it('numbers piliers, enjeux by letter, axes across the pilier, objectifs within the axe', () => {
    const [p1, p2] = c.piliers;
    expect(p1!.numero).toBe('1');
    expect(p1!.enjeux.map((e) => e.numero)).toEqual(['1.A', '1.B']);
    expect(p1!.axes.map((a) => a.numero)).toEqual(['1.1', '1.2']);
    expect(p1!.axes[1]!.objectifs.map((o) => o.numero)).toEqual(['1.2.1']);
    expect(p2!.enjeux).toEqual([]);
    expect(p2!.axes.map((a) => [a.numero, a.objectifs.map((o) => o.numero)])).toEqual([['2.1', ['2.1.1', '2.1.2']]]);
  });

  it('numbers fiches in tree order of their first objectif, ties by id', () => {
    expect(c.fiches.map((f) => [f.numero, f.id])).toEqual([
      [1, 'mm-milieu'],
      [2, 'zz-premiere'],
      [3, 'aa-derniere'],
      [4, 'accompagner-jeunes'],
    ]);
  });

  it('derives the piliers of a fiche from its objectifs and expands « tous »', () => {
    const f = c.fiches.find((x) => x.id === 'aa-derniere')!;
    expect(f.piliers).toEqual(['p-deux']);
    expect(f.tousQuartiers).toBe(true);
    expect(f.quartiers).toEqual(['centre']);
  });
});

describe('the second fixture contract', () => {
  const result = buildContract(fixtureFiles('autre-contrat'));

  it('passes with no issue, its drafts ignored', () => {
    expect(result.issues).toEqual([]);
  });

  it('keeps its own labels and a tree without enjeux', () => {
    const c = result.contract!;
    expect(c.contrat.libelles.pilier).not.toBe('Pilier');
    expect(c.piliers.every((p) => p.enjeux.length === 0)).toBe(true);
    expect(c.piliers.flatMap((p) => p.axes).length).toBeGreaterThan(0);
    expect(c.fiches.some((f) => f.tousQuartiers)).toBe(true);
  });

  it('orders chapters by ordre, not by file name', () => {
    const c = result.contract!;
    for (const cahier of [c.cahier1, c.cahier2]) {
      expect(cahier.map((ch) => ch.ordre)).toEqual([...cahier.map((ch) => ch.ordre)].sort((a, b) => a - b));
    }
  });
});
