/**
 * The comparison with a signed version, on a contract kept in a git
 * repository built here: tagged v1.0, then amended with a change of every
 * kind (test/helpers/git-contract.ts). `npm run evolutions` lists exactly
 * those changes, each linked to its current page, the removed ones to none.
 * v1.0 is in format 1, read as a subset of format 2 (no commitments).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runEvolutions } from '../../../scripts/lib/run-evolutions.ts';
import { loadContract } from '../../../src/lib/contract.ts';
import { evolutionsSince } from '../../../src/lib/evolutions/since.ts';
import { amendedContract } from '../../helpers/git-contract.ts';

const repo = amendedContract();
afterAll(() => repo.cleanup());

function run(args: string[], env: NodeJS.ProcessEnv = { CONTENT_DIR: repo.dir }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runEvolutions(args, env, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('evolutions since a signed version', () => {
  it('lists every change, in the contract’s terms (npm run evolutions)', () => {
    const { code, out, err } = run(['v1.0']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(
      `Évolutions depuis la version 1.0 du 30 juin 2015

Le contrat (1)
  Modification : Contrat — Contrat de ville minimal (/)
      Signataires : + État, Ville test

Arbre des objectifs (8)
  Modification : Pilier 1 — Cohésion sociale (/strategie/piliers/social/)
      Titre : Cohésion → Cohésion sociale
  Ajout : Objectif opérationnel 1.1.1 — Orienter les jeunes (/strategie/piliers/social/#objectif-orienter)
  Ajout : Axe stratégique 1.2 — Former (/strategie/piliers/social/#axe-former)
  Modification : Objectif opérationnel 1.2.1 — Accompagner vers l'emploi (/strategie/piliers/social/#objectif-accompagner)
      Déplacé : Axe stratégique 1.1 — Insérer → Axe stratégique 1.2 — Former
  Ajout : Pilier 2 — Cadre de vie (/strategie/piliers/cadre/)
  Ajout : Axe stratégique 2.1 — Habiter mieux (/strategie/piliers/cadre/#axe-habitat)
  Ajout : Objectif opérationnel 2.1.1 — Rénover les logements (/strategie/piliers/cadre/#objectif-renover)
  Suppression : Objectif opérationnel 1.1.2 — Prévenir le décrochage

Fiches projets (3)
  Modification : Fiche 1 — Accompagner les jeunes (/fiches/accompagner-jeunes/)
      Statut : À lancer → En cours
      Porteur : Mission locale → Mission locale de l'agglomération
      Calendrier : néant → 2016-2018
      Budget total : 1\u202f000\u202f€ → 1\u202f500\u202f€
      Financeur État : 600\u202f€ → 900\u202f€
      Financeur Région : néant → 200\u202f€
      Objectifs : + Objectif opérationnel 1.1.1 — Orienter les jeunes
      Quartiers : + Nord
      Autres modifications : partenaires, suivi
  Ajout : Fiche 2 — Rénover les logements (/fiches/renover-logements/)
  Suppression : Fiche 2 — Une fiche abandonnée

Quartiers (3)
  Modification : Quartier — Centre (/quartiers/centre/)
      Autres modifications : population
  Ajout : Quartier — Nord (/quartiers/nord/)
  Suppression : Quartier — Sud

Indicateurs (1)
  Modification : Indicateur — Taux de chômage (/diagnostic/indicateurs/chomage/)
      Nouvelles années : 2016
      Années retirées : 2009
      Centre, 2011 : 20,5\u202f% → 21\u202f%

Matrices AFOM (1)
  Modification : Matrice AFOM — Matrice générale (/diagnostic/afom/#afom-general)
      Autres modifications : menaces

Engagements des signataires (2)
  Ajout : Engagement (État) — Accompagner 80 jeunes par an (/suivi/engagements/#engagement-etat-emploi)
  Ajout : Engagement (Ville test) — Ouvrir la médiathèque le dimanche (/suivi/engagements/#engagement-ville-culture)

Chapitres (2)
  Modification : Chapitre du Cahier I — Diagnostic (/diagnostic/chapitres/diagnostic/)
      Texte : Le chômage [-reste élevé-]{+a baissé depuis 2011+} dans le quartier, et il touche d'abord les …
  Ajout : Chapitre du Cahier II — Bilan à mi-parcours (/strategie/chapitres/bilan/)`,
    );
  });

  it('compares the signatories’ commitments between two versions in format 2', () => {
    const { out } = run(['v1.1']);
    expect(out.slice(out.indexOf('Engagements des signataires'), out.indexOf('\n\nChapitres'))).toBe(`Engagements des signataires (3)
  Modification : Engagement (État) — Accompagner 80 jeunes par an (/suivi/engagements/#engagement-etat-emploi)
      Engagement : Accompagner 50 jeunes par an → Accompagner 80 jeunes par an
      Objectifs : + Objectif opérationnel 1.1.1 — Orienter les jeunes
      Quartiers : Centre → Tous les quartiers
      Suivi 2016 : En cours → Tenu
      Suivi 2017 : néant → En cours
      Autres modifications : commentaires du suivi
  Ajout : Engagement (Ville test) — Ouvrir la médiathèque le dimanche (/suivi/engagements/#engagement-ville-culture)
  Suppression : Engagement (Ville test) — Ouvrir les gymnases le soir`);
  });

  it('names the version compared with as it was at that ref, and links only what is still there', () => {
    const now = loadContract(repo.dir, {}).contract!;
    const ev = evolutionsSince(repo.dir, 'v1.0', now);
    expect(ev.depuis).toEqual({ ref: 'v1.0', version: '1.0', date: '2015-06-30' });
    const changes = ev.sections.flatMap((s) => s.changes);
    // The site has no page of the commitments yet: they link to nothing.
    const linked = ev.sections.filter((s) => s.id !== 'engagements').flatMap((s) => s.changes);
    expect(linked.length).toBe(changes.length - 2);
    for (const c of linked) expect(c.path === undefined, `${c.prefix} ${c.titre}`).toBe(c.change === 'suppression');
  });

  it('compares with any ref, and finds nothing between a version and itself', () => {
    expect(run(['HEAD']).out).toBe('Évolutions depuis la version 1.1 du 15 mars 2017\n\nAucune évolution : le contrat est identique à cette version.');
    // One commit back (v1.1): the tree and the quartiers' list have not changed since.
    expect(run(['HEAD~1']).out.match(/^\S.* \(\d+\)$/gm)).toEqual(['Fiches projets (2)', 'Quartiers (1)', 'Indicateurs (1)', 'Matrices AFOM (1)', 'Engagements des signataires (3)', 'Chapitres (2)']);
  });

  it('says how to call it', () => {
    expect(run([])).toMatchObject({ code: 2, err: expect.stringMatching(/^Version manquante\nUsage : npm run evolutions -- VERSION/) });
    expect(run(['--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage : npm run evolutions -- VERSION/) });
  });
});
