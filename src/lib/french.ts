/**
 * « de » and « à » before a place name, as French writes them: the article
 * of « Le Mans » or « Les Mureaux » merges with the preposition (« du Mans »,
 * « aux Mureaux »), « La » and « L’ » stay (« de La Rochelle »,
 * « à L’Isle-Adam »), and « de » elides before a vowel (« d’Orville »). Every
 * sentence the site or the print writes around a quartier's or a territory's
 * name goes through here.
 */

export type Preposition = 'de' | 'à';

export interface Contracted {
  /** « du », « des », « au », « aux », « d’ », or the preposition as it was. */
  preposition: string;
  /** The name without the article the preposition absorbed. */
  nom: string;
}

export interface ContractOptions {
  /** At the start of a sentence: « Des Acacias », « Au Mans ». */
  initiale?: boolean;
}

const MERGED: Record<Preposition, Record<'le' | 'les', string>> = {
  de: { le: 'du', les: 'des' },
  à: { le: 'au', les: 'aux' },
};

// A whole-word article: « Le Mans », not « Leclerc » nor « Lesneven ».
const ARTICLE = /^(les|le)[ \u00a0]+(?=\S)/i;
// Elision before a vowel only: before an h, « de Hautepierre » (aspirated) and « d’Hellemmes » (mute) are both right.
const VOWEL = /^[aeiouyàâäéèêëîïôöùûüæœ]/i;

/** The preposition and the name as they are written together. */
export function contract(preposition: Preposition, nom: string): Contracted {
  const article = ARTICLE.exec(nom);
  if (article) return { preposition: MERGED[preposition][article[1]!.toLowerCase() as 'le' | 'les'], nom: nom.slice(article[0].length) };
  // « d’Yvetot » but « de Yutz »: a y before a vowel is a consonant.
  if (preposition === 'de' && VOWEL.test(nom) && !/^y[aeiouyàâéèêîôû]/i.test(nom)) return { preposition: 'd’', nom };
  return { preposition, nom };
}

/** « des Acacias », « du Haut-Pré », « de La Source », « d’Orville », « de Saint-Martin ». */
export function de(nom: string, options: ContractOptions = {}): string {
  return joined(contract('de', nom), options);
}

/** « aux Acacias », « au Haut-Pré », « à La Source », « à Saint-Martin ». */
export function a(nom: string, options: ContractOptions = {}): string {
  return joined(contract('à', nom), options);
}

function joined(c: Contracted, options: ContractOptions): string {
  const text = `${c.preposition}${c.preposition.endsWith('’') ? '' : ' '}${c.nom}`;
  return options.initiale ? upperFirst(text) : text;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// « de » or « à » ending the text, as a word of its own, and the space after it.
const TRAILING = /(^|[^\p{L}\p{N}’'-])(de|De|à|À)([ \u00a0]+)$/u;

/**
 * Text an author wrote before a name the site fills in (`à :ref[…]`): the
 * text with its last word contracted, and the name to write after it;
 * undefined when nothing changes.
 */
export function contractAfter(text: string, nom: string): { text: string; nom: string } | undefined {
  const m = TRAILING.exec(text);
  if (!m) return undefined;
  const written = m[2]!;
  const c = contract(written.toLowerCase() as Preposition, nom);
  if (c.preposition === written.toLowerCase()) return undefined;
  const preposition = written === written.toLowerCase() ? c.preposition : upperFirst(c.preposition);
  const space = c.preposition.endsWith('’') ? '' : m[3]!;
  return { text: `${text.slice(0, m.index)}${m[1]}${preposition}${space}`, nom: c.nom };
}
