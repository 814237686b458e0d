/**
 * Every rule the checker enforces, by its stable id. A message ends with
 * its id in square brackets, and docs/erreurs.md has one section per id
 * (the id is the section's anchor), so an author can look any message up.
 * The description is what the section's title says.
 */
export const RULES = {
  // Files and folders
  'fichier-manquant': 'fichier obligatoire manquant',
  'fichier-ignore': 'fichier à un emplacement non prévu',
  'fichier-mal-nomme': 'fichier mal nommé ou de mauvaise extension',
  'nom-invalide': 'nom de fichier qui n’est pas un identifiant',
  'lien-symbolique': 'lien symbolique cassé ou hors du contrat',
  'id-nom-fichier': 'clé id différente du nom du fichier',
  // Unreadable files
  'fichier-illisible': 'fichier trop volumineux, binaire ou mal encodé',
  'fichier-vide': 'fichier ou en-tête vide',
  'en-tete-yaml': 'en-tête YAML manquant ou non fermé',
  'markdown-profond': 'texte Markdown imbriqué trop profondément',
  // YAML syntax
  'yaml-syntaxe': 'syntaxe YAML invalide',
  'yaml-cle-double': 'clé écrite deux fois dans le même bloc',
  'yaml-alias': 'alias YAML vers une ancre inexistante, ou trop d’alias',
  // Keys, types and values
  'cle-inconnue': 'clé inconnue',
  'cle-manquante': 'clé obligatoire manquante',
  'type-invalide': 'valeur d’un autre type que celui attendu',
  'valeur-non-permise': 'valeur hors de la liste des valeurs permises',
  'valeur-invalide': 'valeur mal formée ou hors limites',
  'liste-vide': 'liste ou texte vide',
  // References between files
  'ref-inconnue': 'identifiant inconnu',
  'ref-autre-type': 'identifiant d’un autre type que celui attendu',
  'ref-ambigue': 'référence ambiguë',
  'id-double': 'identifiant en double',
  'territoire-type': 'territoire du mauvais type',
  // Tree, budgets, calendars, values
  'arbre-forme': 'pilier sans niveau ou avec deux niveaux',
  'budget-somme': 'financements qui ne totalisent pas le budget',
  'calendrier-periode': 'année hors de la période du contrat',
  'annee-population': 'population sans son année',
  'valeurs-absentes': 'indicateur sans aucune valeur chiffrée',
  // Follow-up (FORMAT-SUIVI)
  'suivi-periode': 'année de suivi ou de cible hors de la période du contrat',
  'rupture-annee': 'rupture de série à une année sans valeur',
  // The annual report
  'rapport-annee': 'année d’un rapport différente du nom de son dossier',
  'consultation-dates': 'consultation qui finit avant de commencer',
  'consultation-courte': 'consultation de moins d’un mois',
  'deliberation-date': 'rapport adopté avant la fin de la consultation',
  'avis-date': 'avis daté hors de la consultation',
  'avis-manquant': 'instance consultée sans avis',
  'avis-double': 'deux avis de la même instance',
  // Media and outlines
  'media-chemin': 'chemin de fichier refusé',
  'media-introuvable': 'fichier de medias/ introuvable',
  'image-externe': 'image d’un autre site',
  'contour-invalide': 'contour qui n’est pas un GeoJSON de polygones',
  // Directives
  'directive-inconnue': 'directive inconnue',
  'directive-ligne': 'directive qui n’est pas seule sur sa ligne',
  'directive-attribut': 'attribut de directive inconnu, manquant ou en trop',
  'ref-syntaxe': ':ref mal écrit',
  // Warnings
  'a-completer': 'valeur laissée « à compléter » par un modèle',
  'fiche-double': 'deux fiches qui semblent n’en faire qu’une',
  'objectif-sans-fiche': 'objectif qu’aucune fiche ne met en œuvre',
  'quartier-sans-fiche': 'quartier qu’aucune fiche ne concerne',
  'indicateur-non-affiche': 'indicateur qu’aucun texte n’affiche',
  'fiche-sans-indicateurs': 'fiche sans indicateurs',
  'suivi-realise-engage': 'montant versé supérieur au montant engagé',
  'suivi-depasse-budget': 'montants programmés supérieurs au budget d’un financeur',
  'suivi-financeur': 'financeur du suivi absent du budget de la fiche',
  'suivi-hors-calendrier': 'année de suivi hors du calendrier de la fiche',
  'suivi-avancement': 'action réalisée avec un avancement inférieur à 100 %',
  'suivi-statut': 'statut de la fiche différent de celui de son suivi',
  'cible-sans-valeur': 'cible sur un indicateur sans valeur pour ce territoire',
  // npm run import
  'import-fichier': 'fichier à importer illisible, ou qui ne s’accorde pas au contrat',
  'import-territoire': 'territoire inconnu ou ambigu dans un fichier importé',
  'import-valeur': 'valeur illisible ou en double dans un fichier importé',
  'import-colonne': 'colonne absente ou identifiant d’indicateur invalide dans un fichier importé',
  'import-fiche': 'ligne d’une programmation importée qui ne désigne aucune fiche, ou plusieurs',
} as const;

export type RuleId = keyof typeof RULES;
