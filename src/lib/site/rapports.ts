/**
 * What the site says of an annual report's state: « Adopté le 28 juin
 * 2018 », « Soumis à avis : avis attendus d’ici au 6 avril 2018 »,
 * « Projet »; and its PDF as a download. One wording for the list of
 * reports, the report's page and the downloads page.
 */
import { fr } from '../../i18n/fr.ts';
import { formatDate } from '../format.ts';
import type { Rapport } from '../model/index.ts';
import { rapportFile } from '../print/documents.ts';
import type { Download } from './downloads.ts';
import { rapportParts } from '../queries/index.ts';
import { partId, partTitleOf } from '../render/rapport.ts';
import type { NavEntry } from './navigation.ts';
import { routes } from './routes.ts';

export function rapportEtat(r: Rapport): string {
  if (r.etat === 'adopte') return r.deliberation ? `Adopté le ${formatDate(r.deliberation.date)}${r.deliberation.numero ? ` (délibération n°\u00a0${r.deliberation.numero})` : ''}` : fr.rapport.etats.adopte;
  if (r.etat === 'consultation') return r.consultation ? `${fr.rapport.etats.consultation}\u00a0: avis attendus d’ici au ${formatDate(r.consultation.fin)}` : fr.rapport.etats.consultation;
  return r.date ? `${fr.rapport.etats.projet} du ${formatDate(r.date)}` : fr.rapport.etats.projet;
}

export function rapportDownload(r: Rapport): Download {
  return {
    path: `/pdf/${rapportFile(r.annee)}`,
    titre: fr.rapport.court(r.annee),
    format: 'PDF',
    description: r.etat === 'adopte' ? `${rapportEtat(r)}, avec les avis des instances consultées en annexe.` : `${rapportEtat(r)} ; chaque page porte « ${fr.rapport.filigrane} ».`,
  };
}

/** The report's reading order on the site: its page, then one page per part. */
export function rapportSequence(r: Rapport): NavEntry[] {
  return [
    { path: routes.rapport(r.annee), title: fr.rapport.court(r.annee) },
    ...rapportParts(r).map((p) => ({ path: routes.rapportPartie(r.annee, partId(p)), title: partTitleOf(p, r.annee) })),
  ];
}
