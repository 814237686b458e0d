/**
 * Fiches added or removed, and the fields of a fiche that changed: title,
 * budget (total and each funder's amount), quartiers, objectifs,
 * calendrier, statut, porteur.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract, Fiche } from '../model/index.ts';
import { entityLabel, labelText, territoireNom } from '../queries/index.ts';
import { current, matchById, otherFields, removed, titleDetail } from './match.ts';
import { plainText } from './words.ts';
import type { Change, Detail } from './types.ts';

type Quartiers = Pick<Fiche, 'quartiers' | 'tousQuartiers'>;

export function compareFiches(old: Contract, now: Contract): Change[] {
  return matchById(
    old.fiches,
    now.fiches,
    (a, b) => ficheDetails(old, a, now, b),
    (f) => current(now, { kind: 'fiche', id: f.id }, [], 'ajout'),
    (f) => removed(old, { kind: 'fiche', id: f.id }),
  );
}

function ficheDetails(old: Contract, a: Fiche, now: Contract, b: Fiche): Detail[] {
  const text = (champ: string, avant: string | undefined, apres: string | undefined): Detail[] => (avant === apres ? [] : [{ type: 'valeur', champ, avant, apres }]);
  const period = (f: Fiche) => (f.calendrier ? `${f.calendrier.debut}-${f.calendrier.fin}` : undefined);
  const objectif = (c: Contract) => (id: string) => labelText(entityLabel(c, { kind: 'objectif', id }));
  return [
    ...titleDetail(a.titre, b.titre),
    ...text(fr.statut, fr.statuts[a.statut], fr.statuts[b.statut]),
    ...text(fr.porteur, a.porteur, b.porteur),
    ...text(fr.calendrier, period(a), period(b)),
    ...budgetDetails(a, b),
    ...listDetail(fr.evolutions.objectifs, a.objectifs, b.objectifs, objectif(old), objectif(now)),
    ...(a.tousQuartiers && b.tousQuartiers ? [] : quartiersDetail(old, a, now, b)),
    ...otherFields([
      [fr.axesTransversaux.toLowerCase(), a.axes_transversaux, b.axes_transversaux],
      [fr.pilote.toLowerCase(), a.pilote, b.pilote],
      [fr.partenaires.toLowerCase(), a.partenaires, b.partenaires],
      [fr.public.toLowerCase(), a.public, b.public],
      [fr.indicateursSuivi.toLowerCase(), a.indicateurs, b.indicateurs],
      [fr.evolutions.suivi.toLowerCase(), a.suivi, b.suivi],
      [fr.evolutions.description, plainText(a.body.root), plainText(b.body.root)],
    ]),
  ];
}

/** Funders match when equal after trimming, NFC normalisation and case folding (as in the suivi). */
const funderKey = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase('fr');

function budgetDetails(a: Fiche, b: Fiche): Detail[] {
  const details: Detail[] = [];
  if (a.budget?.total !== b.budget?.total) details.push({ type: 'montant', champ: fr.evolutions.budgetTotal, avant: a.budget?.total, apres: b.budget?.total });
  const before = new Map((a.budget?.financements ?? []).map((f) => [funderKey(f.financeur), f]));
  const after = new Map((b.budget?.financements ?? []).map((f) => [funderKey(f.financeur), f]));
  for (const [key, f] of after) {
    const was = before.get(key)?.montant;
    if (was !== f.montant) details.push({ type: 'montant', champ: `${fr.financeur} ${f.financeur}`, avant: was, apres: f.montant });
  }
  for (const [key, f] of before) if (!after.has(key)) details.push({ type: 'montant', champ: `${fr.financeur} ${f.financeur}`, avant: f.montant });
  return details;
}

/** The quartiers of a fiche or a commitment: `tous` named as such, the others each by name. */
export function quartiersDetail(old: Contract, a: Quartiers, now: Contract, b: Quartiers): Detail[] {
  const names = (c: Contract, f: Quartiers) => (f.tousQuartiers ? [fr.tousQuartiers] : f.quartiers.map((id) => territoireNom(c, id)));
  if (a.tousQuartiers !== b.tousQuartiers) return [{ type: 'valeur', champ: fr.quartiers, avant: names(old, a).join(', '), apres: names(now, b).join(', ') }];
  return listDetail(fr.quartiers, a.quartiers, b.quartiers, (id) => territoireNom(old, id), (id) => territoireNom(now, id));
}

/** The members added to and removed from a list of ids, each named in its version. */
export function listDetail(champ: string, before: readonly string[], after: readonly string[], nameBefore: (id: string) => string, nameAfter: (id: string) => string): Detail[] {
  const ajouts = after.filter((id) => !before.includes(id)).map(nameAfter);
  const retraits = before.filter((id) => !after.includes(id)).map(nameBefore);
  return ajouts.length || retraits.length ? [{ type: 'liste', champ, ajouts, retraits }] : [];
}
