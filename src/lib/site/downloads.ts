/**
 * What /telechargements/ offers. The PDFs are listed once the print step
 * exists; the open data always, each table in each format.
 */
import { OPEN_DATA_FORMATS, type OpenDataFormat } from '../open-data-columns.ts';
import { OPEN_DATA_TABLES } from '../open-data.ts';
import { EVOLUTIONS_FILE } from '../print/documents.ts';

export interface Download {
  path: string;
  titre: string;
  format: string;
  description: string;
}

/** The PDFs scripts/pdf.ts writes after the site (file names from print/documents.ts). */
export const PDFS: Download[] = [
  { path: '/pdf/cahier-1-diagnostic.pdf', titre: 'Cahier I — Diagnostic partagé', format: 'PDF', description: 'Statistiques, analyse par pilier, portraits des quartiers et matrices AFOM.' },
  { path: '/pdf/cahier-2-strategie.pdf', titre: 'Cahier II — Enjeux, objectifs et plan d’action', format: 'PDF', description: 'Enjeux, arbre des objectifs, déclinaisons par quartier, fiches projets et signatures.' },
  { path: '/pdf/contrat-de-ville.pdf', titre: 'Le contrat complet (cahiers I et II)', format: 'PDF', description: 'Les deux cahiers reliés, pour la signature.' },
];

/** The PDF of the evolutions since a version, built with DEPUIS (scripts/lib/pdf-steps.ts). */
export const EVOLUTIONS_PDF: Download = { path: `/pdf/${EVOLUTIONS_FILE}`, titre: 'Les évolutions en PDF', format: 'PDF', description: 'Ce qui a changé depuis la version comparée.' };

/** What each format of the open data is for: the XLSX is the one to open in a spreadsheet. */
export const OPEN_DATA_USES: Record<OpenDataFormat, string> = {
  xlsx: 'à ouvrir dans un tableur (Excel, LibreOffice Calc) : nombres, années et montants y sont typés, et une seconde feuille décrit les colonnes ;',
  csv: 'pour les programmes : UTF-8, séparé par des virgules ; ouvert dans Excel en français, il s’affiche en une seule colonne, accents abîmés ;',
  json: 'pour les programmes : la description des colonnes, puis un objet par ligne.',
};

export interface OpenDataDownloads {
  titre: string;
  /** « une ligne par … ». */
  description: string;
  /** The XLSX first. */
  files: Download[];
}

/** Every table of the open data, in every format (the files of open-data-files.ts). */
export const OPEN_DATA: OpenDataDownloads[] = OPEN_DATA_TABLES.map(({ spec }) => ({
  titre: spec.titre,
  description: `une ligne par ${spec.ligne}`,
  files: OPEN_DATA_FORMATS.map((f) => ({ path: `/donnees/${spec.nom}.${f}`, titre: spec.titre, format: f.toUpperCase(), description: OPEN_DATA_USES[f] })),
}));
