/**
 * quartiers/<id>.md: one priority neighbourhood, its front matter and its
 * portrait. Its declinaison (cahier-2/quartiers/<id>.md), when there is one,
 * is folded into it.
 */
import { parseGeoJson } from '../geojson.ts';
import { issueAt, warningAt } from '../issues.ts';
import { toBody, type Body } from '../bodies.ts';
import { quartierSchema, type QuartierInput } from '../schemas/quartier.ts';
import type { GeoGeometry } from '../types.ts';
import { declinaison, type Declinaison } from './declinaison.ts';
import { fiche } from './fiche.ts';
import { defineKind, type DeclareContext } from './kind.ts';
import { territoires, type Territoire } from './territoires.ts';

export type Quartier = Omit<QuartierInput, 'id' | 'contour'> & {
  id: string;
  /** The outline as parsed GeoJSON geometries (Polygon / MultiPolygon), EPSG:4326. */
  contour?: GeoGeometry[];
  portrait: Body;
  declinaison?: Declinaison;
};

export const quartier = defineKind({
  name: 'quartier',
  place: 'quartiers/*.md',
  schema: quartierSchema,
  editor: 'En-tête d’un quartier (quartiers/<id>.md)',
  key: 'quartiers',
  unreadable(registry, id) {
    if (id) registry.add('quartier', id), registry.add('territoire', id);
  },
  /** The quartier ids, which are territory ids too. */
  declare(entries, ctx): Set<string> {
    const types = ctx.declared(territoires);
    const ids = new Set<string>();
    for (const q of entries) {
      if (types.has(q.id)) {
        ctx.report(issueAt('id-double', q.yaml.locate([]), `le quartier « ${q.id} » porte l’identifiant d’un territoire de territoires.yaml`, 'les identifiants sont uniques entre territoires et quartiers : renommez le fichier'));
        continue;
      }
      ids.add(q.id);
      ctx.registry.add('quartier', q.id);
      ctx.registry.add('territoire', q.id);
    }
    return ids;
  },
  resolve(entries, ctx): Quartier[] {
    const declinaisons = new Map(ctx.output(declinaison).map((d) => [d.quartier, d]));
    return entries.map((q) => {
      const v = q.value;
      const communeProblem = ctx.registry.check(v.commune, ['territoire'], q.yaml.locate(['commune']), 'commune');
      const type = territoryType(ctx, v.commune);
      if (communeProblem) ctx.report(communeProblem);
      else if (type && type !== 'commune') ctx.report(issueAt('territoire-type', q.yaml.locate(['commune']), `« ${v.commune} » est de type ${type}, pas une commune`));
      if (v.population !== undefined && v.annee_population === undefined) {
        ctx.report(issueAt('annee-population', q.yaml.locate(['population'], 'key'), 'annee_population manquante : l’année de la population est obligatoire avec population', 'ajoutez par exemple « annee_population: 2011 »'));
      }
      let contour: GeoGeometry[] | undefined;
      if (v.contour !== undefined) {
        const path = ctx.media(v.contour, q.yaml, ['contour']);
        if (path !== undefined && !/\.(geo)?json$/i.test(path)) {
          ctx.report(issueAt('contour-invalide', q.yaml.locate(['contour']), `le contour doit être un fichier GeoJSON (.geojson), trouvé « ${v.contour} »`));
        } else if (path !== undefined) {
          const file = ctx.parsed.medias.get(path)!;
          const geo = parseGeoJson(file);
          if (geo.ok) contour = geo.geometries;
          else ctx.report(issueAt('contour-invalide', { file: file.path, line: geo.line, column: geo.column, path: '' }, geo.message, `contour du quartier ${q.file}`));
        }
      }
      const d = declinaisons.get(q.id);
      return {
        id: q.id,
        nom: v.nom,
        ...(v.code ? { code: v.code } : {}),
        commune: v.commune,
        ...(v.population !== undefined ? { population: v.population } : {}),
        ...(v.annee_population !== undefined ? { annee_population: v.annee_population } : {}),
        ...(contour ? { contour } : {}),
        categorie: v.categorie,
        renouvellement_urbain: v.renouvellement_urbain,
        portrait: toBody(q.body!),
        ...(d ? { declinaison: d } : {}),
      };
    });
  },
  check(entries, ctx) {
    if (ctx.failed(fiche)) return [];
    const served = new Set(ctx.output(fiche).flatMap((f) => f.quartiers));
    return entries
      .filter((q) => !served.has(q.id))
      .map((q) => warningAt('quartier-sans-fiche', q.yaml.locate([]), `quartier sans fiche « ${q.id} »`, 'aucune fiche projet ne concerne ce quartier (ni « quartiers: tous »)'));
  },
});

/** The type of a territory id: from territoires.yaml, or `quartier`. */
export function territoryType(ctx: DeclareContext, id: string): Territoire['type'] | undefined {
  return ctx.declared(territoires).get(id) ?? (ctx.declared(quartier).has(id) ? 'quartier' : undefined);
}
