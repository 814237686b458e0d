/** Every string the site shows, in one place. */
export const fr = {
  siteLang: 'fr',
  skipLink: 'Aller au contenu',
  version: 'Version',
  dateOf: 'du',
  statutProjet: 'Document de travail — version non signée',
  piliers: 'Piliers',
  quartiers: 'Quartiers',
  quartiersPrioritaires: 'Quartiers prioritaires',
  quartiersVeille: 'Quartiers de veille active',
  habitants: 'habitants',
  renouvellementUrbain: 'Renouvellement urbain',
  fiches: 'fiches projets',
  objectifs: 'objectifs',
  periode: 'Période',
  maitreOuvrage: 'Maître d’ouvrage',
  footerLicence: 'Données publiées sous',
} as const;
