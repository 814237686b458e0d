/**
 * Quartier outlines: GeoJSON (RFC 7946, EPSG:4326) reduced to the polygons
 * the maps draw. Accepts a FeatureCollection, a Feature or a bare geometry.
 */
import { parse as parseJson, type ParseError } from 'jsonc-parser';
import { decodeText, LineIndex, MAX_GEOJSON_BYTES, type SourceFile } from './source.ts';
import type { GeoGeometry, Position } from './types.ts';

export type GeoResult = { ok: true; geometries: GeoGeometry[] } | { ok: false; line: number; column: number; message: string };

export function parseGeoJson(file: SourceFile): GeoResult {
  const decoded = decodeText(file, MAX_GEOJSON_BYTES);
  if (!decoded.ok) return { ok: false, line: 1, column: 1, message: decoded.message };
  // jsonc-parser, unlike JSON.parse, says where the syntax breaks.
  const errors: ParseError[] = [];
  const data: unknown = parseJson(decoded.text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const at = new LineIndex(decoded.text).position(errors[0]!.offset);
    return { ok: false, ...at, message: 'GeoJSON illisible : ce n’est pas du JSON valide' };
  }
  const geometries: GeoGeometry[] = [];
  const problem = collect(data, geometries);
  if (problem) return { ok: false, line: 1, column: 1, message: `GeoJSON invalide : ${problem}` };
  if (geometries.length === 0) return { ok: false, line: 1, column: 1, message: 'GeoJSON sans polygone' };
  return { ok: true, geometries };
}

function collect(node: unknown, out: GeoGeometry[]): string | undefined {
  if (!isObject(node)) return 'objet GeoJSON attendu';
  switch (node.type) {
    case 'FeatureCollection':
      if (!Array.isArray(node.features)) return '« features » doit être une liste';
      for (const f of node.features) {
        const p = collect(f, out);
        if (p) return p;
      }
      return undefined;
    case 'Feature':
      return collect(node.geometry, out);
    case 'Polygon':
      if (!isPolygon(node.coordinates)) return 'coordonnées de Polygon invalides (longitude, latitude en degrés, anneaux fermés)';
      out.push({ type: 'Polygon', coordinates: node.coordinates });
      return undefined;
    case 'MultiPolygon':
      if (!Array.isArray(node.coordinates) || !node.coordinates.every(isPolygon))
        return 'coordonnées de MultiPolygon invalides (longitude, latitude en degrés, anneaux fermés)';
      out.push({ type: 'MultiPolygon', coordinates: node.coordinates as Position[][][] });
      return undefined;
    default:
      return `type « ${String(node.type)} » : seuls Polygon et MultiPolygon décrivent un contour`;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPolygon(rings: unknown): rings is Position[][] {
  return Array.isArray(rings) && rings.length > 0 && rings.every(isRing);
}

function isRing(ring: unknown): ring is Position[] {
  if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1];
}

function isPosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}
