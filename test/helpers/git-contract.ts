/**
 * A contract kept in a git repository made for a test: a copy of a fixture
 * contract (in a subfolder of the repository, as a project would keep it),
 * committed and tagged as a signed version, then changed by the test.
 * Author and dates are fixed, so the commits are the same every run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FIXTURES } from './fixtures.ts';

export interface GitContract {
  /** The repository's root. */
  repo: string;
  /** The contract folder inside it. */
  dir: string;
  write(path: string, text: string): void;
  edit(path: string, change: (text: string) => string): void;
  remove(path: string): void;
  /** Commits every change of the contract folder. */
  commit(message: string): void;
  /** An annotated tag, as a signed version is marked. */
  tag(name: string, message: string): void;
  cleanup(): void;
}

const ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2016-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2016-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function gitContract(fixture: string, sub = 'contrat'): GitContract {
  const repo = mkdtempSync(join(tmpdir(), 'cahiers-git-'));
  const dir = join(repo, sub);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  git('init', '-q', '-b', 'main');
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  const self: GitContract = {
    repo,
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    edit(path, change) {
      const before = readFileSync(join(dir, path), 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`edit of ${path} changed nothing`);
      writeFileSync(join(dir, path), after);
    },
    remove(path) {
      rmSync(join(dir, path));
    },
    commit(message) {
      git('add', '-A', '--', sub);
      git('commit', '-q', '-m', message);
    },
    tag(name, message) {
      git('tag', '-a', name, '-m', message);
    },
    cleanup() {
      rmSync(repo, { recursive: true, force: true });
    },
  };
  self.commit('Contrat');
  return self;
}

const ORIENTATIONS_V1 = `piliers:
  - id: social
    titre: Cohésion
    enjeux:
      - id: emploi
        titre: L'emploi
        constats: [chomage-eleve]
        axes:
          - id: insertion
            titre: Insérer
            objectifs:
              - id: accompagner
                titre: Accompagner vers l'emploi
                indicateurs: [chomage]
              - id: prevenir
                titre: Prévenir le décrochage
`;

const ORIENTATIONS_V2 = `piliers:
  - id: social
    titre: Cohésion sociale
    enjeux:
      - id: emploi
        titre: L'emploi
        constats: [chomage-eleve]
        axes:
          - id: insertion
            titre: Insérer
            objectifs:
              - id: orienter
                titre: Orienter les jeunes
          - id: former
            titre: Former
            objectifs:
              - id: accompagner
                titre: Accompagner vers l'emploi
                indicateurs: [chomage]
  - id: cadre
    titre: Cadre de vie
    axes:
      - id: habitat
        titre: Habiter mieux
        objectifs:
          - id: renover
            titre: Rénover les logements
`;

const ENGAGEMENTS_V1 = `- id: etat-emploi
  signataire: État
  engagement: Accompagner 50 jeunes par an
  objectifs: [accompagner]
  quartiers: [centre]
  suivi:
    2016: {statut: en-cours}
- id: ville-sport
  signataire: Ville test
  engagement: Ouvrir les gymnases le soir
`;

const ENGAGEMENTS_V2 = `- id: etat-emploi
  signataire: État
  engagement: Accompagner 80 jeunes par an
  objectifs: [accompagner, orienter]
  quartiers: tous
  suivi:
    2016: {statut: tenu}
    2017: {statut: en-cours, commentaire: 60 jeunes accompagnés}
- id: ville-culture
  signataire: Ville test
  engagement: Ouvrir la médiathèque le dimanche
`;

const DIAGNOSTIC = (words: string) => `---
titre: Diagnostic
ordre: 1
---
Le chômage ${words} dans le quartier, et il touche d'abord les jeunes sans diplôme.

::indicateur{id=chomage}

::afom{id=general}
`;

/**
 * The minimal contract signed as `v1.0` (with a second objectif, quartier
 * and fiche that are removed later), in format 1; then amended in two
 * commits with a change of every kind the comparison reports, the first
 * (tagged `v1.1`) bringing the format-2 signatories' commitments that the
 * second changes.
 */
export function amendedContract(): GitContract {
  const c = gitContract('minimal');
  c.write('cahier-2/orientations.yaml', ORIENTATIONS_V1);
  c.write('quartiers/sud.md', '---\nnom: Sud\ncommune: ville\n---\nPortrait du quartier Sud.\n');
  c.write('cahier-2/fiches/ancienne-fiche.md', '---\ntitre: Une fiche abandonnée\nobjectifs: [prevenir]\nquartiers: [sud]\nporteur: Collège\n---\nTexte.\n');
  c.write('cahier-1/chapitres/diagnostic.md', DIAGNOSTIC('reste élevé'));
  c.edit('cahier-1/indicateurs/chomage.yaml', (t) => `${t}  2009:\n    centre: 19.0\n`);
  c.commit('Version signée');
  c.tag('v1.0', 'Version 1.0, signée le 30 juin 2015');

  c.edit('contrat.yaml', (t) => t.replace('version: "1.0"', 'version: "1.1"').replace('date: 2015-06-30', 'date: 2017-03-15'));
  c.write('cahier-2/orientations.yaml', ORIENTATIONS_V2);
  c.remove('quartiers/sud.md');
  c.remove('cahier-2/fiches/ancienne-fiche.md');
  c.write('quartiers/nord.md', '---\nnom: Nord\ncommune: ville\n---\nPortrait du quartier Nord.\n');
  // Format 2 from here on: signatories' commitments, a fiche's follow-up.
  c.edit('contrat.yaml', (t) => `${t}signataires:\n  - nom: État\n  - nom: Ville test\n`);
  c.write('suivi/engagements.yaml', ENGAGEMENTS_V1);
  c.commit('Avenant : arbre, quartiers, engagements');
  c.tag('v1.1', 'Version 1.1');

  c.write(
    'cahier-2/fiches/accompagner-jeunes.md',
    `---
titre: Accompagner les jeunes
objectifs: [accompagner, orienter]
quartiers: [centre, nord]
porteur: Mission locale de l'agglomération
partenaires: [France Travail]
calendrier: {debut: 2016, fin: 2018}
statut: en-cours
budget:
  total: 1500
  financements:
    - financeur: État
      montant: 900
    - financeur: Ville
      montant: 400
    - financeur: Région
      montant: 200
indicateurs:
  - libelle: Jeunes accompagnés
    cible: 50
suivi:
  2016:
    statut: en-cours
    avancement: 40
---
Description de la fiche.
`,
  );
  c.write('cahier-2/fiches/renover-logements.md', '---\ntitre: Rénover les logements\nobjectifs: [renover]\nquartiers: tous\nporteur: Bailleur social\n---\nTexte.\n');
  c.edit('cahier-1/indicateurs/chomage.yaml', (t) => t.replace('centre: 20.5', 'centre: 21.0').replace('  2009:\n    centre: 19.0\n', '  2016:\n    centre: 18.2\n    ville: 11.0\n'));
  c.edit('quartiers/centre.md', (t) => t.replace('population: 1200', 'population: 1250'));
  c.write('cahier-1/chapitres/diagnostic.md', DIAGNOSTIC('a baissé depuis 2011'));
  c.write('suivi/engagements.yaml', ENGAGEMENTS_V2);
  c.edit('cahier-1/afom/general.yaml', (t) => t.replace('menaces: []', 'menaces:\n  - La fermeture du centre social'));
  c.write('cahier-2/chapitres/bilan.md', '---\ntitre: Bilan à mi-parcours\nordre: 2\n---\nLe bilan.\n');
  c.commit('Avenant : fiches, indicateurs, chapitres');
  return c;
}
