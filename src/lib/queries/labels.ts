/**
 * How an entity is named wherever it is referred to: the level's label and
 * number ("Objectif opérationnel 1.2.3"), then its title. One function for
 * :ref links, breadcrumbs, cards, headings and the print table of contents.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract, RefTarget } from '../model/index.ts';
import { pluralize } from '../plural.ts';
import { lookupOf } from './lookup.ts';
import { hasEnjeux } from './tree.ts';

export interface EntityLabel {
  /** "Objectif opérationnel 1.2.3", "Fiche 12", or '' for things without a number. */
  prefix: string;
  titre: string;
}

/** What names an entity: the word for its kind where it has one (« Objectif opérationnel », « Fiche », « Faiblesse »), its number, its title. */
export interface EntityName {
  word: string;
  numero: string;
  titre: string;
}

export function entityName(contract: Contract, target: RefTarget): EntityName {
  const l = lookupOf(contract);
  switch (target.kind) {
    case 'pilier':
    case 'enjeu':
    case 'axe':
    case 'objectif': {
      // The tree's levels are named by the contract (`libelles`).
      const x = l[target.kind].get(target.id)!;
      return { word: contract.contrat.libelles[target.kind], numero: x.numero, titre: x.titre };
    }
    case 'fiche': {
      const f = l.fiche.get(target.id)!;
      return { word: fr.fiche, numero: String(f.numero), titre: f.titre };
    }
    case 'quartier':
      return { word: '', numero: '', titre: l.quartier.get(target.id)!.nom };
    case 'indicateur':
      return { word: '', numero: '', titre: l.indicateur.get(target.id)!.titre };
    case 'afom':
      return { word: '', numero: '', titre: l.afom.get(target.id)!.titre };
    case 'constat': {
      const c = l.constat.get(target.id)!;
      return { word: fr.afomQuadrantOne[c.quadrant as keyof typeof fr.afomQuadrantOne], numero: '', titre: c.item.texte };
    }
  }
}

export function entityLabel(contract: Contract, target: RefTarget): EntityLabel {
  const { word, numero, titre } = entityName(contract, target);
  return { prefix: [word, numero].filter(Boolean).join(' '), titre };
}

export function labelText(label: EntityLabel): string {
  return label.prefix ? `${label.prefix} — ${label.titre}` : label.titre;
}

/** "Enjeux par quartier"; a contract without the enjeux level declines its objectifs instead. */
export function declinaisonsTitle(contract: Contract): string {
  return hasEnjeux(contract) ? `${pluralize(contract.contrat.libelles.enjeu)} par quartier` : 'Déclinaison par quartier';
}

/** "Piliers, enjeux et objectifs opérationnels", without the levels the contract does not have. */
export function treeLevelsTitle(contract: Contract): string {
  const l = contract.contrat.libelles;
  const levels = [pluralize(l.pilier), ...(hasEnjeux(contract) ? [pluralize(l.enjeu).toLowerCase()] : []), pluralize(l.objectif).toLowerCase()];
  return `${levels.slice(0, -1).join(', ')} et ${levels.at(-1)}`;
}
