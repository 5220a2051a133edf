// Maps drawn on the server as SVG strings: a world map of an institution's partners (one link per partner) and a
// small locator map of one place. Pure functions, no request, no client script. The base geometry is Natural
// Earth 1:110m land (world-atlas), projected once per module load, simplified to half a unit of the viewBox and
// written with integer relative coordinates, so the land costs about 12 KB raw / 4 KB gzip.
//
// Accessibility (WCAG 2.1 AA): the world map is a named group (title, desc) whose points are links with an
// accessible name; the land is hidden from assistive technology. Point colours have at least 3:1 contrast
// against land and sea (1.4.11), the coastline 3:1 against the sea, and the tones differ by more than colour
// (1.4.1): inactive partners are hollow rings, shared partners larger discs. The locator is a single image.
import { createRequire } from 'node:module';
import {
  type GeoPermissibleObjects,
  type GeoProjection,
  geoEqualEarth,
  geoOrthographic,
  geoPath,
} from 'd3-geo';
import type { Feature, MultiPolygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';

export interface MapPoint {
  /** Unique within the map; used for the link's element id. */
  id: string;
  lon: number;
  lat: number;
  /** Accessible name, e.g. "Chicago, Stati Uniti — gemellaggio, attivo". */
  label: string;
  /** The partnership page. */
  href: string;
  /** inactive = suspended, expired or terminated; shared = partner of several institutions. */
  tone: 'active' | 'inactive' | 'shared';
}

export interface WorldMapOptions {
  points: MapPoint[];
  title: string;
  description: string;
  /** Prefix of the element ids, unique within the page. Default "world-map". */
  idPrefix?: string;
  /** Rendered width in CSS pixels (height follows). Default: none, the SVG fills its container. */
  width?: number;
}

export interface LocatorMapOptions {
  lon: number;
  lat: number;
  title: string;
  description: string;
  /** Prefix of the element ids, unique within the page. Default "locator-map". */
  idPrefix?: string;
}

/** Colours written as presentation attributes; page CSS may override them through the classes. */
export const MAP_COLOURS = {
  sea: '#ffffff',
  locatorSea: '#f2f6fa',
  land: '#d9dfe5',
  coast: '#7b8794',
  sphere: '#b8c2cc',
  active: '#0066cc',
  inactive: '#a61919',
  shared: '#7a3e9d',
} as const;

/**
 * Suggested rules for the portal stylesheet (the SVG itself carries no <style>, so a strict CSP holds): a clear
 * focus and hover state for the point links.
 */
export const MAP_CSS = [
  '.pt-link:focus{outline:none}',
  '.pt-link:focus-visible .pt{stroke:#000;stroke-width:3}',
  '.pt-link:hover .pt{stroke:#000}',
  '@media (forced-colors:active){.pt{fill:LinkText;stroke:Canvas}.pt-link:focus-visible .pt{stroke:Highlight}}',
].join('\n');

const WORLD_WIDTH = 960;
/** Simplification tolerance, in viewBox units (≈ CSS pixels at the natural size). */
const TOLERANCE = 0.5;
const LOCATOR = { width: 320, height: 180, spanDeg: 30 } as const;
const LOCATOR_CACHE_MAX = 256;

const RADIUS: Record<MapPoint['tone'], number> = { shared: 6.5, active: 5, inactive: 4.5 };

// ---------------------------------------------------------------------------------------------------------------
// Text

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values. */
export function escapeXml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A fragment usable in an id: letters, digits, "-" and "_" (anything else becomes "_"). */
function idPart(s: string): string {
  return String(s).replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

const num = (n: number): string => String(Math.round(n * 10) / 10);

// ---------------------------------------------------------------------------------------------------------------
// Geometry

let landFeature: Feature<MultiPolygon> | undefined;

function land(): Feature<MultiPolygon> {
  if (!landFeature) {
    const require = createRequire(import.meta.url);
    const topo = require('world-atlas/land-110m.json') as Topology<{ land: GeometryObject }>;
    landFeature = feature(topo, topo.objects.land) as Feature<MultiPolygon>;
  }
  return landFeature;
}

type Ring = number[]; // x0, y0, x1, y1, ...

/** Collects the projected rings of a geometry (d3-geo path context). */
function projectRings(projection: GeoProjection, object: GeoPermissibleObjects): Ring[] {
  const rings: Ring[] = [];
  let ring: Ring = [];
  const end = () => {
    if (ring.length) rings.push(ring);
    ring = [];
  };
  geoPath(projection, {
    moveTo(x: number, y: number) {
      end();
      ring.push(x, y);
    },
    lineTo(x: number, y: number) {
      ring.push(x, y);
    },
    closePath: end,
    arc() {},
    beginPath() {},
  })(object);
  end();
  return rings;
}

/** Douglas–Peucker on one ring, iterative. */
function simplify(r: Ring, tolerance: number): Ring {
  const n = r.length / 2;
  if (n <= 3) return r;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  while (stack.length) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const ax = r[2 * a]!;
    const ay = r[2 * a + 1]!;
    const dx = r[2 * b]! - ax;
    const dy = r[2 * b + 1]! - ay;
    const len = Math.hypot(dx, dy);
    let max = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const px = r[2 * i]! - ax;
      const py = r[2 * i + 1]! - ay;
      const d = len === 0 ? Math.hypot(px, py) : Math.abs(dy * px - dx * py) / len;
      if (d > max) {
        max = d;
        at = i;
      }
    }
    if (max > tolerance) {
      keep[at] = 1;
      stack.push(a, at, at, b);
    }
  }
  const out: Ring = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(r[2 * i]!, r[2 * i + 1]!);
  return out;
}

/**
 * SVG path data with integer coordinates: an absolute move, then relative line-tos without repeated commands
 * ("M12 40l3-2 1 0z"). Rings that collapse to fewer than three points are dropped.
 */
function encodeRings(rings: Ring[], tolerance: number): string {
  let d = '';
  for (const raw of rings) {
    const r = simplify(raw, tolerance);
    const pts: number[] = [];
    for (let i = 0; i < r.length; i += 2) {
      const x = Math.round(r[i]!);
      const y = Math.round(r[i + 1]!);
      const k = pts.length;
      if (k && pts[k - 2] === x && pts[k - 1] === y) continue;
      pts.push(x, y);
    }
    if (pts.length >= 4 && pts[0] === pts[pts.length - 2] && pts[1] === pts[pts.length - 1]) pts.length -= 2;
    if (pts.length < 6) continue;
    let px = pts[0]!;
    let py = pts[1]!;
    d += `M${px} ${py}l`;
    for (let i = 2; i < pts.length; i += 2) {
      const dx = String(pts[i]! - px);
      const dy = String(pts[i + 1]! - py);
      px = pts[i]!;
      py = pts[i + 1]!;
      d += (i === 2 || dx[0] === '-' ? '' : ' ') + dx + (dy[0] === '-' ? '' : ' ') + dy;
    }
    d += 'z';
  }
  return d;
}

export interface WorldBase {
  width: number;
  height: number;
  projection: GeoProjection;
  /** Path data of the land. */
  land: string;
  /** Path data of the outline of the globe. */
  sphere: string;
}

let worldBaseCache: WorldBase | undefined;

/** The projected world, computed on first use and then shared by every world map of the process. */
export function worldBase(): WorldBase {
  if (!worldBaseCache) {
    const sphere: GeoPermissibleObjects = { type: 'Sphere' };
    const projection = geoEqualEarth().fitWidth(WORLD_WIDTH, sphere);
    const [[, y0], [, y1]] = geoPath(projection).bounds(sphere);
    const height = Math.ceil(y1 - y0);
    worldBaseCache = {
      width: WORLD_WIDTH,
      height,
      projection,
      land: encodeRings(projectRings(projection, land()), TOLERANCE),
      sphere: encodeRings(projectRings(projection, sphere), TOLERANCE),
    };
  }
  return worldBaseCache;
}

function validCoordinates(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

// ---------------------------------------------------------------------------------------------------------------
// World map

/** Draw order, which is also the keyboard order: big discs first so small ones stay on top, then west to east. */
function drawOrder(a: MapPoint, b: MapPoint): number {
  return (
    RADIUS[b.tone] - RADIUS[a.tone] ||
    a.lon - b.lon ||
    b.lat - a.lat ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A point's paint: inactive ones are rings, so they differ from active discs by shape, not colour alone. */
function paintOf(tone: MapPoint['tone']): string {
  return tone === 'inactive'
    ? `fill="${MAP_COLOURS.sea}" stroke="${MAP_COLOURS.inactive}" stroke-width="2"`
    : `fill="${MAP_COLOURS[tone]}"`;
}

/** The symbol a legend shows for a tone: the very circle the map draws, decorative beside its text. */
export function legendSymbol(tone: MapPoint['tone']): string {
  const r = RADIUS[tone];
  const box = r + 2;
  return (
    `<svg class="ponte-legend-symbol" width="${box * 2}" height="${box * 2}" viewBox="${-box} ${-box} ${box * 2} ${box * 2}" ` +
    `aria-hidden="true" focusable="false"><g stroke="${MAP_COLOURS.sea}" stroke-width="1.5">` +
    `<circle r="${r}" ${paintOf(tone)}/></g></svg>`
  );
}

function pointMarkup(p: MapPoint, x: number, y: number, prefix: string): string {
  const paint = paintOf(p.tone);
  return (
    `<a class="pt-link" id="${prefix}-pt-${idPart(p.id)}" href="${escapeXml(p.href)}" aria-label="${escapeXml(p.label)}">` +
    `<circle class="pt pt-${p.tone}" cx="${num(x)}" cy="${num(y)}" r="${RADIUS[p.tone]}" ${paint}/></a>`
  );
}

/**
 * A world map (Equal Earth) with one link per point. Points with coordinates outside the globe are left out
 * (the page's list of partners still names them).
 */
export function worldMapSvg(opts: WorldMapOptions): string {
  const base = worldBase();
  const prefix = idPart(opts.idPrefix ?? 'world-map');
  const size =
    opts.width && opts.width > 0
      ? ` width="${num(opts.width)}" height="${num((opts.width * base.height) / base.width)}"`
      : '';
  const points: string[] = [];
  for (const p of [...opts.points].sort(drawOrder)) {
    if (!validCoordinates(p.lon, p.lat)) continue;
    const xy = base.projection([p.lon, p.lat]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
    points.push(pointMarkup(p, xy[0], xy[1], prefix));
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="0 0 ${base.width} ${base.height}"${size}` +
    ` role="group" aria-labelledby="${prefix}-title" aria-describedby="${prefix}-desc">` +
    `<title id="${prefix}-title">${escapeXml(opts.title)}</title>` +
    `<desc id="${prefix}-desc">${escapeXml(opts.description)}</desc>` +
    `<g aria-hidden="true">` +
    `<path class="map-sea" d="${base.sphere}" fill="${MAP_COLOURS.sea}" stroke="${MAP_COLOURS.sphere}"/>` +
    `<path class="map-land" d="${base.land}" fill="${MAP_COLOURS.land}" stroke="${MAP_COLOURS.coast}"` +
    ` stroke-width=".5" stroke-linejoin="round"/></g>` +
    `<g class="pts" stroke="${MAP_COLOURS.sea}" stroke-width="1.5">${points.join('')}</g></svg>`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Locator map

const locatorCache = new Map<string, string>();

/** Land around a place, seen from above it (orthographic), clipped to the frame. Cached per place. */
function locatorLand(lon: number, lat: number): string {
  const key = `${lon.toFixed(3)},${lat.toFixed(3)}`;
  let d = locatorCache.get(key);
  if (d === undefined) {
    const { width, height, spanDeg } = LOCATOR;
    const projection = geoOrthographic()
      .rotate([-lon, -lat])
      .scale(width / 2 / Math.sin((spanDeg * Math.PI) / 180))
      .translate([width / 2, height / 2])
      .clipExtent([
        [0, 0],
        [width, height],
      ]);
    d = encodeRings(projectRings(projection, land()), TOLERANCE);
    if (locatorCache.size >= LOCATOR_CACHE_MAX) locatorCache.delete(locatorCache.keys().next().value!);
    locatorCache.set(key, d);
  }
  return d;
}

/**
 * A small map (320×180) centred on a place, with the place marked. One image: nothing inside is focusable.
 * Coordinates outside the globe give the frame without a marker.
 */
export function locatorMapSvg(opts: LocatorMapOptions): string {
  const { width, height } = LOCATOR;
  const prefix = idPart(opts.idPrefix ?? 'locator-map');
  const valid = validCoordinates(opts.lon, opts.lat);
  const landPath = valid ? locatorLand(opts.lon, opts.lat) : '';
  const cx = width / 2;
  const cy = height / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="locator-map" viewBox="0 0 ${width} ${height}"` +
    ` width="${width}" height="${height}" role="img" focusable="false"` +
    ` aria-labelledby="${prefix}-title" aria-describedby="${prefix}-desc">` +
    `<title id="${prefix}-title">${escapeXml(opts.title)}</title>` +
    `<desc id="${prefix}-desc">${escapeXml(opts.description)}</desc>` +
    `<rect class="map-sea" width="${width}" height="${height}" fill="${MAP_COLOURS.locatorSea}" stroke="${MAP_COLOURS.sphere}"/>` +
    (landPath
      ? `<path class="map-land" d="${landPath}" fill="${MAP_COLOURS.land}" stroke="${MAP_COLOURS.coast}"` +
        ` stroke-width=".75" stroke-linejoin="round"/>`
      : '') +
    (valid
      ? `<circle class="pt-ring" cx="${cx}" cy="${cy}" r="11" fill="none" stroke="${MAP_COLOURS.active}" stroke-width="2"/>` +
        `<circle class="pt pt-active" cx="${cx}" cy="${cy}" r="5" fill="${MAP_COLOURS.active}" stroke="${MAP_COLOURS.sea}" stroke-width="1.5"/>`
      : '') +
    '</svg>'
  );
}
