/**
 * Where the city's car parks are (simulated, seeded): about 300,000 spaces in a few
 * thousand enclosed car parks and kerbside segments, placed as a city spreads them.
 *
 *  - Named anchors (stations, airport, big hospitals, shopping centres, venues, CBD
 *    towers: mock-data/catalog/parking-anchors.ts), positions estimated.
 *  - Enclosed car parks drawn from a mixture of urban centres (the old centre around Erqi
 *    Square, the Zhengdong CBD, Huayuan Road, the development zones …; Gaussian, σ 1.6–4 km)
 *    plus a thin background inside the 4th ring and small county towns: dense in the centre
 *    and the business districts, sparse at the edge. Each centre has its own mix of uses
 *    (the CBD is mostly offices, the outer districts mostly housing). A draw is kept only on
 *    land that suits a car park: inside a district, not in a lake or within a river's
 *    banks, near a road of the schematic network (≤ 800 m inside the 4th ring, ≤ 2.5 km
 *    outside), and at least 60 m from another car park.
 *  - Kerbside segments, one parallel space per 6 m: about a third along the arterial and
 *    2nd-ring roads of the network (not on expressways or the elevated 3rd/4th rings),
 *    120–420 m long (a road section between junctions, as the city manages them), 14 m
 *    off the centre line on either side, drawn in 450 m slots
 *    weighted by the square of the density; the rest on side streets, which the
 *    schematic network does not draw: drawn from the same centres, 60–800 m from a main
 *    road (never crossing one: every 30 m of it stays 20 m off), 120–360 m long, aligned east–west or
 *    north–south like the city's grid.
 *
 * Capacities: log-normal per use (offices median 110 spaces, malls 300, housing 110 …).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distanceToLine, haversine, lineLength, pointAlong, pointInArea, type AreaFeature, type LonLat } from '../../src/geo/geometry';
import type { CarparkType } from '../../layers/parking/topic';
import { PARKING_ANCHORS } from '../catalog/parking-anchors';
import { PUBLIC_GEO } from '../geo/io';
import { drawDemand, type Demand, type ProfileKey } from './parking-demand';
import { gaussian, rng } from './rng';

export interface Site {
  id: string;
  name: string;
  name_en: string;
  type: CarparkType;
  kind: 'enclosed' | 'kerbside';
  capacity: number;
  lon: number;
  lat: number;
  district: string;
  district_en: string;
  /** demand profile, e.g. "office" or "kerbside/mall" */
  profile: string;
  line?: [number, number, number, number];
  approximate?: boolean;
  demand: Demand;
}

// ---- geography -----------------------------------------------------------------------------

interface DistrictProps {
  code: string;
  name_zh: string;
  name_en: string;
  kind: 'admin' | 'zone';
}
interface RoadProps {
  id: string;
  name_zh: string;
  name_en: string;
  class: string;
  ring?: number | null;
}
interface WaterProps {
  id: string;
  kind: 'river' | 'canal' | 'lake';
  width_m: number | null;
}
type Line = { type: 'Feature'; properties: RoadProps; geometry: { type: 'LineString'; coordinates: LonLat[] } };
type WaterF = { type: 'Feature'; properties: WaterProps; geometry: { type: 'LineString'; coordinates: LonLat[] } | { type: 'Polygon'; coordinates: LonLat[][] } };

export interface Geo {
  districts: AreaFeature<DistrictProps>[];
  roads: Line[];
  water: WaterF[];
}

export function loadGeo(dir = PUBLIC_GEO): Geo {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { features: unknown[] };
  return {
    districts: read('districts.geojson').features as AreaFeature<DistrictProps>[],
    roads: read('roads.geojson').features as Line[],
    water: read('water.geojson').features as WaterF[],
  };
}

/** Short district names (functional zones as the city calls them). */
const ZONE_SHORT: Record<string, [string, string]> = {
  ZD: ['郑东新区', 'Zhengdong New District'],
  JK: ['经开区', 'Econ.-Tech. Zone'],
  GX: ['高新区', 'High-Tech Zone'],
  HKG: ['航空港区', 'Airport Zone'],
};

/** The district of a point: a functional zone if inside one, else the administrative unit. */
export function districtOf(geo: Geo, p: LonLat): { zh: string; en: string } | null {
  for (const kind of ['zone', 'admin'] as const) {
    for (const f of geo.districts) {
      if (f.properties.kind !== kind || !pointInArea(p, f.geometry)) continue;
      const short = ZONE_SHORT[f.properties.code];
      if (short) return { zh: short[0], en: short[1] };
      return { zh: f.properties.name_zh, en: f.properties.name_en.replace(/ District$/, '') };
    }
  }
  return null;
}

/** True if a point is in a lake or within a river's or canal's banks (plus a margin). */
export function inWater(geo: Geo, p: LonLat, marginM = 40): boolean {
  for (const w of geo.water) {
    if (w.geometry.type === 'Polygon') {
      if (pointInArea(p, w.geometry as AreaFeature['geometry'])) return true;
      if (distanceToLine(p, w.geometry.coordinates[0]) < marginM) return true;
    } else {
      const half = (w.properties.width_m ?? 30) / 2;
      if (distanceToLine(p, w.geometry.coordinates) < half + marginM) return true;
    }
  }
  return false;
}

/** Distance to the nearest road (metres) and that road. */
export function nearestRoad(geo: Geo, p: LonLat): { road: Line; distM: number } {
  let best = geo.roads[0];
  let bestD = Infinity;
  for (const r of geo.roads) {
    const d = distanceToLine(p, r.geometry.coordinates);
    if (d < bestD) {
      bestD = d;
      best = r;
    }
  }
  return { road: best, distM: bestD };
}

// ---- the city's centres ----------------------------------------------------------------------

type Mix = Partial<Record<CarparkType, number>>;

interface Centre {
  name: string;
  at: LonLat;
  sigmaKm: number;
  /** share of enclosed car parks drawn around this centre */
  w: number;
  mix: Mix;
}

const RES: Mix = { residential: 0.66, office: 0.14, mall: 0.06, leisure: 0.08, hospital: 0.06 };
export const CENTRES: Centre[] = [
  { name: 'old centre (Erqi Square)', at: [113.662, 34.754], sigmaKm: 2.2, w: 0.15, mix: { residential: 0.4, office: 0.24, mall: 0.14, leisure: 0.1, hospital: 0.12 } },
  { name: 'Zhengdong CBD', at: [113.7245, 34.7725], sigmaKm: 1.8, w: 0.13, mix: { office: 0.66, mall: 0.08, residential: 0.16, leisure: 0.1 } },
  { name: 'Huayuan Rd / Nongye Rd', at: [113.678, 34.785], sigmaKm: 2.0, w: 0.12, mix: { office: 0.34, mall: 0.1, residential: 0.44, leisure: 0.05, hospital: 0.07 } },
  { name: 'High-Tech Zone', at: [113.545, 34.81], sigmaKm: 2.5, w: 0.06, mix: { office: 0.36, residential: 0.5, mall: 0.08, leisure: 0.06 } },
  { name: 'Econ.-Tech. Zone', at: [113.75, 34.715], sigmaKm: 2.5, w: 0.06, mix: { office: 0.36, residential: 0.5, mall: 0.08, leisure: 0.06 } },
  { name: 'Longhu / Longzihu', at: [113.785, 34.815], sigmaKm: 2.6, w: 0.06, mix: { residential: 0.4, office: 0.36, mall: 0.1, leisure: 0.14 } },
  { name: 'Zhongyuan west', at: [113.6, 34.752], sigmaKm: 2.4, w: 0.08, mix: RES },
  { name: 'Guancheng south-east', at: [113.692, 34.72], sigmaKm: 2.4, w: 0.07, mix: RES },
  { name: 'Huiji', at: [113.632, 34.852], sigmaKm: 2.8, w: 0.05, mix: { residential: 0.74, leisure: 0.12, mall: 0.08, office: 0.03, hospital: 0.03 } },
  { name: 'Erqi south', at: [113.64, 34.703], sigmaKm: 2.4, w: 0.06, mix: RES },
  { name: 'Airport Zone', at: [113.8, 34.535], sigmaKm: 4, w: 0.03, mix: { residential: 0.5, office: 0.3, mall: 0.1, leisure: 0.05, hospital: 0.05 } },
  { name: 'Xinzheng town', at: [113.74, 34.395], sigmaKm: 1.8, w: 0.012, mix: RES },
  { name: 'Zhongmu town', at: [113.976, 34.72], sigmaKm: 1.8, w: 0.01, mix: RES },
  { name: 'Xingyang town', at: [113.383, 34.788], sigmaKm: 1.8, w: 0.01, mix: RES },
  { name: 'Shangjie town', at: [113.29, 34.805], sigmaKm: 1.4, w: 0.006, mix: RES },
];
/** Thin background inside the 4th ring. */
const BACKGROUND = { w: 0.1, bbox: [113.51, 34.662, 113.855, 34.852] as const, mix: RES };
const RING4 = BACKGROUND.bbox;

const inRing4 = (p: LonLat) => p[0] >= RING4[0] && p[0] <= RING4[2] && p[1] >= RING4[1] && p[1] <= RING4[3];

const KM_LAT = 1 / 111.195;
const kmLon = (lat: number) => KM_LAT / Math.cos((lat * Math.PI) / 180);

/** Relative density of car parks at a point (the mixture the enclosed car parks are drawn from). */
export function density(p: LonLat): { value: number; centre: Centre | null } {
  let v = 0;
  let best: Centre | null = null;
  let bestV = 0;
  for (const c of CENTRES) {
    const dx = (p[0] - c.at[0]) / kmLon(c.at[1]);
    const dy = (p[1] - c.at[1]) / KM_LAT;
    const g = (c.w / (c.sigmaKm * c.sigmaKm)) * Math.exp(-(dx * dx + dy * dy) / (2 * c.sigmaKm * c.sigmaKm));
    v += g;
    if (g > bestV) {
      bestV = g;
      best = c;
    }
  }
  if (inRing4(p)) v += BACKGROUND.w / (((RING4[2] - RING4[0]) / kmLon(34.76)) * ((RING4[3] - RING4[1]) / KM_LAT)) * 2 * Math.PI;
  return { value: v, centre: best };
}

function pick<T extends string>(r: () => number, mix: Partial<Record<T, number>>): T {
  const entries = Object.entries(mix) as [T, number][];
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x <= 0) return k;
  }
  return entries[entries.length - 1][0];
}

/** Capacity distributions of enclosed car parks: log-normal median, σ, bounds. */
const CAPACITY: Record<Exclude<CarparkType, 'kerbside' | 'hub'>, [number, number, number, number]> = {
  office: [110, 0.6, 30, 1500],
  mall: [300, 0.5, 100, 3000],
  leisure: [80, 0.6, 25, 800],
  hospital: [100, 0.6, 30, 800],
  residential: [110, 0.6, 30, 1800],
};

const TYPE_WORD: Record<CarparkType, [string, string]> = {
  office: ['写字楼停车场', 'office car park'],
  mall: ['商业中心停车场', 'shopping centre car park'],
  leisure: ['文体场馆停车场', 'venue car park'],
  hospital: ['社区医院停车场', 'clinic car park'],
  residential: ['小区停车场', 'residential car park'],
  hub: ['交通枢纽停车场', 'transport hub car park'],
  kerbside: ['路侧泊位', 'kerbside'],
};

export interface SiteOptions {
  seed?: number;
  /** spaces in enclosed car parks (anchors included) */
  enclosedSpaces?: number;
  /** spaces at the kerb */
  kerbSpaces?: number;
}

export const DEFAULT_SITES = { seed: 20210719, enclosedSpaces: 250_000, kerbSpaces: 50_000 };

/** The car parks of the city, deterministic for a seed. */
export function buildSites(geo: Geo = loadGeo(), opts: SiteOptions = {}): Site[] {
  const { seed, enclosedSpaces, kerbSpaces } = { ...DEFAULT_SITES, ...opts };
  const r = rng(seed);
  const sites: Site[] = [];
  const grid = new Map<string, LonLat[]>();
  const cell = (p: LonLat) => `${Math.floor(p[0] / 0.002)},${Math.floor(p[1] / 0.002)}`;
  const tooClose = (p: LonLat, m: number) => {
    const cx = Math.floor(p[0] / 0.002);
    const cy = Math.floor(p[1] / 0.002);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? []) if (haversine(p, q) < m) return true;
    return false;
  };
  const remember = (p: LonLat) => {
    const k = cell(p);
    const list = grid.get(k);
    if (list) list.push(p);
    else grid.set(k, [p]);
  };
  const names = new Map<string, number>();
  const nameOf = (road: RoadProps, type: CarparkType): [string, string] => {
    const key = `${road.name_zh}|${type}`;
    const n = (names.get(key) ?? 0) + 1;
    names.set(key, n);
    const [zh, en] = TYPE_WORD[type];
    return type === 'kerbside' ? [`${road.name_zh}${zh}${n}段`, `${road.name_en} ${en}, section ${n}`] : [`${road.name_zh}${zh}${n}号`, `${road.name_en} ${en} ${n}`];
  };
  const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

  // 1. named anchors
  let enclosed = 0;
  for (const a of PARKING_ANCHORS) {
    let p: LonLat = [a.lon, a.lat];
    for (let k = 0; k < 40 && inWater(geo, p); k++) p = [p[0] + 0.0004, p[1]]; // step east off the water
    const d = districtOf(geo, p);
    if (!d) throw new Error(`anchor ${a.name_zh} is outside every district`);
    sites.push({
      id: '',
      name: a.name_zh,
      name_en: a.name_en,
      type: a.type,
      kind: 'enclosed',
      capacity: a.capacity,
      lon: round6(p[0]),
      lat: round6(p[1]),
      district: d.zh,
      district_en: d.en,
      profile: a.type,
      approximate: true,
      demand: drawDemand(r, a.type),
    });
    remember(p);
    enclosed += a.capacity;
  }

  // 2. enclosed car parks from the mixture
  const totalW = CENTRES.reduce((s, c) => s + c.w, 0) + BACKGROUND.w;
  let guard = 0;
  while (enclosed < enclosedSpaces && guard++ < 200_000) {
    let x = r() * totalW;
    let centre: Centre | null = null;
    for (const c of CENTRES) {
      x -= c.w;
      if (x <= 0) {
        centre = c;
        break;
      }
    }
    let p: LonLat;
    let mix: Mix;
    if (centre) {
      p = [centre.at[0] + gaussian(r) * centre.sigmaKm * kmLon(centre.at[1]), centre.at[1] + gaussian(r) * centre.sigmaKm * KM_LAT];
      mix = centre.mix;
    } else {
      p = [RING4[0] + r() * (RING4[2] - RING4[0]), RING4[1] + r() * (RING4[3] - RING4[1])];
      mix = BACKGROUND.mix;
    }
    const type = pick(r, mix) as Exclude<CarparkType, 'kerbside' | 'hub'>;
    const d = districtOf(geo, p);
    if (!d) continue;
    if (inWater(geo, p, 60)) continue;
    const near = nearestRoad(geo, p);
    if (near.distM > (inRing4(p) ? 800 : 2500)) continue;
    if (tooClose(p, 60)) continue;
    const [median, sigma, lo, hi] = CAPACITY[type];
    const capacity = Math.round(Math.max(lo, Math.min(hi, median * Math.exp(sigma * gaussian(r)))));
    const [name, name_en] = nameOf(near.road.properties, type);
    sites.push({ id: '', name, name_en, type, kind: 'enclosed', capacity, lon: round6(p[0]), lat: round6(p[1]), district: d.zh, district_en: d.en, profile: type, demand: drawDemand(r, type) });
    remember(p);
    enclosed += capacity;
  }

  // 3. kerbside segments: a share in slots along the main roads of the network, the rest
  //    on side streets (which the schematic network does not draw), aligned to the grid
  const SLOT_M = 450;
  interface Slot {
    road: Line;
    from: number; // metres along the road
    side: 1 | -1;
    w: number;
    centre: Centre | null;
  }
  const slots: Slot[] = [];
  for (const road of geo.roads) {
    const c = road.properties;
    if (c.class === 'expressway' || (c.class === 'ring' && (c.ring ?? 0) >= 3)) continue;
    const len = lineLength(road.geometry.coordinates);
    for (let s = 0; s + SLOT_M <= len; s += SLOT_M) {
      const mid = pointAlong(road.geometry.coordinates, (s + SLOT_M / 2) / len);
      const dn = density(mid);
      for (const side of [1, -1] as const) slots.push({ road, from: s, side, w: dn.value * dn.value, centre: dn.centre });
    }
  }
  const mLat = 1 / 111_195;
  const kerbSites: Site[] = [];
  let kerb = 0;
  const addKerb = (a0: LonLat, b0: LonLat, road: RoadProps, context: ProfileKey, side: boolean, tol: number): boolean => {
    const a: LonLat = [round6(a0[0]), round6(a0[1])];
    const b: LonLat = [round6(b0[0]), round6(b0[1])];
    const mid: LonLat = [round6((a[0] + b[0]) / 2), round6((a[1] + b[1]) / 2)];
    if (inWater(geo, a, tol) || inWater(geo, b, tol) || inWater(geo, mid, tol)) return false;
    const d = districtOf(geo, mid);
    if (!d) return false;
    if (tooClose(mid, 80)) return false;
    const capacity = Math.max(4, Math.floor(haversine(a, b) / 6));
    const [name0, name_en0] = nameOf(road, 'kerbside');
    const name = side ? name0.replace('路侧泊位', '周边支路泊位') : name0;
    const name_en = side ? name_en0.replace(' kerbside,', ' side street kerbside,') : name_en0;
    kerbSites.push({
      id: '',
      name,
      name_en,
      type: 'kerbside',
      kind: 'kerbside',
      capacity,
      lon: mid[0],
      lat: mid[1],
      district: d.zh,
      district_en: d.en,
      profile: `kerbside/${context}`,
      line: [a[0], a[1], b[0], b[1]],
      demand: drawDemand(r, 'kerbside', context),
    });
    remember(mid);
    kerb += capacity;
    return true;
  };

  let totalSlotW = slots.reduce((a, s) => a + s.w, 0);
  const onMain = kerbSpaces * 0.35;
  while (kerb < onMain && slots.length && totalSlotW > 0) {
    let x = r() * totalSlotW;
    let i = 0;
    for (; i < slots.length - 1; i++) {
      x -= slots[i].w;
      if (x <= 0) break;
    }
    const slot = slots[i];
    slots.splice(i, 1);
    totalSlotW -= slot.w;
    const coords = slot.road.geometry.coordinates;
    const len = lineLength(coords);
    const segLen = 120 + Math.floor(r() * 301);
    const start = slot.from + r() * (SLOT_M - segLen);
    const a = pointAlong(coords, start / len);
    const b = pointAlong(coords, (start + segLen) / len);
    // offset to the side of the carriageway
    const mLon = mLat / Math.cos((a[1] * Math.PI) / 180);
    const dx = (b[0] - a[0]) / mLon;
    const dy = (b[1] - a[1]) / mLat;
    const norm = Math.hypot(dx, dy) || 1;
    const off = 14 * slot.side;
    const ox = (-dy / norm) * off * mLon;
    const oy = (dx / norm) * off * mLat;
    const context = pick(r, slot.centre?.mix ?? BACKGROUND.mix) as ProfileKey;
    addKerb([a[0] + ox, a[1] + oy], [b[0] + ox, b[1] + oy], slot.road.properties, context, false, 5);
  }
  guard = 0;
  while (kerb < kerbSpaces && guard++ < 200_000) {
    let x = r() * (totalW - BACKGROUND.w * 0.5);
    let centre: Centre = CENTRES[0];
    for (const c of CENTRES) {
      centre = c;
      x -= c.w;
      if (x <= 0) break;
    }
    const p: LonLat = [centre.at[0] + gaussian(r) * centre.sigmaKm * kmLon(centre.at[1]), centre.at[1] + gaussian(r) * centre.sigmaKm * KM_LAT];
    const near = nearestRoad(geo, p);
    if (near.distM < 60 || near.distM > (inRing4(p) ? 800 : 2500)) continue;
    const segLen = 120 + Math.floor(r() * 241);
    const eastWest = r() < 0.5;
    const hl = segLen / 2;
    const mLon = mLat / Math.cos((p[1] * Math.PI) / 180);
    const a: LonLat = eastWest ? [p[0] - hl * mLon, p[1]] : [p[0], p[1] - hl * mLat];
    const b: LonLat = eastWest ? [p[0] + hl * mLon, p[1]] : [p[0], p[1] + hl * mLat];
    // a side street does not cross a main road: every 30 m of it stays 20 m off them
    let crosses = false;
    for (let k = 0, steps = Math.ceil(segLen / 30); k <= steps && !crosses; k++) {
      const f = k / steps;
      crosses = nearestRoad(geo, [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])]).distM < 20;
    }
    if (crosses) continue;
    addKerb(a, b, near.road.properties, pick(r, centre.mix) as ProfileKey, true, 40);
  }

  sites.forEach((s, i) => (s.id = `P${String(i + 1).padStart(4, '0')}`));
  kerbSites.forEach((s, i) => (s.id = `K${String(i + 1).padStart(4, '0')}`));
  return [...sites, ...kerbSites];
}
