/**
 * Insee QPV variables and the indicators they become. A column of a wide
 * extract is imported when it is named here or in `--variables`.
 */
import { ID_PATTERN } from '../model/schemas/common.ts';

export interface IndicatorDefaults {
  titre: string;
  unite: string;
  sens?: 'hausse-favorable' | 'baisse-favorable' | 'neutre';
}

export interface InseeVariable extends IndicatorDefaults {
  /** The indicator id it is imported into unless `--variables` says otherwise. */
  id: string;
}

export const INSEE_VARIABLES: Readonly<Record<string, InseeVariable>> = {
  pop_mun: { id: 'population', titre: 'Population municipale', unite: 'hab.' },
  tp60: { id: 'taux-pauvrete', titre: 'Taux de pauvreté', unite: '%', sens: 'baisse-favorable' },
  decuc_q2: { id: 'revenu-median-uc', titre: 'Revenu déclaré médian par unité de consommation', unite: '€', sens: 'hausse-favorable' },
  ind_jeune: { id: 'indice-jeunesse', titre: 'Indice de jeunesse', unite: 'ratio', sens: 'neutre' },
  tx_tot_empl: { id: 'taux-emploi', titre: 'Taux d’emploi des 15-64 ans', unite: '%', sens: 'hausse-favorable' },
  tx_tot_eprec: { id: 'emplois-precaires', titre: 'Part des emplois précaires', unite: '%', sens: 'baisse-favorable' },
};

/** Title and unit of a new indicator: those of the Insee variable imported into it, if any. */
export function defaultsFor(id: string): IndicatorDefaults | undefined {
  const known = Object.values(INSEE_VARIABLES).find((v) => v.id === id);
  if (!known) return undefined;
  const { id: _id, ...defaults } = known;
  return defaults;
}

/** `tp60=taux-pauvrete,decuc_q2=revenu-median-uc` → column name → indicator id. */
export function parseVariables(text: string): { ok: true; map: Map<string, string> } | { ok: false; message: string } {
  const map = new Map<string, string>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [column, id, extra] = part.split('=').map((s) => s.trim());
    if (!column || extra !== undefined) return { ok: false, message: `--variables : « ${part} » n’est pas de la forme colonne=indicateur` };
    // `tp60` alone means the Insee variable under its usual id.
    const target = id ?? INSEE_VARIABLES[normalizeName(column)]?.id;
    if (!target) return { ok: false, message: `--variables : « ${column} » n’est pas une variable Insee connue ; écrivez ${column}=identifiant-indicateur` };
    if (!ID_PATTERN.test(target)) return { ok: false, message: `--variables : identifiant d’indicateur invalide « ${target} » (minuscules sans accent, chiffres et « - »)` };
    map.set(normalizeName(column), target);
  }
  if (map.size === 0) return { ok: false, message: '--variables : aucune correspondance colonne=indicateur' };
  return { ok: true, map };
}

/** Header names compared without case, accents, surrounding spaces; spaces and `-` read as `_`. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
