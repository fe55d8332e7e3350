/**
 * Label anchor points for the basemap, usable by MapLibre (public/geo/labels.geojson,
 * built from these functions) or directly by a deck.gl TextLayer (which draws with the
 * browser's fonts, so Chinese renders offline). Pure: no DOM.
 */
import { bearing, haversine, lineLength, pointAlong, type LonLat } from './geometry';

export type LabelKind = 'district' | 'zone' | 'water' | 'road' | 'landmark';

export interface Label {
  position: LonLat;
  text_zh: string;
  text_en: string;
  kind: LabelKind;
  /** 1 = most important; use to filter by zoom */
  rank: number;
  /** text angle in degrees, counter-clockwise from east, kept readable (-90..90]; 0 for points */
  angle: number;
  /** id/code of the labelled feature */
  ref: string;
}

interface Props {
  [k: string]: unknown;
}
interface AnyFeature {
  properties: Props;
  geometry: { type: string; coordinates: unknown };
}
interface AnyFC {
  features: AnyFeature[];
}

/** Landmarks of the city (WGS84, approximate). */
export const LANDMARKS: { id: string; name_zh: string; name_en: string; at: LonLat; rank: number }[] = [
  { id: 'erqi-tower', name_zh: '二七纪念塔', name_en: 'Erqi Memorial Tower', at: [113.6603, 34.7537], rank: 1 },
  { id: 'zz-station', name_zh: '郑州站', name_en: 'Zhengzhou Railway Station', at: [113.6525, 34.7472], rank: 2 },
  { id: 'zz-east', name_zh: '郑州东站', name_en: 'Zhengzhou East Railway Station', at: [113.773, 34.7601], rank: 1 },
  { id: 'qianxi', name_zh: '千玺广场', name_en: 'Greenland Plaza (Qianxi)', at: [113.7245, 34.7725], rank: 1 },
  { id: 'expo', name_zh: '郑州国际会展中心', name_en: 'Zhengzhou International Convention & Exhibition Centre', at: [113.7342, 34.7695], rank: 2 },
  { id: 'cgo', name_zh: '新郑国际机场', name_en: 'Xinzheng International Airport', at: [113.8408, 34.5197], rank: 1 },
];

function center(p: Props, fallback: LonLat): LonLat {
  const c = p.center as number[] | undefined;
  return c && c.length >= 2 ? [c[0], c[1]] : fallback;
}

export function districtLabels(districts: AnyFC): Label[] {
  return districts.features.map((f) => {
    const p = f.properties;
    const zone = p.kind === 'zone';
    const name_zh = String(p.name_zh);
    const alias = (p.alias_zh as string[] | undefined)?.[0];
    return {
      position: center(p, [113.65, 34.75]),
      // zones are labelled by their usual short names (郑东新区, 航空港区, 经开区, 高新区)
      text_zh: zone && alias && name_zh.length > 5 ? alias : name_zh,
      text_en: String(p.name_en),
      kind: zone ? 'zone' : 'district',
      rank: zone ? 1 : ['410102', '410103', '410104', '410105', '410108'].includes(String(p.code)) ? 1 : 2,
      angle: 0,
      ref: String(p.code),
    } satisfies Label;
  });
}

export function waterLabels(water: AnyFC): Label[] {
  return water.features.map((f) => {
    const p = f.properties;
    let angle = 0;
    let position = center(p, [113.65, 34.75]);
    if (f.geometry.type === 'LineString') {
      const line = f.geometry.coordinates as LonLat[];
      position = center(p, pointAlong(line, 0.5));
      angle = localAngle(line, position);
    }
    return {
      position,
      text_zh: String(p.name_zh),
      text_en: String(p.name_en),
      kind: 'water',
      rank: p.id === 'huanghe' ? 1 : p.kind === 'lake' ? 2 : 3,
      angle,
      ref: String(p.id),
    } satisfies Label;
  });
}

/** Text angle of a line near a point, readable (never upside down). */
function localAngle(line: LonLat[], at: LonLat): number {
  let best = 1;
  let bestD = Infinity;
  for (let i = 1; i < line.length; i++) {
    const mid: LonLat = [(line[i - 1][0] + line[i][0]) / 2, (line[i - 1][1] + line[i][1]) / 2];
    const d = haversine(mid, at);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return readableAngle(bearing(line[best - 1], line[best]));
}

/** Convert a compass bearing to a screen text angle (CCW from east) in (-90, 90]. */
export function readableAngle(bearingDeg: number): number {
  let a = 90 - bearingDeg; // CCW from east
  while (a > 90) a -= 180;
  while (a <= -90) a += 180;
  return Math.round(a * 10) / 10;
}

/**
 * Road name anchors: one at the middle of every road section, plus one every `spacingM`
 * metres on long sections. Rings and expressways rank above arterials.
 */
export function roadLabels(roads: AnyFC, spacingM = 4000): Label[] {
  const out: Label[] = [];
  for (const f of roads.features) {
    if (f.geometry.type !== 'LineString') continue;
    const p = f.properties;
    const line = f.geometry.coordinates as LonLat[];
    const len = lineLength(line);
    const n = Math.max(1, Math.floor(len / spacingM));
    for (let k = 0; k < n; k++) {
      const position = pointAlong(line, (k + 0.5) / n);
      out.push({
        position,
        text_zh: String(p.name_zh),
        text_en: String(p.name_en),
        kind: 'road',
        rank: p.class === 'ring' || p.class === 'expressway' ? 2 : 3,
        angle: localAngle(line, position),
        ref: String(p.id),
      });
    }
  }
  return out;
}

export function landmarkLabels(): Label[] {
  return LANDMARKS.map((l) => ({ position: l.at, text_zh: l.name_zh, text_en: l.name_en, kind: 'landmark', rank: l.rank, angle: 0, ref: l.id }));
}

/** Every basemap label, for a deck.gl TextLayer. */
export function allLabels(data: { districts?: AnyFC; water?: AnyFC; roads?: AnyFC }): Label[] {
  return [
    ...(data.districts ? districtLabels(data.districts) : []),
    ...(data.water ? waterLabels(data.water) : []),
    ...(data.roads ? roadLabels(data.roads) : []),
    ...landmarkLabels(),
  ];
}

/** Point labels as GeoJSON (what public/geo/labels.geojson holds: districts, water, landmarks). */
export function labelsToGeoJSON(labels: Label[]) {
  return {
    type: 'FeatureCollection' as const,
    features: labels.map((l) => ({
      type: 'Feature' as const,
      properties: { name_zh: l.text_zh, name_en: l.text_en, kind: l.kind, rank: l.rank, angle: l.angle, ref: l.ref },
      geometry: { type: 'Point' as const, coordinates: l.position },
    })),
  };
}
