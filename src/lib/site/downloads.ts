/**
 * What /telechargements/ offers. The PDFs are listed once the print step
 * exists; the open data always.
 */
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

export const OPEN_DATA: Download[] = [
  { path: '/donnees/fiches.csv', titre: 'Fiches projets', format: 'CSV', description: 'Une ligne par fiche : objectifs, quartiers, porteur, calendrier, budget et financements, statut.' },
  { path: '/donnees/fiches.json', titre: 'Fiches projets', format: 'JSON', description: 'Les mêmes fiches, avec leurs financements et indicateurs détaillés.' },
  { path: '/donnees/indicateurs.csv', titre: 'Indicateurs', format: 'CSV', description: 'Une ligne par valeur : indicateur, année, territoire, valeur (vide si secret statistique).' },
  { path: '/donnees/indicateurs.json', titre: 'Indicateurs', format: 'JSON', description: 'Les indicateurs avec leur définition, leur source et toutes leurs valeurs.' },
];
