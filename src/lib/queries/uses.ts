/**
 * Where an indicator is used: AFOM items it supports, objectifs it
 * evaluates, fiches that follow it. Shown on the indicator's page.
 */
import type { Contract, RefTarget } from '../model/index.ts';
import { objectifsOf } from './lookup.ts';

export function usesOfIndicateur(contract: Contract, id: string): RefTarget[] {
  const out: RefTarget[] = [];
  for (const afom of contract.afoms)
    for (const items of Object.values(afom.quadrants))
      for (const item of items) if (item.id && item.indicateurs.includes(id)) out.push({ kind: 'constat', id: item.id });
  for (const o of objectifsOf(contract.piliers)) if (o.indicateurs.includes(id)) out.push({ kind: 'objectif', id: o.id });
  for (const f of contract.fiches) if (f.indicateurs.some((i) => i.indicateur === id)) out.push({ kind: 'fiche', id: f.id });
  return out;
}
