/**
 * The model queries that the site, the print documents, the renderers and
 * the open data share: each checked against a plain walk of the model.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { buildContract, type Contract, type Quartier } from '../../../src/lib/model/index.ts';
import {
  afomsInOrder,
  declinaisonsTitle,
  declinedQuartiers,
  entityLabel,
  fichesOf,
  figureYear,
  hasEnjeux,
  labelText,
  lookupOf,
  objectifsOf,
  pilierOf,
  pilierSections,
  portraitHasMap,
  quartierFigures,
  territoireNom,
  treeLevelsTitle,
  usesOfIndicateur,
} from '../../../src/lib/queries/index.ts';

const load = (dir: string): Contract => buildContract(readContentFiles(dir)).contract!;
const exemple = load(join(import.meta.dirname, '../../../content'));
const autre = load(join(import.meta.dirname, '../../fixtures/autre-contrat'));

describe.each([
  ['exemple', exemple],
  ['autre-contrat', autre],
])('queries on %s', (_, c) => {
  it('fichesOf: the fiches of an objectif, a quartier, a pilier, in fiche order; all without a scope', () => {
    for (const o of objectifsOf(c.piliers)) expect(fichesOf(c, { objectif: o.id })).toEqual(c.fiches.filter((f) => f.objectifs.includes(o.id)));
    for (const q of c.quartiers) expect(fichesOf(c, { quartier: q.id })).toEqual(c.fiches.filter((f) => f.quartiers.includes(q.id)));
    for (const p of c.piliers) expect(fichesOf(c, { pilier: p.id })).toEqual(c.fiches.filter((f) => f.piliers.includes(p.id)));
    expect(fichesOf(c)).toBe(c.fiches);
    expect(fichesOf(c, { objectif: 'nulle-part' })).toEqual([]);
  });

  it('pilierSections: one per enjeu, or one holding the pilier’s axes', () => {
    for (const p of c.piliers) {
      const sections = pilierSections(p);
      if (p.enjeux.length) expect(sections).toEqual(p.enjeux.map((enjeu) => ({ enjeu, axes: enjeu.axes })));
      else expect(sections).toEqual([{ axes: p.axes }]);
      expect(sections.flatMap((s) => s.axes)).toEqual(p.axes);
    }
  });

  it('objectifsOf, pilierOf and the lookup agree with the tree', () => {
    const objectifs = c.piliers.flatMap((p) => p.axes.flatMap((a) => a.objectifs));
    expect(objectifsOf(c.piliers)).toEqual(objectifs);
    expect([...lookupOf(c).objectif.keys()]).toEqual(objectifs.map((o) => o.id));
    for (const o of objectifs) expect(pilierOf(c, o.id)).toBe(o.pilier);
    expect(lookupOf(c)).toBe(lookupOf(c));
  });

  it('declinedQuartiers: the quartiers with a declinaison, in order', () => {
    expect(declinedQuartiers(c).map((q) => q.id)).toEqual(c.quartiers.filter((q) => q.declinaison).map((q) => q.id));
  });

  it('afomsInOrder: the piliers’ matrices in tree order, then the quartiers’ in quartier order, then the others; each once', () => {
    const ordered = afomsInOrder(c);
    expect([...ordered].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...c.afoms].sort((a, b) => a.id.localeCompare(b.id)));
    const rank = (a: (typeof ordered)[number]) =>
      a.pilier ? c.piliers.findIndex((p) => p.id === a.pilier) : a.quartier ? c.piliers.length + c.quartiers.findIndex((q) => q.id === a.quartier) : Infinity;
    const ranks = ordered.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Both groups are there, pilier matrices first.
    expect(ordered[0]!.pilier).toBeDefined();
    expect(ordered.at(-1)!.quartier).toBeDefined();
  });

  it('afomsInOrder: reorders matrices listed in another order, keeping file order within a place', () => {
    const [first, ...rest] = c.afoms;
    const shuffled = { ...c, afoms: [...rest.reverse(), first!, { ...first!, id: 'sans-lieu', pilier: undefined, quartier: undefined }, { ...first!, id: 'copie' }] } as Contract;
    const ids = afomsInOrder(shuffled).map((a) => a.id);
    expect(ids.at(-1)).toBe('sans-lieu');
    expect(ids.indexOf('copie')).toBe(ids.indexOf(first!.id) + 1);
    expect(ids.filter((id) => id !== 'sans-lieu' && id !== 'copie')).toEqual(afomsInOrder(c).map((a) => a.id));
  });

  it('territoireNom: the name, or the id when the contract does not name it', () => {
    const t = c.territoires[0]!;
    expect(territoireNom(c, t.id)).toBe(t.nom);
    expect(territoireNom(c, 'inconnu')).toBe('inconnu');
  });

  it('portraitHasMap: a ::carte focused on the quartier itself, not another map', () => {
    const written = (q: (typeof c.quartiers)[number]) => JSON.stringify(q.portrait.root);
    for (const q of c.quartiers) {
      const own = new RegExp(`"name":"carte","attributes":\\{"quartier":"${q.id}"\\}`).test(written(q));
      expect(portraitHasMap(q), q.id).toBe(own);
    }
    expect(c.quartiers.some((q) => portraitHasMap(q))).toBe(true);
  });

  it('usesOfIndicateur: the constats, objectifs and fiches that cite it', () => {
    for (const ind of c.indicateurs) {
      for (const t of usesOfIndicateur(c, ind.id)) {
        if (t.kind === 'objectif') expect(lookupOf(c).objectif.get(t.id)!.indicateurs).toContain(ind.id);
        if (t.kind === 'fiche') expect(lookupOf(c).fiche.get(t.id)!.indicateurs.map((i) => i.indicateur)).toContain(ind.id);
        if (t.kind === 'constat') expect(lookupOf(c).constat.get(t.id)!.item.indicateurs).toContain(ind.id);
      }
    }
  });
});

describe('portraitHasMap', () => {
  const quartier = (md: string) => ({ id: 'les-pins', portrait: { file: 'quartiers/les-pins.md', root: parseMarkdown(md) } }) as unknown as Quartier;
  it('is true for ::carte{quartier=<its own id>} only', () => {
    expect(portraitHasMap(quartier('Texte.\n\n::carte{quartier=les-pins}\n'))).toBe(true);
    expect(portraitHasMap(quartier('::carte\n'))).toBe(false);
    expect(portraitHasMap(quartier('::carte{quartier=les-chenes}\n'))).toBe(false);
    expect(portraitHasMap(quartier('Une carte : `::carte{quartier=les-pins}`.\n'))).toBe(false);
  });
});

describe('labels', () => {
  it('name an entity by its level’s label and number, then its title', () => {
    const o = objectifsOf(exemple.piliers)[0]!;
    expect(entityLabel(exemple, { kind: 'objectif', id: o.id })).toEqual({ prefix: `${exemple.contrat.libelles.objectif} ${o.numero}`, titre: o.titre });
    const f = exemple.fiches[2]!;
    expect(labelText(entityLabel(exemple, { kind: 'fiche', id: f.id }))).toBe(`Fiche ${f.numero} — ${f.titre}`);
    const q = exemple.quartiers[0]!;
    expect(labelText(entityLabel(exemple, { kind: 'quartier', id: q.id }))).toBe(q.nom);
  });

  it('name only the levels the contract has', () => {
    const withEnjeux = [exemple, autre].find(hasEnjeux);
    const without = [exemple, autre].find((c) => !hasEnjeux(c));
    if (withEnjeux) expect(declinaisonsTitle(withEnjeux)).toMatch(/ par quartier$/);
    if (without) {
      expect(declinaisonsTitle(without)).toBe('Déclinaison par quartier');
      expect(treeLevelsTitle(without).split(/, | et /)).toHaveLength(2);
    }
  });
});

describe('figureYear', () => {
  it('gives the year of a key figure, unless the indicator’s title already names it', () => {
    const [f] = quartierFigures(exemple, exemple.quartiers[0]!.id);
    const titled = (titre: string) => figureYear({ ...f!, annee: 2014, indicateur: { ...f!.indicateur, titre } });
    expect(titled('Participation aux élections municipales de 2014')).toBeUndefined();
    expect(titled('Élections de 2014 : participation')).toBeUndefined();
    expect(titled('Taux de pauvreté')).toBe(2014);
    expect(titled('Emplois créés depuis 20145')).toBe(2014);
    expect(titled('Participation aux élections de 2020')).toBe(2014);
  });

  it('leaves no key figure of the example with its year written twice', () => {
    for (const q of exemple.quartiers)
      for (const f of quartierFigures(exemple, q.id)) {
        const year = figureYear(f);
        expect(`${f.indicateur.titre}${year === undefined ? '' : ` (${year})`}`).not.toMatch(/(\d{4})\D.*\(\1\)/);
      }
  });
});
