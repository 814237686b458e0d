/**
 * cahier-1/indicateurs/<id>.yaml: one statistical indicator, its values by
 * year and territory (null: statistical secret).
 */
import { issueAt, warningAt } from '../issues.ts';
import { markedPaths } from '../markers.ts';
import { indicateurSchema, type IndicateurInput } from '../schemas/indicateur.ts';
import { defineKind } from './kind.ts';

export interface Valeur {
  annee: number;
  territoire: string;
  valeur: number | null;
}

export type Indicateur = Omit<IndicateurInput, 'id' | 'valeurs' | 'ruptures'> & {
  id: string;
  /** Breaks in the series (a new geography, a changed definition), by year; absent when none is declared. */
  ruptures?: { annee: number; libelle: string }[];
  /** Sorted by year, then by territory in the order they were written. */
  valeurs: Valeur[];
  annees: number[];
  territoires: string[];
};

export const indicateur = defineKind({
  name: 'indicateur',
  place: 'cahier-1/indicateurs/*.yaml',
  schema: indicateurSchema,
  editor: 'Un indicateur statistique (cahier-1/indicateurs/<id>.yaml)',
  key: 'indicateurs',
  idKind: 'indicateur',
  resolve(entries, ctx): Indicateur[] {
    return entries.map((ind) => {
      const v = ind.value;
      const valeurs: Valeur[] = [];
      const annees = Object.keys(v.valeurs).map(Number).sort((a, b) => a - b);
      const territoires: string[] = [];
      for (const annee of annees) {
        for (const [territoire, valeur] of Object.entries(v.valeurs[String(annee)]!)) {
          const declare = `déclarez-le dans territoires.yaml, ou, pour un quartier, créez son fichier : npm run new -- quartier ${territoire}`;
          ctx.report(ctx.registry.check(territoire, ['territoire'], ind.yaml.locate(['valeurs', String(annee), territoire], 'key'), 'territoire', declare));
          if (!territoires.includes(territoire)) territoires.push(territoire);
          valeurs.push({ annee, territoire, valeur });
        }
      }
      // Values still « à compléter » have their own warning: no error for a scaffold.
      if (!valeurs.some((x) => x.valeur !== null) && markedPaths((ind.yaml.data as { valeurs?: unknown }).valeurs).length === 0) {
        ctx.report(issueAt('valeurs-absentes', ind.yaml.locate(['valeurs'], 'key'), 'aucune valeur chiffrée : au moins une valeur est attendue', 'null signifie « secret statistique » ; un indicateur doit avoir au moins un nombre'));
      }
      const ruptures = Object.entries(v.ruptures ?? {})
        .map(([year, libelle]) => ({ annee: Number(year), libelle }))
        .sort((a, b) => a.annee - b.annee);
      for (const r of ruptures)
        if (!annees.includes(r.annee))
          ctx.report(issueAt('rupture-annee', ind.yaml.locate(['ruptures', String(r.annee)], 'key'), `rupture de série en ${r.annee}, année sans valeur de l’indicateur`, annees.length ? `années des valeurs : ${annees.join(', ')}` : undefined));
      return {
        id: ind.id,
        titre: v.titre,
        unite: v.unite,
        ...(v.theme ? { theme: v.theme } : {}),
        source: v.source,
        ...(v.definition ? { definition: v.definition } : {}),
        sens: v.sens,
        valeurs,
        annees,
        territoires,
        ...(v.ruptures ? { ruptures } : {}),
      };
    });
  },
  check(entries, ctx) {
    // An unreadable body could hold the directive that shows it.
    if (ctx.bodies().incomplete) return [];
    const shown = new Set(ctx.bodies().uses.filter((u) => u.name === 'indicateur').map((u) => u.attributes.id));
    return entries
      .filter((ind) => !shown.has(ind.id))
      .map((ind) => warningAt('indicateur-non-affiche', ind.yaml.locate([]), `indicateur jamais affiché « ${ind.id} »`, `aucun chapitre ni portrait ne l’affiche : ajoutez ::indicateur{id=${ind.id}} là où il éclaire le diagnostic`));
  },
});
