/**
 * What each printed cahier holds, so that a reference prints a page number
 * when its target is in the same PDF and names the other cahier otherwise.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract, RefTarget } from '../model/index.ts';
import { createContext, type RenderContext } from '../render/context.ts';

export type CahierNumber = 1 | 2;

export function printHas(contract: Contract, cahier: CahierNumber): (target: RefTarget) => boolean {
  const declined = new Set(contract.quartiers.filter((q) => q.declinaison).map((q) => q.id));
  return (t) => {
    if (cahier === 1) return t.kind === 'quartier' || t.kind === 'indicateur' || t.kind === 'afom' || t.kind === 'constat';
    if (t.kind === 'quartier') return declined.has(t.id);
    return t.kind === 'pilier' || t.kind === 'enjeu' || t.kind === 'axe' || t.kind === 'objectif' || t.kind === 'fiche';
  };
}

export function printContext(contract: Contract, cahier: CahierNumber, base: string): RenderContext {
  return createContext(contract, {
    base,
    mode: 'print',
    printHas: printHas(contract, cahier),
    elsewhere: cahier === 1 ? fr.cahier2 : fr.cahier1,
  });
}

export const printFiles = {
  1: 'cahier-1-diagnostic.pdf',
  2: 'cahier-2-strategie.pdf',
  both: 'contrat-de-ville.pdf',
} as const;
