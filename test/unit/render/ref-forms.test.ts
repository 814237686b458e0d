/**
 * References in print: the short form of each kind, fitted to its sentence
 * (the kind already named, a sentence or list item opened, the author's
 * brackets), with the page or the other cahier after it and never a
 * bracket inside a bracket. The site keeps number and title.
 */
import { describe, expect, it } from 'vitest';
import { buildContract, type Contract } from '../../../src/lib/model/index.ts';
import { printContext, printOptions } from '../../../src/lib/print/documents.ts';
import { kindWords, shortRefText } from '../../../src/lib/queries/index.ts';
import { renderBody } from '../../../src/lib/render/body.ts';
import { createContext } from '../../../src/lib/render/context.ts';
import { renderFicheTable } from '../../../src/lib/render/fiche-table.ts';
import { renderRef } from '../../../src/lib/render/labels.ts';
import { namesKind, REF_MARK, refSurroundings } from '../../../src/lib/render/ref-placement.ts';
import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { fixtureFiles, textFile, withFiles } from '../../helpers/fixtures.ts';

const NB = '\u00a0';
const chapter = (path: string, text: string) => textFile(path, `---\ntitre: T\nordre: 1\n---\n${text}\n`);
const build = (...files: ReturnType<typeof textFile>[]): Contract => {
  const built = buildContract(withFiles(fixtureFiles('minimal'), ...files));
  if (!built.contract) throw new Error(JSON.stringify(built.issues));
  return built.contract;
};

// The minimal contract, with a quartier whose name has brackets and an indicator named by an acronym.
const c = build(
  textFile('quartiers/centre.md', '---\nnom: Centre (Vieille ville)\ncommune: ville\npopulation: 1200\nannee_population: 2011\ncontour: medias/centre.geojson\n---\nPortrait.\n'),
);
const fiche = c.fiches[0]!;

describe('the short form of each kind', () => {
  const t = (kind: Parameters<typeof shortRefText>[1]['kind'], id: string, placement = {}) => shortRefText(c, { kind, id }, placement);

  it('names a level of the tree by the first word of its label and its number', () => {
    expect(t('pilier', 'social')).toBe('pilier 1');
    expect(t('enjeu', 'emploi')).toBe('enjeu 1.A');
    expect(t('axe', 'insertion')).toBe('axe 1.1');
    expect(t('objectif', 'accompagner')).toBe('objectif 1.1.1');
    expect(t('fiche', fiche.id)).toBe(`fiche\u00a0${fiche.numero}`);
  });

  it('follows the contract’s labels', () => {
    const autre = build(textFile('contrat.yaml', 'titre: C\nterritoire: agglo\nperiode:\n  debut: 2015\n  fin: 2020\nstatut: signe\nversion: "1.0"\ndate: 2015-06-30\nmaitre_ouvrage: A\nlibelles:\n  pilier: Priorité\n  objectif: Engagement de moyens\n'));
    expect(shortRefText(autre, { kind: 'pilier', id: 'social' })).toBe('priorité 1');
    expect(shortRefText(autre, { kind: 'objectif', id: 'accompagner' })).toBe('engagement 1.1.1');
    expect(kindWords(autre, { kind: 'objectif', id: 'accompagner' })).toEqual(expect.arrayContaining(['engagement de moyens', 'engagements de moyens', 'engagement', 'engagements']));
  });

  it('names a quartier, an indicator, a matrix and a constat by their names', () => {
    expect(t('quartier', 'centre')).toBe('Centre (Vieille ville)');
    expect(t('indicateur', 'chomage')).toBe('taux de chômage');
    expect(t('indicateur', 'chomage', { sentenceStart: true })).toBe('Taux de chômage');
    expect(t('afom', 'general')).toBe(`matrice AFOM «${NB}Matrice générale${NB}»`);
    expect(t('constat', 'chomage-eleve')).toBe(`faiblesse «${NB}Un chômage élevé${NB}»`);
  });

  it('keeps an acronym’s capitals', () => {
    const rsa = build(textFile('cahier-1/indicateurs/chomage.yaml', 'titre: RSA socle\nunite: "%"\nsource: Insee\nvaleurs:\n  2011:\n    centre: 20.5\n'));
    expect(shortRefText(rsa, { kind: 'indicateur', id: 'chomage' })).toBe('RSA socle');
  });

  it('gives the number alone, or the quoted text, when the words before name the kind', () => {
    expect(t('enjeu', 'emploi', { named: true })).toBe('1.A');
    expect(t('fiche', fiche.id, { named: true })).toBe(String(fiche.numero));
    expect(t('constat', 'chomage-eleve', { named: true })).toBe(`«${NB}Un chômage élevé${NB}»`);
  });

  it('is capitalised at the start of a sentence, titled where the title matters, square-bracketed inside brackets', () => {
    expect(t('objectif', 'accompagner', { sentenceStart: true })).toBe('Objectif 1.1.1');
    expect(t('objectif', 'accompagner', { titled: true })).toBe('objectif 1.1.1 Accompagner vers l\'emploi');
    expect(t('quartier', 'centre', { bracketed: true })).toBe('Centre [Vieille ville]');
  });
});

describe('where a reference stands in its text', () => {
  const around = (md: string) => [...refSurroundings(parseMarkdown(md)).values()];

  it('sees the author’s brackets, a sentence’s start and a list item’s', () => {
    const [a, b, d] = around('Voir :ref[x]. :ref[y] ouvre (voir :ref[z]).');
    expect(a).toMatchObject({ bracketed: false, sentenceStart: false });
    expect(b).toMatchObject({ bracketed: false, sentenceStart: true });
    expect(d).toMatchObject({ bracketed: true, sentenceStart: false });
    expect(around('- :ref[x] : le premier\n- puis :ref[y]').map((r) => r.opensItem)).toEqual([true, false]);
  });

  it('knows when the words before name the kind', () => {
    const enjeu = kindWords(c, { kind: 'enjeu', id: 'emploi' });
    expect(namesKind('L’enjeu ', enjeu)).toBe(true);
    expect(namesKind("l'enjeu ", enjeu)).toBe(true);
    expect(namesKind('Le troisième enjeu, ', enjeu)).toBe(true);
    expect(namesKind(`les enjeux ${REF_MARK}, ${REF_MARK} et `, enjeu)).toBe(true);
    expect(namesKind('les enjeux sont ', enjeu)).toBe(false);
    expect(namesKind('Au moyen du dispositif ', kindWords(c, { kind: 'fiche', id: fiche.id }))).toBe(false);
    expect(namesKind("l'objectif opérationnel ", kindWords(c, { kind: 'objectif', id: 'accompagner' }))).toBe(true);
    expect(namesKind('la faiblesse ', kindWords(c, { kind: 'constat', id: 'chomage-eleve' }))).toBe(true);
  });
});

describe('a reference in a printed cahier', () => {
  const cahier2 = printContext(c, 2, '/');
  const cahier1 = printContext(c, 1, '/');

  it('links to its anchor, where the page is written after layout; the site keeps number and title', () => {
    expect(renderRef({ kind: 'objectif', id: 'accompagner' }, cahier2)).toBe('<a class="ref ref-objectif" href="#objectif-accompagner">objectif 1.1.1</a>');
    expect(renderRef({ kind: 'objectif', id: 'accompagner' }, createContext(c))).toBe(
      '<a class="ref ref-objectif" href="/strategie/piliers/social/#objectif-accompagner"><span class="ref-num">Objectif opérationnel 1.1.1</span> Accompagner vers l&#39;emploi</a>',
    );
  });

  it('writes its page after a comma inside brackets, and inside the brackets a name ends with', () => {
    expect(renderRef({ kind: 'objectif', id: 'accompagner' }, cahier2, { bracketed: true })).toBe('<a class="ref ref-objectif" href="#objectif-accompagner" data-renvoi="incise">objectif 1.1.1</a>');
    expect(renderRef({ kind: 'quartier', id: 'centre' }, cahier1)).toBe('<a class="ref ref-quartier" href="#quartier-centre" data-renvoi="incise">Centre (Vieille ville<span class="renvoi-page"></span>)</a>');
    expect(renderRef({ kind: 'quartier', id: 'centre' }, cahier1, { bracketed: true })).toBe('<a class="ref ref-quartier" href="#quartier-centre" data-renvoi="incise">Centre [Vieille ville]</a>');
  });

  it('names the other cahier, in brackets or after a comma, never nested', () => {
    expect(renderRef({ kind: 'constat', id: 'chomage-eleve' }, cahier2)).toBe(`<span class="ref ref-constat ref-ailleurs">faiblesse «${NB}Un chômage élevé${NB}»${NB}(cahier I)</span>`);
    expect(renderRef({ kind: 'constat', id: 'chomage-eleve' }, cahier2, { bracketed: true })).toBe(`<span class="ref ref-constat ref-ailleurs">faiblesse «${NB}Un chômage élevé${NB}»,${NB}cahier I</span>`);
    expect(renderRef({ kind: 'enjeu', id: 'emploi' }, cahier1)).toBe(`<span class="ref ref-enjeu ref-ailleurs">enjeu 1.A${NB}(cahier II)</span>`);
    const cat = build(textFile('cahier-1/indicateurs/chomage.yaml', 'titre: Chômage (catégorie A)\nunite: "%"\nsource: Insee\nvaleurs:\n  2011:\n    centre: 20.5\n'));
    expect(renderRef({ kind: 'indicateur', id: 'chomage' }, printContext(cat, 2, '/'))).toBe(`<span class="ref ref-indicateur ref-ailleurs">chômage (catégorie A,${NB}cahier I)</span>`);
  });

  it('fits the sentence of a body', () => {
    const body = build(
      chapter(
        'cahier-2/chapitres/strategie.md',
        "L'enjeu :ref[emploi] est premier. :ref[accompagner] le sert (:ref[chomage-eleve]), comme le :ref[indicateur:chomage] le montre, à :ref[centre].\n\n- :ref[accompagner] : la priorité",
      ),
    ).cahier2[0]!.body;
    const html = renderBody(body, cahier2);
    expect(html).toContain('L\'enjeu <a class="ref ref-enjeu" href="#enjeu-emploi">1.A</a> est premier.');
    expect(html).toContain('<a class="ref ref-objectif" href="#objectif-accompagner">Objectif 1.1.1</a> le sert');
    expect(html).toContain(`(<span class="ref ref-constat ref-ailleurs">faiblesse «${NB}Un chômage élevé${NB}»,${NB}cahier I</span>)`);
    expect(html).toContain(`le <span class="ref ref-indicateur ref-ailleurs">taux de chômage${NB}(cahier I)</span> le montre`);
    expect(html).toContain('<li><a class="ref ref-objectif" href="#objectif-accompagner"><span class="ref-num">Objectif 1.1.1</span> Accompagner vers l&#39;emploi</a> : la priorité</li>');
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/\([^()]*\(/);
  });
});

describe('::fiches in print', () => {
  it('is a table: number, fiche, porteur, quartiers, amount, page', () => {
    const html = renderFicheTable(c.fiches, printContext(c, 2, '/'));
    expect(html).toContain('<thead><tr><th scope="col" class="num">N°</th><th scope="col" class="fiches-titre">Fiche</th><th scope="col" class="fiches-porteur">Porteur</th><th scope="col" class="fiches-quartiers">Quartiers</th><th scope="col" class="num fiches-montant">Montant</th><th scope="col" class="num fiches-page">Page</th></tr></thead>');
    expect(html).toContain(`<td class="num">${fiche.numero}</td><th scope="row">`);
    expect(html).toContain(`<a href="#fiche-${fiche.id}" data-renvoi="nu"></a>`);
    // In cahier I, the fiches are in cahier II.
    expect(renderFicheTable(c.fiches, printContext(c, 1, '/'))).toContain('<td class="num">cahier II</td>');
  });

  it('stays cards on the site', () => {
    const body = build(chapter('cahier-2/chapitres/strategie.md', '::fiches')).cahier2[0]!.body;
    expect(renderBody(body, createContext(c))).toContain('<ul class="fiche-cards">');
    expect(renderBody(body, createContext(c, printOptions()))).toContain('<table class="fiches-table">');
  });
});
