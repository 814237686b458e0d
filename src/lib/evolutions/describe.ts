/**
 * Each detail of a change as lines a reader reads, values formatted in
 * French (`12 000 €`, `47,2 %`, statuses by name): what the page, the print
 * document and the terminal all show, each in its own markup.
 */
import { fr } from '../../i18n/fr.ts';
import { formatNumber } from '../format.ts';
import { formatValue } from '../render/units.ts';
import type { Detail, WordRun } from './types.ts';

/** One line: a field, and its old value, new value, a plain text or a text excerpt. */
export interface Line {
  champ: string;
  avant?: string;
  apres?: string;
  texte?: string;
  runs?: WordRun[];
}

const euros = (n: number | undefined) => (n === undefined ? fr.evolutions.absent : `${formatNumber(n, 2)}\u202f€`);

export function describe(detail: Detail): Line[] {
  const e = fr.evolutions;
  switch (detail.type) {
    case 'titre':
      return [{ champ: e.titreChamp, avant: detail.avant, apres: detail.apres }];
    case 'deplacement':
      return [{ champ: e.deplacement, avant: detail.avant, apres: detail.apres }];
    case 'valeur':
      return [{ champ: detail.champ, avant: detail.avant ?? e.absent, apres: detail.apres ?? e.absent }];
    case 'montant':
      return [{ champ: detail.champ, avant: euros(detail.avant), apres: euros(detail.apres) }];
    case 'liste':
      return [
        ...(detail.ajouts.length ? [{ champ: detail.champ, apres: detail.ajouts.join(', ') }] : []),
        ...(detail.retraits.length ? [{ champ: detail.champ, avant: detail.retraits.join(', ') }] : []),
      ];
    case 'valeurs': {
      const value = (v: number | null | undefined) => (v === undefined ? e.absent : formatValue(v, detail.unite));
      return [
        ...(detail.nouvellesAnnees.length ? [{ champ: e.nouvellesAnnees, texte: detail.nouvellesAnnees.join(', ') }] : []),
        ...(detail.anneesRetirees.length ? [{ champ: e.anneesRetirees, texte: detail.anneesRetirees.join(', ') }] : []),
        ...detail.modifiees.map((m) => ({ champ: `${m.territoire}, ${m.annee}`, avant: value(m.avant), apres: value(m.apres) })),
      ];
    }
    case 'autres':
      return [{ champ: e.autresChamps, texte: detail.champs.join(', ') }];
    case 'texte':
      return [
        ...detail.extraits.map((runs) => ({ champ: e.texte, runs })),
        ...(detail.autres ? [{ champ: e.texte, texte: `et ${detail.autres} ${e.autres}${detail.autres > 1 ? 's' : ''}` }] : []),
      ];
  }
}
