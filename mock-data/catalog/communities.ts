/**
 * The 10,806 residential communities of Zhengzhou's 16 county-level districts — SIMULATED.
 *
 * The number and the district list are real (10,806 communities under three-colour
 * management; public/geo/districts.geojson); each community's place, name, population
 * and outline are generated, seeded and deterministic:
 *  - how many per district: authored shares that follow the city's density (the old urban
 *    districts 金水/二七/中原/管城/惠济 and 郑东 dense, the outer counties sparse);
 *  - where: sampled from a mixture of Gaussian kernels (the urban core, each district's
 *    centre, the county seats and a few towns per county) plus a uniform share, kept if
 *    inside the district polygon (turf point-in-polygon, and inside the simplified outline
 *    the edge check uses) and at least 100–130 m from every other community;
 *  - name: a template in the style of real names (纬五路12号院, 电业局家属院, 锦绣花园,
 *    陈寨新村 …) from the vocabulary in communities-names.ts, unique city-wide, with its
 *    pinyin initials (search) and a pinyin/English name;
 *  - population: log-normal by kind of community; households = population / 2.6–3.1;
 *  - outline: a jittered, rotated rectangle (sometimes with a cut corner) sized from the
 *    population at 20–35 thousand residents per km², shrunk to stay clear of neighbours and
 *    inside the district; about 4 % have no outline (drawn as points).
 * See docs/communities.md.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { gaussian, rng } from '../generator/rng';
import { insideDistrict } from '../../layers/communities/geo';
import { COMMUNITY_TOTAL, DISTRICTS, metresPerDegLon, M_PER_DEG_LAT } from '../../layers/communities/model';
import { loadDistrictsFC } from './communities-outlines';
import { ESTATE_STYLES, ESTATE_WORDS, QUALIFIERS, ROAD_SUFFIXES, STAFF_QUALIFIERS, UNITS, VILLAGE_STYLES, VOCAB, type Token } from './communities-names';

export type CommunityKind = 'numbered' | 'staff' | 'estate' | 'village' | 'roadEstate';

export interface Community {
  id: string;
  name: string;
  name_en: string;
  /** pinyin initials of the name, lower case (digits kept): 纬五路12号院 → wwl12hy */
  py: string;
  district: string;
  lon: number;
  lat: number;
  pop: number;
  households: number;
  /** outline: corner offsets in metres from (lon, lat), [x0, y0, x1, y1, …]; absent → a point */
  shape?: number[];
  kind: CommunityKind;
}

/** Communities per district (sum 10,806): authored to follow the city's density. */
export const DISTRICT_COUNTS: Record<string, number> = {
  '410105': 1780, // 金水
  '410103': 1020, // 二七
  '410102': 1060, // 中原
  '410104': 760, // 管城
  '410108': 520, // 惠济
  ZD: 880, // 郑东新区
  JK: 500, // 经开区
  GX: 520, // 高新区
  HKG: 640, // 航空港区
  '410106': 210, // 上街
  '410122': 560, // 中牟
  '410181': 560, // 巩义
  '410182': 520, // 荥阳
  '410183': 470, // 新密
  '410184': 500, // 新郑
  '410185': 306, // 登封
};

type LonLat = [number, number];
interface Kernel {
  at: LonLat;
  sigmaKm: number;
  weight: number;
}

const CITY_CORE: LonLat = [113.655, 34.757];
/** County seats and zone centres (approximate, WGS84). */
const SEATS: Record<string, LonLat> = {
  ZD: [113.728, 34.772],
  JK: [113.745, 34.705],
  GX: [113.555, 34.812],
  HKG: [113.835, 34.545],
  '410106': [113.294, 34.806],
  '410122': [113.976, 34.719],
  '410181': [113.022, 34.748],
  '410182': [113.383, 34.787],
  '410183': [113.387, 34.539],
  '410184': [113.739, 34.395],
  '410185': [113.05, 34.455],
};
const URBAN = new Set(['410105', '410103', '410102', '410104', '410108']);
const ZONES = new Set(['ZD', 'JK', 'GX', 'HKG']);

const SEED = 10806;

// ---- pinyin and names ------------------------------------------------------------

const CJK = /[\u3400-\u9fff]/;

/** Syllables of a token's pinyin. */
export function syllables(py: string): string[] {
  return py.trim().split(/\s+/).filter(Boolean);
}

/** Number of characters that carry one syllable each (CJK ideographs and Latin letters). */
export function syllableChars(zh: string): number {
  let n = 0;
  for (const ch of zh) if (CJK.test(ch) || /[A-Za-z]/.test(ch)) n++;
  return n;
}

export function initials(py: string): string {
  return syllables(py)
    .map((s) => s[0].toLowerCase())
    .join('');
}

/** Pinyin as one capitalised word with apostrophes where a syllable starts with a vowel: ping an → Ping'an. */
export function pinyinWord(py: string): string {
  const s = syllables(py).map((x, i) => (i > 0 && /^[aoe]/.test(x) ? `'${x}` : x));
  const w = s.join('');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

interface Road {
  zh: string;
  base: string;
  basePy: string;
  py: string;
  en: string;
}

export function parseRoad([zh, basePy, enOverride]: Token): Road {
  const n = syllables(basePy).length;
  const chars = [...zh];
  const base = chars.slice(0, n).join('');
  const suffix = chars.slice(n).join('');
  const suf = ROAD_SUFFIXES.find((s) => s[0] === suffix);
  if (!suf) throw new Error(`road ${zh}: unknown suffix "${suffix}" (pinyin ${basePy})`);
  return { zh, base, basePy, py: `${basePy} ${suf[1]}`, en: enOverride ?? `${pinyinWord(basePy)} ${suf[2]}` };
}

interface Name {
  zh: string;
  en: string;
  py: string;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length) % xs.length];
}

function nameOf(kind: CommunityKind, code: string, r: () => number): Name {
  const v = VOCAB[code];
  const roads = v.roads.map(parseRoad);
  switch (kind) {
    case 'numbered': {
      const road = pick(r, roads);
      const n = 1 + Math.floor(r() ** 1.6 * 160);
      return { zh: `${road.zh}${n}号院`, en: `${road.en} No. ${n} Compound`, py: `${initials(road.py)}${n}hy` };
    }
    case 'staff': {
      const unit = pick(r, UNITS);
      if (r() < 0.7) {
        const road = pick(r, roads);
        return { zh: `${road.zh}${unit[0]}家属院`, en: `${unit[2]} Staff Housing, ${road.en}`, py: `${initials(road.py)}${initials(unit[1])}jsy` };
      }
      return { zh: `${unit[0]}家属院`, en: `${unit[2]} Staff Housing`, py: `${initials(unit[1])}jsy` };
    }
    case 'estate': {
      const w = pick(r, ESTATE_WORDS);
      const s = pick(r, ESTATE_STYLES);
      return { zh: `${w[0]}${s[0]}`, en: `${pinyinWord(w[1])} ${s[2]}`, py: initials(`${w[1]} ${s[1]}`) };
    }
    case 'village': {
      const p = pick(r, v.places);
      const s = pick(r, VILLAGE_STYLES);
      return { zh: `${p[0]}${s[0]}`, en: `${pinyinWord(p[1])} ${s[2]}`, py: initials(`${p[1]} ${s[1]}`) };
    }
    case 'roadEstate': {
      const road = pick(r, roads);
      let s = pick(r, ESTATE_STYLES);
      if (road.base.includes(s[0]) || s[0].includes(road.base)) s = ESTATE_STYLES[0][0] === s[0] ? ESTATE_STYLES[1] : ESTATE_STYLES[0];
      return { zh: `${road.base}${s[0]}`, en: `${pinyinWord(road.basePy)} ${s[2]}`, py: initials(`${road.basePy} ${s[1]}`) };
    }
  }
}

function uniqueName(kind: CommunityKind, code: string, r: () => number, taken: Set<string>): Name {
  for (let attempt = 0; attempt < 60; attempt++) {
    const n = nameOf(kind, code, r);
    if (!taken.has(n.zh)) {
      taken.add(n.zh);
      return n;
    }
    // a numbered compound takes another number; others may become a phase or a yard
    if (kind === 'numbered' || attempt < 3) continue;
    for (const q of kind === 'staff' ? STAFF_QUALIFIERS : QUALIFIERS) {
      const zh = `${n.zh}${q[0]}`;
      if (taken.has(zh)) continue;
      taken.add(zh);
      return { zh, en: `${n.en} (${q[2]})`, py: `${n.py}${initials(q[1])}` };
    }
  }
  throw new Error(`no unique name left for ${kind} in ${code}`);
}

// ---- places ------------------------------------------------------------------------

interface DistrictFeature {
  properties: { code: string; center: LonLat; area_km2: number };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

function bboxOf(f: DistrictFeature): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as LonLat[][][];
  for (const p of polys) for (const [x, y] of p[0]) {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b;
}

function kernelsOf(f: DistrictFeature, r: () => number, inside: (p: LonLat) => boolean, bbox: number[]): { kernels: Kernel[]; uniform: number } {
  const code = f.properties.code;
  const own: Kernel = { at: f.properties.center, sigmaKm: Math.max(1.5, Math.sqrt(f.properties.area_km2) / 3), weight: 0.3 };
  if (URBAN.has(code)) return { kernels: [{ at: CITY_CORE, sigmaKm: 5.5, weight: 0.5 }, own], uniform: 0.2 };
  if (ZONES.has(code)) return { kernels: [{ at: SEATS[code], sigmaKm: 3, weight: 0.55 }, { ...own, weight: 0.2 }], uniform: 0.25 };
  // counties: the seat, and a few towns placed at random inside the district
  const towns: Kernel[] = [];
  for (let tries = 0; towns.length < 4 && tries < 500; tries++) {
    const p: LonLat = [bbox[0] + r() * (bbox[2] - bbox[0]), bbox[1] + r() * (bbox[3] - bbox[1])];
    if (inside(p)) towns.push({ at: p, sigmaKm: 1.2, weight: 0.3 / 4 });
  }
  return { kernels: [{ at: SEATS[code], sigmaKm: code === '410106' ? 2 : 3, weight: 0.5 }, ...towns], uniform: 0.2 };
}

const KINDS: CommunityKind[] = ['numbered', 'staff', 'estate', 'village', 'roadEstate'];

function kindOf(code: string, r: () => number): CommunityKind {
  const mix = VOCAB[code].mix;
  let x = r();
  for (const k of KINDS) {
    x -= mix[k];
    if (x < 0) return k;
  }
  return 'estate';
}

/** Median population and log-normal spread of each kind. */
const POP: Record<CommunityKind, { median: number; sigma: number; density: number }> = {
  numbered: { median: 260, sigma: 0.45, density: 0.032 },
  staff: { median: 380, sigma: 0.5, density: 0.035 },
  estate: { median: 1100, sigma: 0.5, density: 0.03 },
  village: { median: 1450, sigma: 0.55, density: 0.02 },
  roadEstate: { median: 850, sigma: 0.5, density: 0.03 },
};

/** A spatial hash of points in local metres, for minimum spacing and nearest neighbours. */
class Grid {
  private readonly cells = new Map<string, number[]>();
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  constructor(readonly cell: number) {}
  key(cx: number, cy: number) {
    return `${cx},${cy}`;
  }
  add(x: number, y: number): number {
    const i = this.xs.length;
    this.xs.push(x);
    this.ys.push(y);
    const k = this.key(Math.floor(x / this.cell), Math.floor(y / this.cell));
    const c = this.cells.get(k);
    if (c) c.push(i);
    else this.cells.set(k, [i]);
    return i;
  }
  /** distance to the nearest other point within `reach` cells (Infinity if none) */
  nearest(x: number, y: number, self = -1, reach = 1): number {
    const cx = Math.floor(x / this.cell);
    const cy = Math.floor(y / this.cell);
    let best = Infinity;
    for (let dx = -reach; dx <= reach; dx++)
      for (let dy = -reach; dy <= reach; dy++) {
        const c = this.cells.get(this.key(cx + dx, cy + dy));
        if (!c) continue;
        for (const i of c) {
          if (i === self) continue;
          const d = Math.hypot(this.xs[i] - x, this.ys[i] - y);
          if (d < best) best = d;
        }
      }
    return best;
  }
}

const LAT0 = 34.7;
const KX = metresPerDegLon(LAT0);
const toXY = (p: LonLat): [number, number] => [(p[0] - 113) * KX, (p[1] - 34) * M_PER_DEG_LAT];

function outline(w: number, h: number, rot: number, r: () => number): number[] {
  const j = () => 1 + (r() - 0.5) * 0.12;
  let pts: [number, number][] = [
    [(-w / 2) * j(), (-h / 2) * j()],
    [(w / 2) * j(), (-h / 2) * j()],
    [(w / 2) * j(), (h / 2) * j()],
    [(-w / 2) * j(), (h / 2) * j()],
  ];
  if (r() < 0.25) {
    // a cut corner: an L-ish plot along a street corner
    const c = Math.floor(r() * 4);
    const prev = pts[(c + 3) % 4];
    const cur = pts[c];
    const next = pts[(c + 1) % 4];
    const a: [number, number] = [cur[0] + (prev[0] - cur[0]) * 0.3, cur[1] + (prev[1] - cur[1]) * 0.3];
    const b: [number, number] = [cur[0] + (next[0] - cur[0]) * 0.3, cur[1] + (next[1] - cur[1]) * 0.3];
    pts = [...pts.slice(0, c), a, b, ...pts.slice(c + 1)];
  }
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  const out: number[] = [];
  for (const [x, y] of pts) out.push(Math.round(x * cos - y * sin), Math.round(x * sin + y * cos));
  return out;
}

function cornersInside(lon: number, lat: number, shape: number[], f: DistrictFeature, code: string): boolean {
  const kx = 1 / metresPerDegLon(lat);
  for (let i = 0; i < shape.length; i += 2) {
    const p: LonLat = [lon + shape[i] * kx, lat + shape[i + 1] / M_PER_DEG_LAT];
    if (!booleanPointInPolygon(p, f as never) || !insideDistrict(p[0], p[1], code)) return false;
  }
  return true;
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

export function generateCommunities(fc = loadDistrictsFC() as unknown as { features: DistrictFeature[] }, seed = SEED): Community[] {
  const r = rng(seed);
  const out: Community[] = [];
  const taken = new Set<string>();
  const grid = new Grid(150);
  for (const d of DISTRICTS) {
    const f = fc.features.find((x) => x.properties.code === d.code);
    if (!f) throw new Error(`district ${d.code} missing from districts.geojson`);
    const bbox = bboxOf(f);
    const inside = (p: LonLat) => booleanPointInPolygon(p, f as never) && insideDistrict(p[0], p[1], d.code);
    const { kernels, uniform } = kernelsOf(f, r, inside, bbox);
    const total = uniform + kernels.reduce((a, k) => a + k.weight, 0);
    const minGap = URBAN.has(d.code) || ZONES.has(d.code) ? 100 : 130;
    const placed: { p: LonLat; i: number }[] = [];
    let tries = 0;
    while (placed.length < DISTRICT_COUNTS[d.code]) {
      if (++tries > 2_000_000) throw new Error(`could not place communities in ${d.code}`);
      let x = r() * total - uniform;
      let p: LonLat;
      if (x < 0) p = [bbox[0] + r() * (bbox[2] - bbox[0]), bbox[1] + r() * (bbox[3] - bbox[1])];
      else {
        let k = kernels[0];
        for (const kk of kernels) {
          k = kk;
          x -= kk.weight;
          if (x < 0) break;
        }
        const s = k.sigmaKm * 1000;
        p = [k.at[0] + (gaussian(r) * s) / KX, k.at[1] + (gaussian(r) * s) / M_PER_DEG_LAT];
      }
      p = [round5(p[0]), round5(p[1])];
      const [mx, my] = toXY(p);
      if (grid.nearest(mx, my) < minGap) continue;
      if (!inside(p)) continue;
      placed.push({ p, i: grid.add(mx, my) });
    }
    // numbering runs north to south, west to east
    placed.sort((a, b) => b.p[1] - a.p[1] || a.p[0] - b.p[0]);
    placed.forEach(({ p, i }, n) => {
      const kind = kindOf(d.code, r);
      const name = uniqueName(kind, d.code, r, taken);
      const pm = POP[kind];
      const scale = URBAN.has(d.code) || ZONES.has(d.code) ? 1 : 0.8;
      const pop = Math.max(60, Math.round(pm.median * scale * Math.exp(pm.sigma * gaussian(r))));
      const households = Math.round(pop / (2.6 + r() * 0.5));
      out.push({ id: `${d.code}-${String(n + 1).padStart(4, '0')}`, name: name.zh, name_en: name.en, py: name.py, district: d.code, lon: p[0], lat: p[1], pop, households, kind, _grid: i } as Community & { _grid: number });
    });
  }
  // outlines, now that every neighbour is known
  for (const c of out as (Community & { _grid: number })[]) {
    const f = fc.features.find((x) => x.properties.code === c.district)!;
    const [mx, my] = toXY([c.lon, c.lat]);
    const nn = grid.nearest(mx, my, c._grid, 2);
    delete (c as { _grid?: number })._grid;
    if (r() < 0.04) continue; // no surveyed outline: a point
    const side = Math.sqrt(c.pop / POP[c.kind].density);
    const aspect = 0.65 + r() * 0.85;
    let w = Math.min(320, Math.max(60, side * Math.sqrt(aspect)));
    let h = Math.min(320, Math.max(60, side / Math.sqrt(aspect)));
    // keep clear of the nearest neighbour: half the diagonal at most 45 % of the gap
    const fit = Math.min(1, (0.45 * nn) / (0.5 * Math.hypot(w, h)));
    w *= fit;
    h *= fit;
    const rot = ((URBAN.has(c.district) || ZONES.has(c.district) ? 6 : 15) * gaussian(r) * Math.PI) / 180;
    let shape = outline(w, h, rot, r);
    for (let k = 0; k < 3 && !cornersInside(c.lon, c.lat, shape, f, c.district); k++) shape = shape.map((v) => Math.round(v * 0.7));
    if (cornersInside(c.lon, c.lat, shape, f, c.district)) c.shape = shape;
  }
  if (out.length !== COMMUNITY_TOTAL) throw new Error(`generated ${out.length} communities, expected ${COMMUNITY_TOTAL}`);
  return out;
}

let cache: Community[] | null = null;
/** The catalog (generated once per process). */
export function communities(): Community[] {
  cache ??= generateCommunities();
  return cache;
}
