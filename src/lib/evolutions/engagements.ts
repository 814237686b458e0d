/**
 * The signatories' commitments (suivi/engagements.yaml, format 2) added,
 * removed or changed: the commitment's text, its signatory, objectifs,
 * quartiers, and the status of each year of its follow-up. A version
 * without the file (format 1) simply has none.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract, Engagement } from '../model/index.ts';
import { entityLabel, labelText } from '../queries/index.ts';
import { listDetail, quartiersDetail } from './fiches.ts';
import { matchById, otherFields } from './match.ts';
import type { Change, Detail } from './types.ts';
import { domId } from '../render/html.ts';
import { routes } from '../site/routes.ts';

export function compareEngagements(old: Contract, now: Contract): Change[] {
  const named = (e: Engagement, change: Change['change']): Change => ({
    change,
    prefix: `${fr.evolutions.engagement} (${e.signataire})`,
    titre: e.engagement,
    // A commitment still there leads to its entry on the commitments' page.
    ...(change === 'suppression' ? {} : { path: `${routes.engagements()}#${domId('engagement', e.id)}` }),
    details: [],
  });
  return matchById(old.engagements ?? [], now.engagements ?? [], (a, b) => engagementDetails(old, a, now, b), (e) => named(e, 'ajout'), (e) => named(e, 'suppression'));
}

function engagementDetails(old: Contract, a: Engagement, now: Contract, b: Engagement): Detail[] {
  const text = (champ: string, avant: string | undefined, apres: string | undefined): Detail[] => (avant === apres ? [] : [{ type: 'valeur', champ, avant, apres }]);
  const objectif = (c: Contract) => (id: string) => labelText(entityLabel(c, { kind: 'objectif', id }));
  const statut = (e: Engagement, annee: number) => {
    const s = e.suivi.find((x) => x.annee === annee)?.statut;
    return s && fr.engagementStatuts[s];
  };
  const years = [...new Set([...a.suivi, ...b.suivi].map((s) => s.annee))].sort((x, y) => x - y);
  return [
    ...text(fr.evolutions.engagement, a.engagement, b.engagement),
    ...text(fr.evolutions.signataire, a.signataire, b.signataire),
    ...listDetail(fr.evolutions.objectifs, a.objectifs, b.objectifs, objectif(old), objectif(now)),
    ...(a.tousQuartiers && b.tousQuartiers ? [] : quartiersDetail(old, a, now, b)),
    ...years.flatMap((annee) => text(`${fr.evolutions.suivi} ${annee}`, statut(a, annee), statut(b, annee))),
    ...otherFields([[fr.evolutions.commentaires, a.suivi.map((s) => s.commentaire), b.suivi.map((s) => s.commentaire)]]),
  ];
}
