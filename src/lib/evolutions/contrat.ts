/**
 * What changed in the contract's identity (contrat.yaml: title, period,
 * status, signatories, transversal axes…) and in its AFOM matrices. The
 * version and date always change between two versions: they title the
 * comparison instead.
 */
import { fr } from '../../i18n/fr.ts';
import type { Afom, Contract } from '../model/index.ts';
import { routes } from '../site/routes.ts';
import { listDetail } from './fiches.ts';
import { current, matchById, otherFields, removed, titleDetail } from './match.ts';
import type { Change, Detail } from './types.ts';

export function compareContrat(old: Contract, now: Contract): Change[] {
  const a = old.contrat;
  const b = now.contrat;
  const f = fr.evolutions.contratChamps;
  const text = (champ: string, avant: string | undefined, apres: string | undefined): Detail[] => (avant === apres ? [] : [{ type: 'valeur', champ, avant, apres }]);
  const period = (c: typeof a) => `${c.periode.debut}-${c.periode.fin}`;
  const signataires = (c: typeof a) => c.signataires.map((s) => s.nom);
  const axes = (c: typeof a) => new Map(c.axes_transversaux.map((x) => [x.id, x.titre]));
  const details: Detail[] = [
    ...titleDetail(a.titre, b.titre),
    ...text(f.periode, period(a), period(b)),
    ...text(f.statut, fr.evolutions.statutsContrat[a.statut], fr.evolutions.statutsContrat[b.statut]),
    ...listDetail(f.signataires, signataires(a), signataires(b), (n) => n, (n) => n),
    ...listDetail(f.axesTransversaux, [...axes(a).keys()], [...axes(b).keys()], (id) => axes(a).get(id)!, (id) => axes(b).get(id)!),
    ...otherFields([
      [f.sousTitre, a.sous_titre, b.sous_titre],
      [f.territoire, a.territoire, b.territoire],
      [f.maitreOuvrage, a.maitre_ouvrage, b.maitre_ouvrage],
      [f.redaction, a.redaction, b.redaction],
      [f.representants, ...sameSignataires(a.signataires, b.signataires)],
      [f.libelles, a.libelles, b.libelles],
      [f.licence, a.licence, b.licence],
    ]),
  ];
  return details.length ? [{ change: 'modification', prefix: fr.evolutions.contrat, titre: b.titre, path: routes.home(), details }] : [];
}

/** The representatives and logos of the signatories both versions have (the others are listed as added or removed). */
function sameSignataires(a: Contract['contrat']['signataires'], b: Contract['contrat']['signataires']): [unknown, unknown] {
  const both = a.filter((s) => b.some((t) => t.nom === s.nom)).map((s) => s.nom);
  const pick = (list: typeof a) => both.map((nom) => list.find((s) => s.nom === nom)).map((s) => [s?.representant, s?.logo]);
  return [pick(a), pick(b)];
}

/** AFOM matrices added, removed, retitled, or whose items changed (by quadrant). */
export function compareAfoms(old: Contract, now: Contract): Change[] {
  const quadrants = Object.keys(fr.afomQuadrants) as (keyof Afom['quadrants'])[];
  return matchById(
    old.afoms,
    now.afoms,
    (a, b) => [...titleDetail(a.titre, b.titre), ...otherFields([...quadrants.map((q): [string, unknown, unknown] => [fr.afomQuadrants[q].toLowerCase(), a.quadrants[q], b.quadrants[q]]), [fr.evolutions.rattachement, [a.pilier, a.quartier], [b.pilier, b.quartier]]])],
    (x) => current(now, { kind: 'afom', id: x.id }, [], 'ajout'),
    (x) => removed(old, { kind: 'afom', id: x.id }),
  );
}
