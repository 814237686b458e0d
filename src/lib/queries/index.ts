/**
 * The model's queries, in one place: what the site's pages, the print
 * documents, the renderers and the open data ask of a contract. Each is
 * computed from the model alone (no view, no URL), once per contract where
 * it is worth caching.
 */
export { afomsInOrder } from './afoms.ts';
export { fichePilier, fichesByPilier, fichesOf, type FicheScope } from './fiches.ts';
export { contractFigures, figureYear, quartierFigures, type ContractFigures, type QuartierFigure } from './figures.ts';
export { groupIndicateurs, type IndicateurGroup } from './indicateurs.ts';
export { declinaisonsTitle, entityLabel, entityName, labelText, treeLevelsTitle, type EntityLabel, type EntityName } from './labels.ts';
export { kindWords, levelWord, shortRef, shortRefText, type RefPlacement, type ShortRef } from './ref-forms.ts';
export { lookupOf, objectifsOf, pilierOf, territoireNom, type Lookup } from './lookup.ts';
export { declinedQuartiers, hasEnjeux, pilierSections, type PilierSection } from './tree.ts';
export { portraitHasMap } from './maps.ts';
export { usesOfIndicateur } from './uses.ts';
export { ficheStatut, isLate, suiviAt, suiviNow, suiviYears } from './suivi.ts';
export { financeurKey, moneyByFiche, moneyByFunder, moneyByPilier, moneyByYear, moneyRows, moneyTotal, type MoneyAmounts, type MoneyRow, type MoneyScope, type MoneyTotals } from './money.ts';
export { cibleProgress, ciblesOf, ficheIndicateurProgress, jugement, type CibleProgress, type FicheIndicateurProgress, type Jugement, type Point, type Sens } from './progress.ts';
export { constatsOf, engagementsBySignataire, engagementStatut, engagementYears, type ObjectifConstats } from './thread.ts';
export { consultationRows, fichesOfYear, PARTIES, rapportOf, rapportParts, tacitApplies, type ConsultationRow, type ConsultationStatut, type ObjectifActions, type Partie, type PilierActions, type RapportPart } from './rapports.ts';
export { coverage, ficheAvancement, lateFiches, STATUTS, statutCounts, statutGroups, type CoverageRow, type LateFiche, type StatutBy, type StatutGroup } from './tableau.ts';
