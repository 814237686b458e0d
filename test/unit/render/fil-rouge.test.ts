/**
 * The golden thread of an objectif, on its pilier page and on a fiche's
 * page: constats → enjeu → objectif → fiches → results, in that order,
 * with the constats taken from the objectif, its axe or its enjeu.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/lib/render/context.ts';
import { renderFicheYear } from '../../../src/lib/render/fiche-suivi.ts';
import { renderFilRouge } from '../../../src/lib/render/fil-rouge.ts';
import { renderIndicateur } from '../../../src/lib/render/chart.ts';
import { suiviContract } from '../../helpers/suivi-contract.ts';

const contract = suiviContract();
const ctx = createContext(contract, { base: '/' });
const fiche = (id: string) => contract.fiches.find((f) => f.id === id)!;

/** The text a reader gets, one line per list item or step. */
function text(html: string): string {
  return html
    .replace(/<(li|h\d)[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\u00a0|\u202f/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

describe('the golden thread', () => {
  it('on a fiche page: the enjeu’s constats, the enjeu, the objectif, the fiches with this one marked, targets and the fiche’s indicators', () => {
    const html = renderFilRouge(ctx, 'accompagner', { headingLevel: 2, fiche: fiche('accompagner-jeunes') });
    expect(text(html)).toMatchInlineSnapshot(`
      "Du diagnostic aux résultats
      Constats du diagnostic
      Faiblesse Un chômage élevé
      Enjeu 1.A L&#39;emploi
      Objectif opérationnel 1.1.1 Accompagner vers l&#39;emploi
      Fiches projets
      Fiche 1 Accompagner les jeunes (en cours, en retard)
      Fiche 2 Rénover les logements (réalisé)
      Résultats
      Taux de chômage, Centre : 20,5 % en 2011 → 17 % en 2017 ; cible 14,5 % en 2020 (58 % du chemin, évolution favorable)
      Taux de chômage, Ville test : 12 % en 2011 → secret en 2015 ; cible 10 % en 2020
      Jeunes accompagnés (fiche) : 0 au départ → secret en 2016 ; cible 50
      Délai moyen (fiche) : 12 en 2016 ; cible à définir"
    `);
    expect(html).toContain('<strong aria-current="page">');
    expect(html).toContain('<ol class="fil-etapes">');
  });

  it('on the pilier page: no repeated enjeu or objectif, the enjeu’s constats pointed to, the fiches counted', () => {
    expect(text(renderFilRouge(ctx, 'accompagner', { headingLevel: 4, onPilierPage: true }))).toMatchInlineSnapshot(`
      "Du diagnostic aux résultats
      Fiches projets 2 fiches, ci-dessous, dont 1 en retard
      Résultats
      Taux de chômage, Centre : 20,5 % en 2011 → 17 % en 2017 ; cible 14,5 % en 2020 (58 % du chemin, évolution favorable)
      Taux de chômage, Ville test : 12 % en 2011 → secret en 2015 ; cible 10 % en 2020"
    `);
  });

  it('takes the objectif’s own constats, else its axe’s, and says when no fiche carries it out', () => {
    expect(text(renderFilRouge(ctx, 'former', { headingLevel: 4, onPilierPage: true }))).toMatchInlineSnapshot(`
      "Du diagnostic aux résultats
      Constats du diagnostic
      Faiblesse Un chômage élevé
      Fiches projets aucune fiche projet ne le met en œuvre
      Résultats ni cible chiffrée ni valeur suivie"
    `);
    expect(text(renderFilRouge(ctx, 'renover', { headingLevel: 2, fiche: fiche('renover-logements') }))).toMatchInlineSnapshot(`
      "Du diagnostic aux résultats : objectif opérationnel 2.1.1
      Constats du diagnostic
      Faiblesse Un chômage élevé
      Objectif opérationnel 2.1.1 Rénover
      Fiches projets
      Fiche 2 Rénover les logements (réalisé)
      Résultats ni cible chiffrée ni valeur suivie"
    `);
  });
});

describe('a fiche’s follow-up year', () => {
  it('gives status, progress, files, money by funder with totals, indicators against targets, a secret as such, and the comment', () => {
    const f = fiche('accompagner-jeunes');
    expect(text(renderFicheYear(f, ctx, 2015, { headingLevel: 4, idPrefix: 'suivi-2015-' }))).toMatchInlineSnapshot(`
      "Statut 2015En coursAvancement40 %Dossiers de subventionDOS-1Financements 2015FinanceurProgramméEngagéVerséÉtat300 €300 €251 €ville200 €——Total500 €300 €251 €Indicateurs de la fiche en 2015IndicateurValeur initiale2015CibleParcouruJeunes accompagnés0205040 %Démarrage en mars.
      Voir Objectif opérationnel 1.1.1 Accompagner vers l&#39;emploi."
    `);
    expect(text(renderFicheYear(f, ctx, 2016, { headingLevel: 4, idPrefix: 'suivi-2016-' }))).toMatchInlineSnapshot(`"Statut 2016En coursAvancement60 %Financements 2016FinanceurProgramméEngagéVerséÉTAT100 €50 €—Indicateurs de la fiche en 2016IndicateurValeur initiale2016CibleParcouruJeunes accompagnés0s50—Délai moyen—12à définir—"`);
    expect(renderFicheYear(f, ctx, 2019, { headingLevel: 4, idPrefix: 'x' })).toBe('');
  });
});

describe('an indicator’s series break', () => {
  const ind = contract.indicateurs.find((i) => i.id === 'chomage')!;
  const html = renderIndicateur(ind, ctx);

  it('draws a dashed rule before the break year and does not join the values across it', () => {
    expect(html.match(/<line class="rupture"/g)).toHaveLength(1);
    // The quartier's line: 2011 alone, then 2015 → 2017.
    const centre = html.match(/<path d="M[^"]*"[^>]*stroke-width="2.5"/g)!;
    expect(centre).toHaveLength(2);
    expect(centre[0]).not.toContain('L');
    expect(centre[1]).toContain('L');
  });

  it('says so under the chart and marks the year in the table', () => {
    expect(text(html)).toContain('‖ Rupture de série en 2015 : Nouvelle géographie. Les valeurs de part et d’autre ne se comparent pas.');
    expect(html).toContain('<th scope="col"><abbr title="rupture de série">‖</abbr>\u00a02015</th>');
  });

  it('leaves an indicator without breaks as it was', () => {
    const plain = renderIndicateur({ ...ind, ruptures: [] }, ctx);
    expect(plain).not.toContain('rupture');
  });
});
