/**
 * The maths behind `::carte`: winding repair, fitting the outlines to the
 * frame, the scale bar. Pure functions over GeoJSON, no DOM.
 */
import { geoArea, geoDistance, geoMercator, geoPath, type ExtendedGeometryCollection, type GeoPath, type GeoProjection } from 'd3-geo';
import type { GeoGeometry, Position } from '../model/index.ts';

type Ring = Position[];
type Polygon = Ring[];
type Box = [[number, number], [number, number]];

const HEMISPHERE = 2 * Math.PI;
const EARTH_RADIUS_KM = 6371.0088;

/**
 * d3-geo reads rings on the sphere: an exterior ring must run clockwise, or
 * it encloses the rest of the globe. RFC 7946 files run counter-clockwise,
 * older ones clockwise, some mix both. Each ring is fixed on its own: an
 * exterior must enclose the small side, a hole the large side (it is
 * subtracted), whatever the file said.
 */
export function normalizeGeometry(geometry: GeoGeometry): GeoGeometry {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: normalizePolygon(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(normalizePolygon) };
}

function normalizePolygon(rings: Polygon): Polygon {
  return rings.map((ring, i) => {
    const large = geoArea({ type: 'Polygon', coordinates: [ring] }) > HEMISPHERE;
    const isHole = i > 0;
    return large === isHole ? ring : [...ring].reverse();
  });
}

/** The polygons of some geometries, one by one (for the marker of a MultiPolygon's largest part). */
export function polygonsOf(geometries: readonly GeoGeometry[]): GeoGeometry[] {
  return geometries.flatMap((g) => (g.type === 'Polygon' ? [g] : g.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates }))));
}

export type Outlines = ExtendedGeometryCollection<GeoGeometry>;

export function collection(geometries: readonly GeoGeometry[]): Outlines {
  return { type: 'GeometryCollection', geometries: [...geometries] };
}

export interface Frame {
  projection: GeoProjection;
  path: GeoPath;
  width: number;
  /** Height of the map area; the scale bar strip lies below it. */
  mapHeight: number;
}

export interface FrameOptions {
  width: number;
  /** Blank margin around the fitted outlines. */
  padding: number;
  minHeight: number;
  maxHeight: number;
}

/**
 * A Mercator projection fitting `target` in a frame as wide as asked and as
 * tall as the outlines need (within bounds), so that neither a north-south
 * nor an east-west spread leaves a large blank band. Everything drawn with
 * the returned path is clipped to the frame.
 */
export function fitFrame(target: Outlines, options: FrameOptions): Frame {
  const { width, padding, minHeight, maxHeight } = options;
  const probe = geoMercator().fitSize([1000, 1000], target);
  const [[x0, y0], [x1, y1]] = geoPath(probe).bounds(target);
  const aspect = x1 - x0 > 0 ? (y1 - y0) / (x1 - x0) : 1;
  const innerWidth = width - 2 * padding;
  const mapHeight = Math.round(Math.min(maxHeight, Math.max(minHeight, innerWidth * aspect + 2 * padding)));
  const extent: Box = [
    [padding, padding],
    [width - padding, mapHeight - padding],
  ];
  const projection = geoMercator().fitExtent(extent, target).clipExtent([
    [0, 0],
    [width, mapHeight],
  ]);
  return { projection, path: geoPath(projection).digits(1), width, mapHeight };
}

export interface ScaleBar {
  /** Length on the ground in metres. */
  metres: number;
  /** Length on the map in px, rounded to 0.1. */
  px: number;
  label: string;
}

const NICE_METRES = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000, 100_000];

/**
 * A round distance whose bar is 60–120 px long, measured at the centre of
 * the map (Mercator's scale changes with latitude, so not from the zoom).
 */
export function scaleBar(projection: GeoProjection, centre: [number, number], range: [number, number] = [60, 120]): ScaleBar | undefined {
  const [cx, cy] = centre;
  const a = projection.invert?.([cx - 50, cy]);
  const b = projection.invert?.([cx + 50, cy]);
  if (!a || !b) return undefined;
  const km = geoDistance(a, b) * EARTH_RADIUS_KM;
  if (!(km > 0)) return undefined;
  const pxPerMetre = 100 / (km * 1000);
  const target = (range[0] + range[1]) / 2;
  const best = NICE_METRES.map((metres) => ({ metres, px: metres * pxPerMetre })).reduce((p, c) => {
    const inP = p.px >= range[0] && p.px <= range[1];
    const inC = c.px >= range[0] && c.px <= range[1];
    if (inP !== inC) return inC ? c : p;
    return Math.abs(c.px - target) < Math.abs(p.px - target) ? c : p;
  });
  return { metres: best.metres, px: Math.round(best.px * 10) / 10, label: formatDistance(best.metres) };
}

function formatDistance(metres: number): string {
  if (metres < 1000) return `${metres}\u00a0m`;
  return `${String(metres / 1000).replace('.', ',')}\u00a0km`;
}

/** One visible polygon of an outline, in px. */
export interface Part {
  bounds: Box;
  centre: [number, number];
}

export interface Marker {
  x: number;
  y: number;
  /** Set when the marker sits beside an outline too small to hold it: where its leader line starts. */
  anchor?: [number, number];
}

/**
 * Where the numbered markers go: at the centroid of an outline that can hold
 * one, otherwise beside it (right, left, above, below: the first place that
 * covers no other outline and no other marker), so small quartiers stay visible.
 */
export function placeMarkers(parts: readonly Part[], size: [number, number], r: number): Marker[] {
  const [width, height] = size;
  const gap = 4;
  const roomy = (p: Part) => Math.min(p.bounds[1][0] - p.bounds[0][0], p.bounds[1][1] - p.bounds[0][1]) >= 2 * r + 12;
  const round = (v: number) => Math.round(v * 10) / 10;
  const clampX = (x: number) => Math.min(width - r - 1, Math.max(r + 1, x));
  const clampY = (y: number) => Math.min(height - r - 1, Math.max(r + 1, y));
  const box = (x: number, y: number): Box => [
    [x - r, y - r],
    [x + r, y + r],
  ];
  const taken: Box[] = [];
  const markers: (Marker | undefined)[] = parts.map((p) => {
    if (!roomy(p)) return undefined;
    const [x, y] = [clampX(p.centre[0]), clampY(p.centre[1])];
    taken.push(box(x, y));
    return { x: round(x), y: round(y) };
  });
  return parts.map((p, i) => {
    const placed = markers[i];
    if (placed) return placed;
    const [[x0, y0], [x1, y1]] = p.bounds;
    const [cx, cy] = p.centre;
    const candidates: [number, number][] = [
      [x1 + r + gap, cy],
      [x0 - r - gap, cy],
      [cx, y0 - r - gap],
      [cx, y1 + r + gap],
    ];
    const free = candidates.find(([x, y]) => {
      if (x < r + 1 || x > width - r - 1 || y < r + 1 || y > height - r - 1) return false;
      const b = box(x, y);
      return !taken.some((t) => overlaps(t, b)) && !parts.some((o) => o !== p && overlaps(o.bounds, b));
    });
    const [x, y] = free ?? [clampX(cx), clampY(cy)];
    taken.push(box(x, y));
    return free ? { x: round(x), y: round(y), anchor: [round(cx), round(cy)] } : { x: round(x), y: round(y) };
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a[0][0] < b[1][0] && b[0][0] < a[1][0] && a[0][1] < b[1][1] && b[0][1] < a[1][1];
}
