/**
 * The HTML renderers (AFOM matrix, fiche cards and sheet, Markdown bodies
 * with their directives and :ref) against golden files, plus the behaviours
 * that must hold whatever the golden files say.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, type Contract } from '../../../src/lib/model/index.ts';
import { renderAfom } from '../../../src/lib/render/afom.ts';
import { renderBody } from '../../../src/lib/render/body.ts';
import { printOptions } from '../../../src/lib/print/documents.ts';
import { createContext } from '../../../src/lib/render/context.ts';
import { renderFicheCards } from '../../../src/lib/render/fiche-cards.ts';
import { renderFicheSheet } from '../../../src/lib/render/fiche-sheet.ts';
import { renderRef } from '../../../src/lib/render/labels.ts';
import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { expectGolden } from '../../helpers/golden.ts';
import { fixtureFiles, textFile, withFiles } from '../../helpers/fixtures.ts';

const load = (dir: string): Contract => buildContract(readContentFiles(dir)).contract!;
const autre = load(join(import.meta.dirname, '../../fixtures/autre-contrat'));
const ctx = createContext(autre, { base: '/cdv/' });

describe('HTML renderers: golden files', () => {
  it('AFOM matrices', () => {
    expectGolden('afom-autre-contrat', autre.afoms.map((a) => renderAfom(a, ctx)).join('\n'));
  });
  it('fiche cards with filter data', () => {
    expectGolden('fiche-cards-autre-contrat', renderFicheCards(autre.fiches, ctx, { filterData: true }));
  });
  it('the fiche sheet of every fiche', () => {
    expectGolden('fiche-sheets-autre-contrat', autre.fiches.map((f) => renderFicheSheet(f, ctx)).join('\n'));
  });
  it('every chapter body, with its directives', () => {
    expectGolden('bodies-autre-contrat', [...autre.cahier1, ...autre.cahier2].map((c) => renderBody(c.body, ctx)).join('\n'));
  });
});

describe(':ref', () => {
  it('links with the number and title on the site, with the short form to the print anchor in print', () => {
    const fiche = autre.fiches[0]!;
    expect(renderRef({ kind: 'fiche', id: fiche.id }, ctx)).toBe(
      `<a class="ref ref-fiche" href="/cdv/fiches/${fiche.id}/"><span class="ref-num">Fiche ${fiche.numero}</span> ${fiche.titre.replace(/'/g, '&#39;')}</a>`,
    );
    const p = autre.piliers[1]!;
    // In print, its short form (ref-forms.test.ts has every kind).
    expect(renderRef({ kind: 'pilier', id: p.id }, createContext(autre, printOptions()))).toBe(`<a class="ref ref-pilier" href="#pilier-${p.id}">${autre.contrat.libelles.pilier.toLowerCase()}\u00a0${p.numero}</a>`);
  });
});

describe(':ref after « à » or « de »', () => {
  /** The minimal contract with a chapter of `text`, its one quartier « centre » named `nom`. */
  const rendered = (nom: string, text: string, site = false) => {
    const files = withFiles(fixtureFiles('minimal'), textFile('cahier-1/chapitres/renvoi.md', `---\ntitre: T\nordre: 1\n---\n${text}\n`));
    const c = buildContract(files).contract!;
    const named = { ...c, quartiers: c.quartiers.map((q) => ({ ...q, nom })) };
    return renderBody(c.cahier1.find((x) => x.slug === 'renvoi')!.body, createContext(named, site ? { base: '/' } : printOptions()));
  };

  it('contracts the preposition with the article of the quartier’s name, outside the link', () => {
    expect(rendered('Les Vignes', 'Le chômage recule à :ref[centre].')).toMatch(/recule aux <a class="ref ref-quartier" href="[^"]+">Vignes<\/a>\./);
    expect(rendered('Les Vignes', 'Les habitants de :ref[centre].')).toMatch(/habitants des <a [^>]+>Vignes<\/a>/);
    expect(rendered('Le Patural', 'De :ref[centre] au centre.')).toMatch(/^<p>Du <a [^>]+>Patural<\/a>/);
    // The site's rich link as the print's short one.
    expect(rendered('Les Vignes', 'Le chômage recule à :ref[centre].', true)).toMatch(/recule aux <a class="ref ref-quartier" href="\/quartiers\/centre\/">Vignes<\/a>\./);
  });

  it('leaves La, L’ and names without an article as they are', () => {
    expect(rendered('La Gauthière', 'Les habitants de :ref[centre].')).toMatch(/habitants de <a [^>]+>La Gauthière<\/a>/);
    expect(rendered('L’Oradou', 'Il se creuse à :ref[centre].')).toMatch(/creuse à <a [^>]+>L’Oradou<\/a>/);
    expect(rendered('Saint-Jacques', 'Il se creuse à :ref[centre].')).toMatch(/creuse à <a [^>]+>Saint-Jacques<\/a>/);
    expect(rendered('Les Vignes', 'Voir :ref[centre].')).toMatch(/Voir <a [^>]+>Les Vignes<\/a>/);
  });

  it('never changes the model’s own tree', () => {
    const c = buildContract(withFiles(fixtureFiles('minimal'), textFile('cahier-1/chapitres/renvoi.md', '---\ntitre: T\nordre: 1\n---\nà :ref[centre]\n'))).contract!;
    const body = c.cahier1.find((x) => x.slug === 'renvoi')!.body;
    const before = JSON.stringify(body.root);
    renderBody(body, createContext({ ...c, quartiers: c.quartiers.map((q) => ({ ...q, nom: 'Les Vignes' })) }, printOptions()));
    expect(JSON.stringify(body.root)).toBe(before);
  });
});

describe('::arbre in a body', () => {
  const c = buildContract(withFiles(fixtureFiles('minimal'), textFile('cahier-1/chapitres/arbre.md', '---\ntitre: T\nordre: 1\n---\n::arbre\n'))).contract!;
  const body = c.cahier1[0]!.body;

  it('is the drawing as an image file above its linked list on the site', () => {
    const html = renderBody(body, createContext(c, { base: '/cv/' }));
    expect(html).toContain('<img class="arbre-img" src="/cv/figures/arbre-contrat.svg"');
    expect(html).toContain('<ol class="arbre-liste">');
  });

  it('is an outline of its levels in print, pointing to the drawn tree only where the document draws it', () => {
    const cahier1 = renderBody(body, createContext(c, printOptions()));
    expect(cahier1).toContain('<figure class="arbre arbre-texte"><p class="plan-legende">');
    expect(cahier1).toContain(
      '<ol class="arbre-plan"><li class="plan-pilier"><p><span class="plan-num">Pilier 1</span> Cohésion</p><ol><li class="plan-enjeu"><p><span class="plan-num">1.A</span> L&#39;emploi</p><ol><li class="plan-axe"><p><span class="plan-num">1.1</span> Insérer</p><ol><li class="plan-objectif"><p><span class="plan-num">1.1.1</span> Accompagner vers l&#39;emploi <span class="plan-fiches">fiche\u00a01</span></p></li></ol></li></ol></li></ol></li></ol>',
    );
    // Compact: the constats are in the part on the piliers, not in the outline.
    expect(cahier1).not.toContain('Un chômage élevé');
    expect(cahier1).not.toContain('<svg');
    expect(cahier1).not.toContain('arbre-renvoi');
    const cahier2 = renderBody(body, createContext(c, printOptions(() => true, { drawnTreeAt: '#arbre' })));
    expect(cahier2).toContain('<p class="arbre-renvoi">L’arbre dessiné figure dans la partie <a class="ref" href="#arbre">');
  });
});

describe('raw HTML in Markdown', () => {
  const hostile = `---\ntitre: T\nordre: 1\n---\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n<a href="javascript:alert(3)">lien</a>\n\n<iframe src="https://exemple.fr"></iframe>\n\n<style>body{display:none}</style>\n\n<p style="color:red" onclick="alert(4)">texte <strong>gras</strong></p>\n\n::indicateur{id=chomage}\n`;
  const c = buildContract(withFiles(fixtureFiles('minimal'), textFile('cahier-1/chapitres/diagnostic.md', hostile))).contract!;
  const html = renderBody(c.cahier1[0]!.body, createContext(c));

  it('is sanitised: no script, handler, javascript: URL, iframe or style', () => {
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<style|\sstyle=|display:none|alert/i);
    expect(html).toContain('<strong>gras</strong>');
  });

  it('is sanitised in the print documents too', () => {
    const print = renderBody(c.cahier1[0]!.body, createContext(c, printOptions()));
    expect(print).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<style|\sstyle=|display:none|alert/i);
  });

  it('does not stop directives from rendering', () => {
    expect(html).toContain('<figure class="indicateur"');
  });
});

describe('Markdown bodies', () => {
  it('shift headings and give them stable, unique ids', () => {
    const c = buildContract(fixtureFiles('minimal')).contract!;
    const root = parseMarkdown('## Réussite éducative : l’enjeu\n\n## Réussite éducative : l’enjeu\n');
    const html = renderBody({ file: 'x.md', root }, createContext(c), { headingShift: 1, idPrefix: 'p-' });
    expect(html).toBe('<h3 id="p-reussite-educative-l-enjeu">Réussite éducative : l’enjeu</h3>\n<h3 id="p-reussite-educative-l-enjeu-2">Réussite éducative : l’enjeu</h3>');
  });

  it('never mutate the model’s tree', () => {
    const before = JSON.stringify(autre.cahier1[0]!.body.root);
    renderBody(autre.cahier1[0]!.body, ctx);
    expect(JSON.stringify(autre.cahier1[0]!.body.root)).toBe(before);
  });
});
