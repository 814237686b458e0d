/**
 * The AFOM matrices in the order the cahiers read: those of a pilier in the
 * tree's order, then those of a quartier in the quartiers' order, then the
 * others; matrices of the same place keep their file order.
 */
import type { Afom, Contract } from '../model/index.ts';

export function afomsInOrder(contract: Contract): Afom[] {
  const piliers = new Map(contract.piliers.map((p, i) => [p.id, i]));
  const quartiers = new Map(contract.quartiers.map((q, i) => [q.id, i]));
  const pilier = (a: Afom) => (a.pilier === undefined ? undefined : piliers.get(a.pilier));
  const quartier = (a: Afom) => (a.quartier === undefined ? undefined : quartiers.get(a.quartier));
  // [group, rank in the group, rank among the quartiers]: a pilier's matrix of one quartier comes with its pilier.
  const key = (a: Afom): [number, number, number] => {
    const p = pilier(a);
    const q = quartier(a) ?? -1;
    if (p !== undefined) return [0, p, q];
    return q >= 0 ? [1, q, 0] : [2, 0, 0];
  };
  return contract.afoms
    .map((afom, index) => ({ afom, index, key: key(afom) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.index - b.index)
    .map((x) => x.afom);
}
