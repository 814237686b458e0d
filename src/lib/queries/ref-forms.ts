/**
 * The short form of a reference, which the printed cahiers use in their
 * text: « objectif 1.3.1 », « fiche 12 », a quartier or an indicator by its
 * name, a constat as its quadrant and quoted text. The site keeps the rich
 * form (labels.ts: number and title). Where the reference stands in its
 * sentence changes the form: the words before may already name its kind
 * (« l'enjeu 1.A »), it may open a sentence, or stand in the author's
 * brackets, where its own brackets would nest.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract, RefTarget } from '../model/index.ts';
import { pluralize } from '../plural.ts';
import { entityName } from './labels.ts';

/** Where a reference stands in its text. */
export interface RefPlacement {
  /** The words just before name its kind (« l'enjeu », « la faiblesse »): the number, or the quoted text, alone. */
  named?: boolean;
  /** It opens a sentence or a list item: capitalised. */
  sentenceStart?: boolean;
  /** It stands inside the author's brackets: the name's own brackets become square ones. */
  bracketed?: boolean;
  /** With its title too (a fiche's path in the tree, a list of priorities), where the number alone would say too little. */
  titled?: boolean;
  /** The name as the sentence writes it after a contracted preposition (« Acacias » after « aux »: markdown/ref-contractions.ts). */
  nom?: string;
  /** The text around it already says which cahier holds it (a note heading a list of constats): no « (cahier I) » after it. */
  elsewhereSaid?: boolean;
}

/** The short form, in two parts: the kind and number (`lead`, set in bold when followed by a title) and the name or title (`rest`). */
export interface ShortRef {
  lead: string;
  rest: string;
}

const NBSP = '\u00a0';
const quote = (s: string) => `«${NBSP}${s.trim().replace(/[.;,]$/, '')}${NBSP}»`;

/** « Objectif opérationnel » → « objectif »: the level's noun, the first word of its label. */
export function levelWord(label: string): string {
  return (label.trim().split(/\s+/)[0] ?? label).toLowerCase();
}

export function shortRef(contract: Contract, target: RefTarget, placement: RefPlacement = {}): ShortRef {
  const { word, numero, titre } = entityName(contract, target);
  const named = placement.named ?? false;
  let form: ShortRef;
  switch (target.kind) {
    case 'quartier':
      form = { lead: '', rest: placement.nom ?? titre };
      break;
    case 'indicateur':
      form = { lead: '', rest: placement.sentenceStart ? titre : lowerFirstWord(titre) };
      break;
    case 'afom':
      form = { lead: named ? '' : 'matrice AFOM', rest: quote(titre) };
      break;
    case 'constat':
      form = { lead: named ? '' : word.toLowerCase(), rest: quote(titre) };
      break;
    default:
      // The tree's levels and the fiches: their word and number.
      // The word and its number never part at a line end.
      form = { lead: named ? numero : `${levelWord(word)}${NBSP}${numero}`, rest: placement.titled ? titre : '' };
  }
  if (placement.bracketed) form = { lead: squareBrackets(form.lead), rest: squareBrackets(form.rest) };
  if (placement.sentenceStart) form = form.lead ? { ...form, lead: upperFirst(form.lead) } : { ...form, rest: upperFirst(form.rest) };
  return form;
}

export function shortRefText(contract: Contract, target: RefTarget, placement: RefPlacement = {}): string {
  const { lead, rest } = shortRef(contract, target, placement);
  return [lead, rest].filter(Boolean).join(' ');
}

/**
 * The words that name a target's kind in a sentence, singular and plural,
 * lower case: « objectif opérationnel », « objectif », « objectifs »…
 * Quartiers and indicators are named by their name: none.
 */
export function kindWords(contract: Contract, target: RefTarget): string[] {
  const forms = (label: string) => {
    const full = label.toLowerCase();
    const word = levelWord(label);
    return [...new Set([full, pluralize(full), word, pluralize(word)])];
  };
  switch (target.kind) {
    case 'pilier':
    case 'enjeu':
    case 'axe':
    case 'objectif':
      return forms(contract.contrat.libelles[target.kind]);
    case 'fiche':
      return [...forms('fiche projet'), ...forms(fr.fiche)];
    case 'afom':
      return [...forms('matrice AFOM'), ...forms('matrice')];
    case 'constat':
      return [...Object.values(fr.afomQuadrantOne).flatMap(forms), ...forms('constat')];
    default:
      return [];
  }
}

/** A title inside the author's brackets: « Quartier Est (Les Tours) » → « Quartier Est [Les Tours] », as French typography nests them. */
export function squareBrackets(s: string): string {
  return s.replace(/\(/g, '[').replace(/\)/g, ']');
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** « Taux de pauvreté » → « taux de pauvreté » in a sentence; an acronym (« RSA versé ») keeps its capitals. */
function lowerFirstWord(s: string): string {
  return /^\p{Lu}[\p{Lu}\d]/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}
