/**
 * The follow-up's model (FORMAT-SUIVI) and the queries every view shares,
 * on a small version-2 contract held in memory (test/helpers/suivi-contract.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract } from '../../../src/lib/model/index.ts';
import {
  cibleProgress,
  ciblesOf,
  constatsOf,
  engagementsBySignataire,
  engagementStatut,
  engagementYears,
  ficheIndicateurProgress,
  ficheStatut,
  financeurKey,
  isLate,
  jugement,
  lookupOf,
  moneyByFunder,
  moneyByPilier,
  moneyByYear,
  moneyRows,
  moneyTotal,
  suiviAt,
  suiviNow,
  suiviYears,
} from '../../../src/lib/queries/index.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';
import { buildSuivi, SUIVI_FILES, suiviContract } from '../../helpers/suivi-contract.ts';

const c = suiviContract();
const fiche = (id: string) => lookupOf(c).fiche.get(id)!;
const jeunes = fiche('accompagner-jeunes');
const renover = fiche('renover-logements');

describe('the version-2 model', () => {
  it('resolves a fiche’s suivi by year, its statut defaulting to the latest year that has one', () => {
    expect(jeunes.suivi!.map((s) => s.annee)).toEqual([2015, 2016]);
    expect(jeunes.statut).toBe('en-cours');
    expect(renover.statut).toBe('realise');
    expect(jeunes.suivi![0]).toMatchObject({ statut: 'en-cours', avancement: 40, valeurs: { jeunes: 20 }, dossiers: ['DOS-1'] });
    expect(jeunes.suivi![1]!.valeurs).toEqual({ jeunes: null, delai: 12 });
    expect(jeunes.indicateurs[0]).toEqual({ id: 'jeunes', libelle: 'Jeunes accompagnés', valeur_initiale: 0, cible: 50, sens: 'hausse-favorable' });
  });

  it('parses a commentaire as Markdown with its directives resolved', () => {
    const root = jeunes.suivi![0]!.commentaire!.root;
    expect(root.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
    expect(JSON.stringify(root)).toContain('"target":{"kind":"objectif","id":"accompagner"}');
    expect(renover.suivi![0]!.commentaire!.root.children).toHaveLength(1);
  });

  it('fills a cible’s reference with the earliest non-null value of its territory, keeps a written one', () => {
    const [centre, ville] = ciblesOf(c).map((x) => x.cible);
    expect(centre).toEqual({ indicateur: 'chomage', territoire: 'centre', annee: 2020, valeur: 14.5, reference: { annee: 2011, valeur: 20.5 } });
    expect(ville!.reference).toEqual({ annee: 2011, valeur: 12 });
  });

  it('keeps constats on objectifs and axes, ruptures on indicators, and the commitments', () => {
    expect(lookupOf(c).objectif.get('former')!.constats).toEqual(['chomage-eleve']);
    expect(lookupOf(c).axe.get('habitat')!.constats).toEqual(['chomage-eleve']);
    expect(c.indicateurs[0]!.ruptures).toEqual([{ annee: 2015, libelle: 'Nouvelle géographie' }]);
    expect(c.engagements[0]).toEqual({
      id: 'emploi-jeunes',
      signataire: 'Ville test',
      engagement: 'Accompagner les jeunes',
      objectifs: ['accompagner'],
      quartiers: ['centre'],
      tousQuartiers: true,
      suivi: [
        { annee: 2016, statut: 'en-cours' },
        { annee: 2018, statut: 'tenu', commentaire: 'Fait.' },
      ],
    });
  });

  it('leaves a version-1 contract’s model without the new keys', () => {
    const v1 = buildContract(fixtureFiles('minimal')).contract!;
    expect(v1.engagements).toEqual([]);
    expect(Object.keys(v1.fiches[0]!)).not.toContain('suivi');
    expect(v1.fiches[0]!.statut).toBe('a-lancer');
    expect(Object.keys(v1.piliers[0]!.axes[0]!.objectifs[0]!).sort()).toEqual(['axe', 'enjeu', 'id', 'indicateurs', 'numero', 'pilier', 'titre']);
    expect(Object.keys(v1.piliers[0]!.axes[0]!).sort()).toEqual(['enjeu', 'id', 'numero', 'objectifs', 'pilier', 'titre']);
    expect(Object.keys(v1.indicateurs[0]!)).not.toContain('ruptures');
    expect(v1.fiches[0]!.indicateurs).toEqual([{ libelle: 'Jeunes accompagnés', cible: 50 }]);
  });
});

describe('the follow-up’s clock and statuses', () => {
  it('suiviNow: the latest year of any fiche’s or commitment’s suivi', () => {
    expect(suiviYears(c)).toEqual([2015, 2016, 2017, 2018]);
    expect(suiviNow(c)).toBe(2018);
    expect(suiviNow(buildContract(fixtureFiles('minimal')).contract!)).toBeUndefined();
  });

  it('ficheStatut: at year N, the latest statut written up to N', () => {
    expect(ficheStatut(jeunes)).toBe('en-cours');
    expect(ficheStatut(jeunes, 2016)).toBe('en-cours');
    expect(ficheStatut(jeunes, 2014)).toBe('a-lancer');
    expect(ficheStatut(renover, 2016)).toBe('a-lancer');
    expect(ficheStatut(renover, 2017)).toBe('realise');
    expect(suiviAt(jeunes, 2016)!.avancement).toBe(60);
    const undated = suiviContract({ 'cahier-2/fiches/renover-logements.md': SUIVI_FILES['cahier-2/fiches/renover-logements.md'].replace('    statut: realise\n', '').replace('calendrier:', 'statut: suspendu\ncalendrier:') });
    expect(ficheStatut(lookupOf(undated).fiche.get('renover-logements')!, 2016)).toBe('suspendu');
    expect(suiviAt(jeunes, 2017)).toBeUndefined();
  });

  it('isLate: en-retard, or calendrier.fin before « now » while neither realise nor abandonne', () => {
    expect(isLate(c, jeunes)).toBe(true); // fin 2016 < 2018, en-cours
    expect(isLate(c, jeunes, 2016)).toBe(false);
    expect(isLate(c, jeunes, 2017)).toBe(true);
    expect(isLate(c, renover)).toBe(false);
    const retard = SUIVI_FILES['cahier-2/fiches/renover-logements.md'].replace('statut: realise', 'statut: en-retard').replace('avancement: 100', 'avancement: 10');
    const late = suiviContract({ 'cahier-2/fiches/renover-logements.md': retard });
    expect(isLate(late, lookupOf(late).fiche.get('renover-logements')!)).toBe(true);
    const done = SUIVI_FILES['cahier-2/fiches/accompagner-jeunes.md'].replace('  2016:\n    avancement: 60', '  2016:\n    statut: abandonne\n    avancement: 60');
    const abandoned = suiviContract({ 'cahier-2/fiches/accompagner-jeunes.md': done });
    expect(isLate(abandoned, lookupOf(abandoned).fiche.get('accompagner-jeunes')!)).toBe(false);
  });
});

describe('money', () => {
  it('financeurKey: trimmed, NFC, case-folded', () => {
    expect(financeurKey(' ÉTAT ')).toBe(financeurKey('État'));
    expect(financeurKey('E\u0301tat')).toBe(financeurKey('État'));
    expect(financeurKey('Ville')).not.toBe(financeurKey('Villes'));
  });

  it('moneyRows: one row per fiche × year × funder, named as in the budget, under the pilier of the first objectif', () => {
    expect(moneyRows(c)).toEqual([
      { fiche: 'accompagner-jeunes', annee: 2015, financeur: 'État', cle: 'état', pilier: 'social', prevu: 300, engage: 300, realise: 250.5 },
      { fiche: 'accompagner-jeunes', annee: 2015, financeur: 'Ville', cle: 'ville', pilier: 'social', prevu: 200 },
      { fiche: 'accompagner-jeunes', annee: 2016, financeur: 'État', cle: 'état', pilier: 'social', prevu: 100.25, engage: 50 },
      { fiche: 'renover-logements', annee: 2017, financeur: 'Région', cle: 'région', pilier: 'cadre', prevu: 1000, realise: 900 },
    ]);
  });

  it('sums by year, funder and pilier, for a year or cumulated up to it', () => {
    expect(moneyTotal(c)).toEqual({ prevu: 1600.25, engage: 350, realise: 1150.5 });
    expect(moneyByYear(c)).toEqual([
      { annee: 2015, prevu: 500, engage: 300, realise: 250.5 },
      { annee: 2016, prevu: 100.25, engage: 50, realise: 0 },
      { annee: 2017, prevu: 1000, engage: 0, realise: 900 },
    ]);
    expect(moneyByFunder(c)).toEqual([
      { financeur: 'Région', cle: 'région', prevu: 1000, engage: 0, realise: 900 },
      { financeur: 'État', cle: 'état', prevu: 400.25, engage: 350, realise: 250.5 },
      { financeur: 'Ville', cle: 'ville', prevu: 200, engage: 0, realise: 0 },
    ]);
    expect(moneyByFunder(c, { annee: 2016 })).toEqual([{ financeur: 'État', cle: 'état', prevu: 100.25, engage: 50, realise: 0 }]);
    expect(moneyByPilier(c)).toEqual([
      { pilier: 'social', prevu: 600.25, engage: 350, realise: 250.5 },
      { pilier: 'cadre', prevu: 1000, engage: 0, realise: 900 },
    ]);
    expect(moneyByPilier(c, { jusqua: 2016 })).toEqual([{ pilier: 'social', prevu: 600.25, engage: 350, realise: 250.5 }]);
    expect(moneyTotal(c, { jusqua: 2016 })).toEqual({ prevu: 600.25, engage: 350, realise: 250.5 });
    const byPilier = moneyByPilier(c).reduce((s, p) => s + p.prevu, 0);
    expect(byPilier).toBe(moneyTotal(c).prevu);
  });
});

describe('progress', () => {
  const [centre, ville] = ciblesOf(c).map((x) => x.cible);

  it('jugement: by the favourable direction; neutre without one or without movement', () => {
    expect(jugement('hausse-favorable', 1, 2)).toBe('favorable');
    expect(jugement('hausse-favorable', 2, 1)).toBe('defavorable');
    expect(jugement('baisse-favorable', 2, 1)).toBe('favorable');
    expect(jugement('baisse-favorable', 1, 1)).toBe('neutre');
    expect(jugement('neutre', 1, 5)).toBe('neutre');
    expect(jugement(undefined, 1, 5)).toBe('neutre');
  });

  it('cibleProgress: reference → latest value of a year ≤ N → target', () => {
    const at2016 = cibleProgress(c, centre!, 2016);
    expect(at2016).toMatchObject({ reference: { annee: 2011, valeur: 20.5 }, derniere: { annee: 2015, valeur: 18.5 }, jugement: 'favorable', secret: false });
    expect(at2016.ratio).toBeCloseTo(2 / 6);
    expect(at2016.objectif!.id).toBe('accompagner');
    expect(cibleProgress(c, centre!).derniere).toEqual({ annee: 2017, valeur: 17 });
    expect(cibleProgress(c, centre!).ratio).toBeCloseTo(3.5 / 6);
    expect(cibleProgress(c, centre!, 2011)).toMatchObject({ ratio: 0, jugement: 'neutre' });
    expect(cibleProgress(c, centre!, 2010)).toEqual({ objectif: at2016.objectif, cible: centre, indicateur: at2016.indicateur, reference: { annee: 2011, valeur: 20.5 }, secret: false });
  });

  it('cibleProgress: a secret stays a secret, never 0', () => {
    const p = cibleProgress(c, ville!, 2016);
    expect(p.derniere).toEqual({ annee: 2015, valeur: null });
    expect(p.secret).toBe(true);
    expect(p.ratio).toBeUndefined();
    expect(p.jugement).toBeUndefined();
  });

  it('cibleProgress: no ratio when the target equals the reference', () => {
    const flat = { ...centre!, valeur: 20.5 };
    const p = cibleProgress(c, flat, 2015);
    expect(p.ratio).toBeUndefined();
    expect(p.jugement).toBe('favorable');
  });

  it('ficheIndicateurProgress: (value − valeur_initiale) / (cible − valeur_initiale), text targets as is', () => {
    expect(ficheIndicateurProgress(jeunes, 'jeunes', 2015)).toMatchObject({ valeurs: [{ annee: 2015, valeur: 20 }], derniere: { annee: 2015, valeur: 20 }, ratio: 0.4, jugement: 'favorable', secret: false });
    expect(ficheIndicateurProgress(jeunes, 'jeunes')).toMatchObject({ derniere: { annee: 2016, valeur: null }, secret: true });
    expect(ficheIndicateurProgress(jeunes, 'jeunes')!.ratio).toBeUndefined();
    const delai = ficheIndicateurProgress(jeunes, 'delai')!;
    expect(delai).toEqual({ indicateur: { id: 'delai', libelle: 'Délai moyen', cible: 'à définir' }, valeurs: [{ annee: 2016, valeur: 12 }], derniere: { annee: 2016, valeur: 12 }, secret: false });
    expect(ficheIndicateurProgress(jeunes, 'delai', 2015)).toEqual({ indicateur: delai.indicateur, valeurs: [], secret: false });
    expect(ficheIndicateurProgress(jeunes, 'inconnu')).toBeUndefined();
  });
});

describe('the golden thread and the commitments', () => {
  it('constatsOf: the objectif’s own, else its axe’s, else its enjeu’s', () => {
    expect(constatsOf(c, 'former')).toEqual({ constats: ['chomage-eleve'], from: 'objectif' });
    expect(constatsOf(c, 'renover')).toEqual({ constats: ['chomage-eleve'], from: 'axe' });
    expect(constatsOf(c, 'accompagner')).toEqual({ constats: ['chomage-eleve'], from: 'enjeu' });
    expect(constatsOf(c, 'inconnu')).toEqual({ constats: [] });
  });

  it('commitments by signatory, in the order of contrat.yaml, with their statut per year', () => {
    expect(engagementsBySignataire(c).map((g) => [g.signataire, g.engagements.map((e) => e.id)])).toEqual([
      ['Préfecture', ['prefecture-adultes']],
      ['Ville test', ['emploi-jeunes']],
    ]);
    expect(engagementYears(c)).toEqual([2016, 2018]);
    expect(engagementStatut(c.engagements[0]!, 2016)).toBe('en-cours');
    expect(engagementStatut(c.engagements[0]!, 2017)).toBeUndefined();
  });
});

describe('a commentaire’s Markdown, located in the file', () => {
  const withComment = (comment: string) =>
    buildSuivi({ 'cahier-2/fiches/renover-logements.md': SUIVI_FILES['cahier-2/fiches/renover-logements.md'].replace('    commentaire: Terminé.\n', comment) });
  const located = (comment: string) => withComment(comment).issues.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.column} ${i.path} ${i.message} [${i.rule}]`);

  it('in a `>` block, at the line and column of the directive', () => {
    expect(located('    commentaire: >-\n      Terminé,\n        voir :ref[renove].\n')).toEqual(['19:14 :ref identifiant inconnu « renove » [ref-inconnue]']);
  });

  it('in a plain or quoted scalar, at the key', () => {
    expect(located("    commentaire: 'Voir :ref[renove].'\n")).toEqual(['17:5 :ref identifiant inconnu « renove » [ref-inconnue]']);
  });

  it('too deeply nested: an error, no stack trace, no hang', () => {
    const issues = withComment(`    commentaire: |\n      ${'> '.repeat(80)}texte\n`).issues.filter((i) => i.severity === 'error');
    expect(issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.message} [${i.rule}]`)).toEqual(['17:18 suivi.2017.commentaire commentaire Markdown illisible (structure trop profonde) [markdown-profond]']);
  });

  it('a directive in a commentaire counts as showing the indicator', () => {
    const shown = withComment('    commentaire: |\n      Le chômage :\n\n      ::indicateur{id=chomage}\n').issues;
    expect(shown.filter((i) => i.rule === 'indicateur-non-affiche')).toEqual([]);
  });
});

describe('a commentaire written through a YAML alias', () => {
  it('is read, its errors located at the anchored text', () => {
    const fiche = SUIVI_FILES['cahier-2/fiches/accompagner-jeunes.md']
      .replace('    dossiers: [DOS-1]\n    commentaire: |', '    dossiers: [DOS-1]\n    commentaire: &texte |')
      .replace('  2016:\n    avancement: 60', '  2016:\n    commentaire: *texte\n    avancement: 60');
    const c = suiviContract({ 'cahier-2/fiches/accompagner-jeunes.md': fiche });
    expect(c.fiches.find((f) => f.id === 'accompagner-jeunes')!.suivi![1]!.commentaire!.root.children).toHaveLength(2);
    const broken = buildSuivi({ 'cahier-2/fiches/accompagner-jeunes.md': fiche.replace(':ref[accompagner]', ':ref[accompagne]') });
    expect(broken.issues.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual(['40:12 identifiant inconnu « accompagne »']);
  });
});

describe.each([
  ['exemple', 'content'],
  ['autre-contrat', 'test/fixtures/autre-contrat'],
  ['v2 en mémoire', ''],
])('invariants of the follow-up queries on %s', (_, dir) => {
  const contract = dir ? buildContract(readContentFiles(join(import.meta.dirname, '../../..', dir))).contract! : c;
  const sum = (rows: readonly { prevu: number; engage: number; realise: number }[]) =>
    rows.reduce((s, r) => ({ prevu: s.prevu + r.prevu, engage: s.engage + r.engage, realise: s.realise + r.realise }), { prevu: 0, engage: 0, realise: 0 });
  const close = (a: { prevu: number; engage: number; realise: number }, b: typeof a) => {
    for (const k of ['prevu', 'engage', 'realise'] as const) expect(a[k]).toBeCloseTo(b[k], 2);
  };

  it('piliers, funders and years each add up to the grand total, for every scope', () => {
    const now = suiviNow(contract);
    for (const scope of [undefined, ...(now ? [{ annee: now }, { jusqua: now }] : [])]) {
      const total = moneyTotal(contract, scope);
      close(sum(moneyByPilier(contract, scope)), total);
      close(sum(moneyByFunder(contract, scope)), total);
      close(sum(moneyByYear(contract, scope)), total);
    }
  });

  it('every money row is a year of its fiche’s suivi, under a pilier of the contract', () => {
    const piliers = new Set(contract.piliers.map((p) => p.id));
    for (const r of moneyRows(contract)) {
      expect(suiviAt(lookupOf(contract).fiche.get(r.fiche)!, r.annee)).toBeDefined();
      expect(piliers.has(r.pilier)).toBe(true);
    }
  });

  it('every target has a progress, never a ratio over a secret', () => {
    for (const { cible } of ciblesOf(contract))
      for (const annee of [undefined, ...suiviYears(contract)]) {
        const p = cibleProgress(contract, cible, annee);
        if (p.secret) expect(p.ratio).toBeUndefined();
        if (p.derniere && annee !== undefined) expect(p.derniere.annee).toBeLessThanOrEqual(annee);
      }
  });

  it('a fiche en-retard is late; a realised or abandoned one is not', () => {
    for (const f of contract.fiches) {
      if (f.statut === 'en-retard') expect(isLate(contract, f)).toBe(true);
      if (f.statut === 'realise' || f.statut === 'abandonne') expect(isLate(contract, f)).toBe(false);
    }
  });
});
