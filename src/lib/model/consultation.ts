/**
 * The annual report's consultation (FORMAT-SUIVI « The annual report »,
 * décret n° 2015-1118): who is consulted, by when, and which date the
 * report bears. The model's rules and the views read these same functions.
 */
import { de } from '../french.ts';

/** `2018-03-01` + n calendar months → `2018-04-01`; the 31st of a shorter month is its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The date by which opinions are due: written, or one calendar month after the start. */
export function consultationFin(consultation: { debut: string; fin?: string | undefined }): string {
  return consultation.fin ?? addMonths(consultation.debut, 1);
}

export interface ReportDates {
  etat: 'projet' | 'consultation' | 'adopte';
  date?: string | undefined;
  consultation?: { debut: string } | undefined;
  deliberation?: { date: string } | undefined;
}

/** The report's date: the deliberation's once adopted, the consultation's start while in consultation, else the date of the version. */
export function reportDate(r: ReportDates): string | undefined {
  if (r.etat === 'adopte') return r.deliberation?.date ?? r.consultation?.debut ?? r.date;
  if (r.etat === 'consultation') return r.consultation?.debut ?? r.date;
  return r.date;
}

export type ConsultedType = 'conseil-citoyen' | 'conseil-municipal';

/** A body the report must be submitted to. */
export interface ConsultedBody {
  type: ConsultedType;
  /** The quartier (conseil citoyen) or the commune (conseil municipal). */
  territoire: string;
  /** « Conseil citoyen des Hauts », « Conseil municipal d’Aubière ». */
  instance: string;
}

interface QuartierLike {
  id: string;
  nom: string;
  commune: string;
  categorie: 'prioritaire' | 'veille';
}

/**
 * The conseil citoyen of each quartier prioritaire (not the quartiers de
 * veille), then the conseil municipal of each commune holding one, in the
 * order the quartiers and territories are listed.
 */
export function consultedBodies(quartiers: readonly QuartierLike[], territoires: readonly { id: string; nom: string }[]): ConsultedBody[] {
  const prioritaires = quartiers.filter((q) => q.categorie === 'prioritaire');
  const communes = new Set(prioritaires.map((q) => q.commune));
  return [
    ...prioritaires.map((q): ConsultedBody => ({ type: 'conseil-citoyen', territoire: q.id, instance: `Conseil citoyen ${de(q.nom)}` })),
    ...territoires.filter((t) => communes.has(t.id)).map((t): ConsultedBody => ({ type: 'conseil-municipal', territoire: t.id, instance: `Conseil municipal ${de(t.nom)}` })),
  ];
}

/** The territory an opinion speaks for, when it is one of the consulted bodies' kind. */
export function avisTerritoire(avis: { type: string; quartier?: string | undefined; commune?: string | undefined }): string | undefined {
  if (avis.type === 'conseil-citoyen') return avis.quartier;
  if (avis.type === 'conseil-municipal') return avis.commune;
  return undefined;
}
