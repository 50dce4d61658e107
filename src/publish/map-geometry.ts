/**
 * The map's base layer and its pixel arithmetic: Natural Earth countries (world-atlas, 1:50m)
 * projected once, clipped to Kazakhstan and its neighbours, simplified to what an 800-pixel
 * map can show, and kept as SVG path strings for every later request. Also the clustering of
 * points in projected pixels.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type GeoProjection, geoConicEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 800;
/** Longitude and latitude span that keeps all of Kazakhstan and the Caspian in view. */
export const MAP_EXTENT = { west: 45, east: 89, south: 38.5, north: 56.5 } as const;
/** ISO 3166-1 numeric id of Kazakhstan in Natural Earth. */
const KAZAKHSTAN_ID = '398';
/**
 * Douglas–Peucker tolerance in pixels. The 1:50m outlines at 0.8 px weigh about 8 KB for
 * the whole base map; 1:110m is lighter still but loses the Caspian's shape and the borders
 * through the Fergana valley that readers from the region recognise.
 */
const SIMPLIFY_PX = 0.8;

export interface CountryShape {
  id: string;
  name: string;
  /** SVG path data in map pixels, relative after the first point, integers only. */
  d: string;
  home: boolean;
}

export interface MapBase {
  width: number;
  height: number;
  countries: CountryShape[];
  /** Pixel position of a point, or undefined when it falls outside the map. */
  project(lon: number, lat: number): [number, number] | undefined;
}

let cached: MapBase | undefined;

/** The base map, computed on first use and reused for the life of the process. */
export function mapBase(): MapBase {
  cached ??= buildMapBase();
  return cached;
}

function extentOutline(): MultiPoint {
  const { west, east, south, north } = MAP_EXTENT;
  const coordinates: Array<[number, number]> = [];
  // Parallels are arcs in a conic projection: sample them so the fit covers their bulge.
  for (let lon = west; lon <= east; lon += 1) coordinates.push([lon, south], [lon, north]);
  return { type: 'MultiPoint', coordinates };
}

function buildMapBase(): MapBase {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;

  const outline = extentOutline();
  const centre = (MAP_EXTENT.west + MAP_EXTENT.east) / 2;
  // Equal-area conic with standard parallels across the country: sizes compare honestly.
  const projection: GeoProjection = geoConicEqualArea().parallels([42, 53]).rotate([-centre, 0]).fitWidth(MAP_WIDTH, outline);
  const [[, top], [, bottom]] = geoPath(projection).bounds(outline);
  const height = Math.ceil(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);

  const shapes: CountryShape[] = [];
  for (const f of countries.features) {
    const d = simplifiedPath(projection, f);
    if (d) shapes.push({ id: String(f.id), name: f.properties.name, d, home: String(f.id) === KAZAKHSTAN_ID });
  }
  // Kazakhstan last, so its outline is drawn over the neighbours' shared borders.
  shapes.sort((a, b) => Number(a.home) - Number(b.home));

  return {
    width: MAP_WIDTH,
    height,
    countries: shapes,
    project(lon, lat) {
      const p = projection([lon, lat]);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return undefined;
      if (p[0] < 0 || p[0] > MAP_WIDTH || p[1] < 0 || p[1] > height) return undefined;
      return [p[0], p[1]];
    },
  };
}

/** Projects and clips a feature, then simplifies each ring and writes compact path data. */
function simplifiedPath(projection: GeoProjection, f: Feature): string {
  const rings: Array<Array<[number, number]>> = [];
  let ring: Array<[number, number]> = [];
  const context = {
    moveTo(x: number, y: number) {
      ring = [[x, y]];
      rings.push(ring);
    },
    lineTo(x: number, y: number) {
      ring.push([x, y]);
    },
    closePath() {},
    arc() {},
  };
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(f);
  let d = '';
  for (const r of rings) {
    const pts: Array<[number, number]> = [];
    for (const [x, y] of simplify(r, SIMPLIFY_PX)) {
      const q: [number, number] = [Math.round(x), Math.round(y)];
      const last = pts[pts.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
    }
    if (pts.length < 3) continue;
    let [px, py] = pts[0]!;
    d += `M${px} ${py}`;
    for (let i = 1; i < pts.length; i++) {
      const [x, y] = pts[i]!;
      const dx = x - px;
      const dy = y - py;
      d += `${i === 1 ? 'l' : ' '}${dx}${dy < 0 ? '' : ' '}${dy}`;
      px = x;
      py = y;
    }
    d += 'z';
  }
  return d;
}

/** Douglas–Peucker on one ring, iterative so a long coastline cannot overflow the stack. */
export function simplify(points: ReadonlyArray<[number, number]>, tolerance: number): Array<[number, number]> {
  const n = points.length;
  if (n < 3) return [...points];
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: Array<[number, number]> = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = points[i]!;
      const dist = len === 0 ? Math.hypot(x - ax, y - ay) : Math.abs(dy * x - dx * y + bx * ay - by * ax) / len;
      if (dist > worst) {
        worst = dist;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

export interface PixelPoint<T> {
  x: number;
  y: number;
  item: T;
  /** How many events the point stands for (events at one place come as one point); 1 if absent. */
  weight?: number;
}

export interface PixelCluster<T> {
  x: number;
  y: number;
  items: T[];
  /** The points' weights added up. */
  weight: number;
}

/**
 * Groups points closer than about `radius` pixels. Points are first binned into a grid of
 * `radius`-sized cells (one pass, so 30,000 points cost little); the busiest cells then absorb
 * neighbouring cells whose centre lies within `radius`. Centres and busyness are weighted, so
 * n events given as one point of weight n cluster exactly as n points would. The result is
 * deterministic for a given input order, and marks never sit on top of each other by more than
 * a cell.
 */
export function clusterPoints<T>(points: ReadonlyArray<PixelPoint<T>>, radius: number): Array<PixelCluster<T>> {
  interface Cell {
    cx: number;
    cy: number;
    sx: number;
    sy: number;
    w: number;
    items: T[];
    taken: boolean;
  }
  const cells = new Map<string, Cell>();
  for (const p of points) {
    const cx = Math.floor(p.x / radius);
    const cy = Math.floor(p.y / radius);
    const key = `${cx},${cy}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { cx, cy, sx: 0, sy: 0, w: 0, items: [], taken: false };
      cells.set(key, cell);
    }
    const w = p.weight ?? 1;
    cell.sx += p.x * w;
    cell.sy += p.y * w;
    cell.w += w;
    cell.items.push(p.item);
  }
  const order = [...cells.values()].sort((a, b) => b.w - a.w || a.cy - b.cy || a.cx - b.cx);
  const out: Array<PixelCluster<T>> = [];
  for (const seed of order) {
    if (seed.taken) continue;
    seed.taken = true;
    const mx = seed.sx / seed.w;
    const my = seed.sy / seed.w;
    let sx = seed.sx;
    let sy = seed.sy;
    let w = seed.w;
    const items = [...seed.items];
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const other = cells.get(`${seed.cx + dx},${seed.cy + dy}`);
        if (!other || other.taken) continue;
        const ox = other.sx / other.w;
        const oy = other.sy / other.w;
        if (Math.hypot(ox - mx, oy - my) > radius) continue;
        other.taken = true;
        sx += other.sx;
        sy += other.sy;
        w += other.w;
        items.push(...other.items);
      }
    }
    out.push({ x: sx / w, y: sy / w, items, weight: w });
  }
  return out;
}

export interface LabelRequest {
  x: number;
  y: number;
  text: string;
}

export interface PlacedLabel {
  x: number;
  y: number;
  text: string;
  /** SVG text-anchor. */
  anchor: 'middle' | 'start' | 'end';
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Puts small labels beside their points without covering marks or each other: tries below,
 * above, right and left of the point, then the same around a mark sitting on the point.
 * `charWidth` and `size` describe the font in pixels; obstacles are circles (marks).
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  obstacles: ReadonlyArray<{ x: number; y: number; r: number }>,
  charWidth = 5,
  size = 9,
): PlacedLabel[] {
  const taken: Box[] = obstacles.map((o) => ({ x0: o.x - o.r, y0: o.y - o.r, x1: o.x + o.r, y1: o.y + o.r }));
  const around = (x: number, y: number, gap: number, w: number): Array<PlacedLabel & { box: Box }> => [
    { x, y: y + gap + size, text: '', anchor: 'middle', box: { x0: x - w / 2, y0: y + gap, x1: x + w / 2, y1: y + gap + size + 1 } },
    { x, y: y - gap - 2, text: '', anchor: 'middle', box: { x0: x - w / 2, y0: y - gap - size - 2, x1: x + w / 2, y1: y - gap } },
    {
      x: x + gap + 2,
      y: y + size / 3,
      text: '',
      anchor: 'start',
      box: { x0: x + gap, y0: y - size / 2 - 1, x1: x + gap + 2 + w, y1: y + size / 2 + 1 },
    },
    {
      x: x - gap - 2,
      y: y + size / 3,
      text: '',
      anchor: 'end',
      box: { x0: x - gap - 2 - w, y0: y - size / 2 - 1, x1: x - gap, y1: y + size / 2 + 1 },
    },
  ];
  return labels.map((l) => {
    const w = l.text.length * charWidth + 2;
    const candidates = around(l.x, l.y, 2, w);
    for (const o of obstacles) {
      if (Math.hypot(o.x - l.x, o.y - l.y) <= o.r) candidates.push(...around(o.x, o.y, o.r + 1, w));
    }
    const free = candidates.find((c) => !taken.some((b) => overlaps(b, c.box))) ?? candidates[candidates.length - 4] ?? candidates[0]!;
    taken.push(free.box);
    return { x: Math.round(free.x), y: Math.round(free.y), text: l.text, anchor: free.anchor };
  });
}
