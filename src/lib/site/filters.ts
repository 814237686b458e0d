/**
 * The facets of the /fiches/ filters, from the model: each option's value is
 * what the cards carry in their data attributes.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract } from '../model/index.ts';
import { FICHE_STATUTS } from '../model/schemas/fiche.ts';
import { objectifsOf } from '../queries/index.ts';
import type { FacetKey } from './match.ts';

export interface Facet {
  key: FacetKey;
  label: string;
  options: { value: string; label: string }[];
}

export function ficheFacets(contract: Contract): Facet[] {
  const { libelles, axes_transversaux } = contract.contrat;
  const used = <T>(values: T[]) => [...new Set(values)];
  const porteurs = used(contract.fiches.map((f) => f.porteur)).sort((a, b) => a.localeCompare(b, 'fr'));
  const statuts = FICHE_STATUTS.filter((s) => contract.fiches.some((f) => f.statut === s));
  const facets: Facet[] = [
    { key: 'pilier', label: libelles.pilier, options: contract.piliers.map((p) => ({ value: p.id, label: `${p.numero}. ${p.titre}` })) },
    {
      key: 'objectif',
      label: libelles.objectif,
      options: objectifsOf(contract.piliers).map((o) => ({ value: o.id, label: `${o.numero} ${o.titre}` })),
    },
    { key: 'quartier', label: 'Quartier', options: contract.quartiers.map((q) => ({ value: q.id, label: q.nom })) },
    { key: 'porteur', label: fr.porteur, options: porteurs.map((p) => ({ value: p, label: p })) },
    { key: 'statut', label: fr.statut, options: statuts.map((s) => ({ value: s, label: fr.statuts[s] })) },
    { key: 'axe', label: 'Axe transversal', options: axes_transversaux.map((a) => ({ value: a.id, label: a.titre })) },
  ];
  return facets.filter((f) => f.options.length > 0);
}
