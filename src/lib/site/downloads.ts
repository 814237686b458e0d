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

export const OPEN_DATA: Download[] = [
  { path: '/donnees/fiches.csv', titre: 'Fiches projets', format: 'CSV', description: 'Une ligne par fiche : objectifs, quartiers, porteur, calendrier, budget et financements, statut.' },
  { path: '/donnees/fiches.json', titre: 'Fiches projets', format: 'JSON', description: 'Les mêmes fiches, avec leurs financements et indicateurs détaillés.' },
  { path: '/donnees/indicateurs.csv', titre: 'Indicateurs', format: 'CSV', description: 'Une ligne par valeur : indicateur, année, territoire, valeur (vide si secret statistique).' },
  { path: '/donnees/indicateurs.json', titre: 'Indicateurs', format: 'JSON', description: 'Les indicateurs avec leur définition, leur source et toutes leurs valeurs.' },
];
