/**
 * The golden thread and the commitments (FORMAT-SUIVI).
 *
 * - `constatsOf(contract, objectifId)`: the AFOM constats an objectif answers:
 *   its own `constats`, else its axe's, else its enjeu's (`from` says
 *   which; an empty list when none of them lists any).
 * - `engagementsBySignataire(contract)`: the commitments grouped by
 *   signatory, in the order of contrat.yaml's `signataires`.
 * - `engagementYears(contract)`: the years of the commitments' suivi, ascending.
 * - `engagementStatut(engagement, annee)`: its statut that year, if written.
 */
import type { Contract, Engagement, EngagementStatut } from '../model/index.ts';
import { lookupOf } from './lookup.ts';

export interface ObjectifConstats {
  constats: string[];
  from?: 'objectif' | 'axe' | 'enjeu';
}

export function constatsOf(contract: Contract, objectifId: string): ObjectifConstats {
  const l = lookupOf(contract);
  const o = l.objectif.get(objectifId);
  if (!o) return { constats: [] };
  if (o.constats?.length) return { constats: o.constats, from: 'objectif' };
  const axe = l.axe.get(o.axe);
  if (axe?.constats?.length) return { constats: axe.constats, from: 'axe' };
  const enjeu = o.enjeu ? l.enjeu.get(o.enjeu) : undefined;
  if (enjeu?.constats.length) return { constats: enjeu.constats, from: 'enjeu' };
  return { constats: [] };
}

const groups = new WeakMap<Contract, { signataire: string; engagements: Engagement[] }[]>();

export function engagementsBySignataire(contract: Contract): readonly { signataire: string; engagements: Engagement[] }[] {
  let list = groups.get(contract);
  if (!list) {
    const names = [...new Set([...contract.contrat.signataires.map((s) => s.nom), ...contract.engagements.map((e) => e.signataire)])];
    list = names.map((signataire) => ({ signataire, engagements: contract.engagements.filter((e) => e.signataire === signataire) })).filter((g) => g.engagements.length > 0);
    groups.set(contract, list);
  }
  return list;
}

export function engagementYears(contract: Contract): number[] {
  return [...new Set(contract.engagements.flatMap((e) => e.suivi.map((s) => s.annee)))].sort((a, b) => a - b);
}

export function engagementStatut(engagement: Engagement, annee: number): EngagementStatut | undefined {
  return engagement.suivi.find((s) => s.annee === annee)?.statut;
}
