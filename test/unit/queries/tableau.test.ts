/**
 * The follow-up dashboard's queries and renderers, on the small version-2
 * contract of test/helpers/suivi-contract.ts (its « now » is 2018, the
 * latest year of a commitment's suivi).
 */
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../src/lib/model/index.ts';
import { coverage, ficheAvancement, lateFiches, lookupOf, statutCounts, statutGroups } from '../../../src/lib/queries/index.ts';
import { createContext } from '../../../src/lib/render/context.ts';
import { renderEngagements, renderEngagementsSummary } from '../../../src/lib/render/suivi-engagements.ts';
import { renderSuiviCibles, renderSuiviMoyens } from '../../../src/lib/render/suivi-moyens.ts';
import { renderCoverage, renderFicheList, renderLateFiches, renderStatutTable } from '../../../src/lib/render/suivi-statuts.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';
import { suiviContract } from '../../helpers/suivi-contract.ts';

const c = suiviContract();
const ctx = createContext(c, { base: '/cdv/' });
const fiche = (id: string) => lookupOf(c).fiche.get(id)!;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();

describe('dashboard queries', () => {
  it('flags a fiche late by its calendrier (it ends in 2016, « now » is 2018) and says why', () => {
    expect(lateFiches(c)).toEqual([{ fiche: fiche('accompagner-jeunes'), raison: 'echeance' }]);
  });

  it('groups the fiches by the pilier of their first objectif, so the groups add up to every fiche', () => {
    const groups = statutGroups(c, 'pilier');
    expect(groups.map((g) => [g.id, g.fiches.map((f) => f.id), g.counts, g.late.map((f) => f.id)])).toEqual([
      ['social', ['accompagner-jeunes'], [{ statut: 'en-cours', nombre: 1 }], ['accompagner-jeunes']],
      ['cadre', ['renover-logements'], [{ statut: 'realise', nombre: 1 }], []],
    ]);
  });

  it('counts a fiche in each of its objectifs and quartiers; a group without fiche stays, empty', () => {
    expect(statutGroups(c, 'objectif').map((g) => [g.id, g.fiches.length])).toEqual([['accompagner', 2], ['former', 0], ['renover', 1]]);
    expect(statutGroups(c, 'quartier').map((g) => [g.id, g.counts])).toEqual([['centre', [{ statut: 'en-cours', nombre: 1 }, { statut: 'realise', nombre: 1 }]]]);
    expect(statutCounts([])).toEqual([]);
  });

  it('gives the coverage of objectifs × quartiers, an objectif without fiche marked empty', () => {
    expect(coverage(c).map((r) => [r.objectif.id, r.cells.map((x) => [x.quartier.id, x.fiches.length]), r.vide])).toEqual([
      ['accompagner', [['centre', 2]], false],
      ['former', [['centre', 0]], true],
      ['renover', [['centre', 1]], false],
    ]);
  });

  it('gives a fiche’s latest progress with its year', () => {
    expect(ficheAvancement(fiche('accompagner-jeunes'))).toEqual({ annee: 2016, avancement: 60 });
    expect(ficheAvancement(fiche('renover-logements'))).toEqual({ annee: 2017, avancement: 100 });
  });
});

describe('dashboard renderers', () => {
  it('lists the late fiches, linked, with why', () => {
    expect(renderLateFiches(ctx)).toBe(
      '<ul class="suivi-retards"><li><a href="/cdv/fiches/accompagner-jeunes/" title="Accompagner les jeunes">Fiche\u00a01</a> Accompagner les jeunes <span class="retard-raison">(échéance 2016 dépassée, statut «\u00a0en cours\u00a0»)</span></li></ul>',
    );
  });

  it('says in words which objectif has no fiche, not by colour alone', () => {
    const html = renderCoverage(ctx);
    expect(text(html)).toContain('Un objectif opérationnel n’a aucune fiche : 1.1.2 Former .');
    expect(html).toContain('<tr class="sans-fiche"><th scope="row">1.1.2 Former <strong class="sans-fiche-mot">aucune fiche</strong></th><td class="nul">0</td></tr>');
  });

  it('counts statuts per group with links, and says « aucune » for a group without fiche', () => {
    const html = renderStatutTable(ctx, 'objectif');
    expect(html).toContain('<tr class="sans-fiche"><th scope="row"><a href="/cdv/strategie/piliers/social/#objectif-former">1.1.2 Former</a></th><td>aucune</td>');
    expect(text(renderStatutTable(ctx, 'pilier'))).toContain('Pilier 1 : Cohésion 1 0 1 0 0 0 0 1 : Fiche 1');
    expect(text(renderStatutTable(ctx, 'objectif'))).toContain("1.1.1 Accompagner vers l'emploi 2 1 en cours, 1 réalisé 1 : Fiche 1");
  });

  it('lists every fiche once under its pilier, with statut and progress; late by calendrier said beside the statut', () => {
    expect(text(renderFicheList(ctx, 3))).toBe(
      'Pilier 1 : Cohésion Fiche 1 Accompagner les jeunes — En cours , 60 % en 2016 en retard sur le calendrier Pilier 2 : Cadre de vie Fiche 2 Rénover les logements — Réalisé , 100 % en 2017',
    );
  });

  it('shows the money by year, funder and pilier as the report’s figures, with the chart.js data', () => {
    const html = renderSuiviMoyens(ctx, 3);
    expect(html).toContain('data-moyens="suivi-annees"');
    expect(html).toContain('data-moyens="suivi-financeurs"');
    expect(html).toContain('data-moyens="suivi-piliers"');
    expect(html).toContain('&quot;annees&quot;:[2015,2016,2017]');
    expect(text(html)).toContain('Moyens par année, de 2015 à 2017 Année Programmé Engagé Versé 2015 500 € 300 € 251 € 2016 100 € 50 € 0 € 2017 1 000 € 0 € 900 € Total 1 600 € 350 € 1 151 €');
  });

  it('shows each figured target from reference to latest value, judged; a secret as such, never 0', () => {
    const t = text(renderSuiviCibles(ctx));
    expect(t).toContain('Centre 20,5 % (2011) 17 % (2017) 14,5 % (2020) 58 % du chemin, évolution favorable');
    expect(t).toContain('Ville test 12 % (2011) secret statistique (2015) 10 % (2020) non calculable (secret)');
  });

  it('renders the commitments by signatory with their statut by year, and a summary for the latest year', () => {
    expect(text(renderEngagements(ctx, 2))).toBe(
      'Préfecture Former des adultes Aucun suivi inscrit. Ville test Accompagner les jeunes Objectif opérationnel 1.1.1 Accompagner vers l\'emploi Quartiers tous les quartiers 2016 En cours 2018 Tenu Fait.',
    );
    expect(text(renderEngagementsSummary(ctx))).toContain('Préfecture 1 0 0 0 0 0 1 Ville test 1 0 0 1 0 0 0');
  });

  it('has nothing to show for a version-1 contract', () => {
    const v1 = buildContract(fixtureFiles('minimal')).contract!;
    const c1 = createContext(v1);
    expect(renderSuiviMoyens(c1, 3)).toBe('<p>Aucun montant n’est inscrit au suivi des fiches.</p>');
    expect(renderEngagementsSummary(c1)).toBe('');
    expect(lateFiches(v1)).toEqual([]);
  });
});
