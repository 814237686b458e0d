/**
 * A version-2 contract in memory: the minimal fixture with a follow-up
 * (two fiches with a suivi, figured targets, a series break, commitments),
 * for the tests of the follow-up's model and queries.
 */
import { buildContract, type Contract, type ModelResult } from '../../src/lib/model/index.ts';
import { fixtureFiles, textFile, withFiles } from './fixtures.ts';

export const SUIVI_FILES = {
  'contrat.yaml': `titre: Contrat de ville minimal
territoire: agglo
periode:
  debut: 2015
  fin: 2020
statut: signe
version: "1.0"
date: 2015-06-30
maitre_ouvrage: Agglomération test
signataires:
  - nom: Préfecture
  - nom: Ville test
`,
  'cahier-2/orientations.yaml': `piliers:
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
                cibles:
                  - indicateur: chomage
                    territoire: centre
                    annee: 2020
                    valeur: 14.5
                  - indicateur: chomage
                    territoire: ville
                    annee: 2020
                    valeur: 10
                    reference: {annee: 2011, valeur: 12}
              - id: former
                titre: Former
                constats: [chomage-eleve]
  - id: cadre
    titre: Cadre de vie
    axes:
      - id: habitat
        titre: Habitat
        constats: [chomage-eleve]
        objectifs:
          - id: renover
            titre: Rénover
`,
  'cahier-1/indicateurs/chomage.yaml': `titre: Taux de chômage
unite: "%"
source: Test (illustratif)
sens: baisse-favorable
valeurs:
  2011:
    centre: 20.5
    ville: 12.0
    pays: null
  2015:
    centre: 18.5
    ville: null
  2017:
    centre: 17
ruptures:
  2015: Nouvelle géographie
`,
  'cahier-2/fiches/accompagner-jeunes.md': `---
titre: Accompagner les jeunes
objectifs: [accompagner]
quartiers: [centre]
porteur: Mission locale
calendrier: {debut: 2015, fin: 2016}
budget:
  total: 1000
  financements:
    - financeur: État
      montant: 600
    - financeur: Ville
      montant: 400
indicateurs:
  - id: jeunes
    libelle: Jeunes accompagnés
    valeur_initiale: 0
    cible: 50
    sens: hausse-favorable
  - id: delai
    libelle: Délai moyen
    cible: à définir
suivi:
  2015:
    statut: en-cours
    avancement: 40
    financements:
      - financeur: État
        prevu: 300
        engage: 300
        realise: 250.5
      - financeur: ' ville '
        prevu: 200
    valeurs:
      jeunes: 20
    dossiers: [DOS-1]
    commentaire: |
      Démarrage en **mars**.

      Voir :ref[accompagner].
  2016:
    avancement: 60
    financements:
      - financeur: ÉTAT
        prevu: 100.25
        engage: 50
    valeurs:
      jeunes: null
      delai: 12
---
Description de la fiche.
`,
  'cahier-2/fiches/renover-logements.md': `---
titre: Rénover les logements
objectifs: [renover, accompagner]
quartiers: tous
porteur: Bailleur
calendrier: {debut: 2015, fin: 2020}
indicateurs:
  - libelle: Logements
suivi:
  2017:
    statut: realise
    avancement: 100
    financements:
      - financeur: Région
        prevu: 1000
        realise: 900
    commentaire: Terminé.
---
Texte.
`,
  'suivi/engagements.yaml': `- id: emploi-jeunes
  signataire: Ville test
  engagement: Accompagner les jeunes
  objectifs: [accompagner]
  quartiers: tous
  suivi:
    2016: {statut: en-cours}
    2018: {statut: tenu, commentaire: Fait.}
- id: prefecture-adultes
  signataire: Préfecture
  engagement: Former des adultes
`,
};

/** The v2 contract, with `changes` (path → text) laid over its files. */
export function buildSuivi(changes: Record<string, string> = {}): ModelResult {
  const files = { ...SUIVI_FILES, ...changes };
  return buildContract(withFiles(fixtureFiles('minimal'), ...Object.entries(files).map(([p, t]) => textFile(p, t))));
}

export function suiviContract(changes: Record<string, string> = {}): Contract {
  const result = buildSuivi(changes);
  if (!result.contract) throw new Error(result.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`).join('\n'));
  return result.contract;
}
