/**
 * The parking timeline (simulated): the city's car parks (mock-data/generator/parking-sites.ts)
 * and their occupancy from the demand model (mock-data/generator/parking-demand.ts).
 *
 *  - `carparks`: one snapshot at the start (static: name, type, capacity, district …).
 *  - `parking`: one snapshot at the start (`{"id":"P0123","free":37,"cap":120}`), then every
 *    `stepMin` minutes a delta with only the car parks whose free count changed:
 *    `{"id":"P0123","free":36}` (the capacity is carried forward by the edge's check; leaving
 *    it out of 1.3 million readings keeps the working-day file 11 MB smaller).
 *    The model runs minute by minute whatever `stepMin` is, so a 5-minute timeline is the
 *    1-minute one sampled every fifth minute.
 *  - `parking-city`: every 5 minutes the city's totals and the occupancy per use.
 *  - `events`: the morning office peak and the evening mall peak of each day.
 */
import { CARPARK_TYPES, CITY_ID, type CarparkType } from '../../layers/parking/topic';
import type { Entity } from '../../src/data/wire';
import { DemandSim, storm2021, type Disruption } from './parking-demand';
import { buildSites, type Site } from './parking-sites';
import type { TimelineBuilder } from './timeline';

export interface ParkingOptions {
  /** minutes between occupancy deltas (1 = every minute) */
  stepMin?: number;
  /** minutes between occupancy deltas from 00:00 to 06:00 (default: stepMin) */
  nightStepMin?: number;
  /** minutes between city totals */
  cityStepMin?: number;
  disruption?: Disruption;
  seed?: number;
  sites?: Site[];
}

const MIN = 60_000;

/**
 * The embedded default (3 days, 19–22 July 2021): deltas every 5 minutes (every 15 from
 * 00:00 to 06:00, when little moves) to keep the file near 36 MB; the rainstorm of 20 July
 * disrupts the demand.
 */
export const PARKING_DEFAULT: ParkingOptions = { stepMin: 5, nightStepMin: 15, disruption: storm2021 };

/** The working-day scenario: Monday 19 July 2021 00:00 to Tuesday 01:00, deltas every minute. */
export const PARKING_WORKDAY = { from: Date.parse('2021-07-19T00:00:00+08:00'), to: Date.parse('2021-07-20T01:00:00+08:00') };

let cachedSites: Site[] | null = null;
/** The sites of the default city (built once per process). */
export function defaultSites(): Site[] {
  cachedSites ??= buildSites();
  return cachedSites;
}

/** The static entity of a car park (topic `carparks`). */
export function carparkEntity(s: Site): Entity {
  const e: Record<string, unknown> = {
    id: s.id,
    lon: s.lon,
    lat: s.lat,
    name: s.name,
    name_en: s.name_en,
    type: s.type,
    kind: s.kind,
    capacity: s.capacity,
    district: s.district,
    district_en: s.district_en,
    profile: s.profile,
  };
  if (s.line) e.line = s.line;
  if (s.approximate) e.approximate = true;
  e.simulated = true;
  return e as Entity;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Adds the parking topics over [from, to) to a timeline. */
export function buildParking(b: TimelineBuilder, w: { from: number; to: number }, opts: ParkingOptions = {}): { carparks: number; spaces: number; updates: number } {
  const stepMin = opts.stepMin ?? 1;
  const cityStep = opts.cityStepMin ?? 5;
  const nightStep = opts.nightStepMin ?? stepMin;
  const sites = opts.sites ?? defaultSites();
  const n = sites.length;
  const caps = sites.map((s) => s.capacity);
  const sim = new DemandSim(
    sites.map((s) => s.demand),
    caps,
    opts.seed ?? 7_2021,
    opts.disruption,
  );
  const typeIdx = sites.map((s) => CARPARK_TYPES.indexOf(s.type));
  const capByType = new Float64Array(CARPARK_TYPES.length);
  for (let i = 0; i < n; i++) capByType[typeIdx[i]] += caps[i];
  const spaces = caps.reduce((a, c) => a + c, 0);

  b.add('carparks', w.from, { snapshot: true, upsert: sites.map(carparkEntity) });
  let occ = sim.step(w.from);
  const lastFree = new Int32Array(n);
  const first: Entity[] = [];
  for (let i = 0; i < n; i++) {
    lastFree[i] = caps[i] - occ[i];
    first.push({ id: sites[i].id, free: lastFree[i], cap: caps[i] });
  }
  b.add('parking', w.from, { snapshot: true, upsert: first });

  // daily peaks as events: the first time offices pass 85 % in the morning, malls 80 % in the evening
  const peakSeen = new Set<string>();
  const biggest = (type: CarparkType) => sites.filter((s) => s.type === type).reduce((a, s) => (s.capacity > a.capacity ? s : a));
  const office = biggest('office');
  const mall = biggest('mall');

  let updates = 0;
  const city = (t: number) => {
    const occByType = new Float64Array(CARPARK_TYPES.length);
    let free = 0;
    for (let i = 0; i < n; i++) {
      occByType[typeIdx[i]] += occ[i];
      free += caps[i] - occ[i];
    }
    const e: Record<string, unknown> = { id: CITY_ID, capacity: spaces, free, carparks: n };
    CARPARK_TYPES.forEach((k, j) => {
      if (capByType[j] > 0) e[`occ_${k}`] = round3(occByType[j] / capByType[j]);
    });
    b.add('parking-city', t, { upsert: [e as Entity] });
    const day = new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
    const hour = ((t + 8 * 3600_000) % 86_400_000) / 3600_000;
    const offOcc = e.occ_office as number;
    const mallOcc = e.occ_mall as number;
    if (hour < 12 && offOcc >= 0.85 && !peakSeen.has(`o${day}`)) {
      peakSeen.add(`o${day}`);
      b.add('events', t, {
        upsert: [{ id: `ev-parking-office-${day}`, title: `早高峰：写字楼停车场占用率达 ${Math.round(offOcc * 100)}%（模拟）`, title_en: `Morning peak: office car parks ${Math.round(offOcc * 100)} % full (simulated)`, level: 'info', ref_topic: 'carparks', ref_id: office.id, lon: office.lon, lat: office.lat }],
      });
    }
    if (hour >= 17 && mallOcc >= 0.8 && !peakSeen.has(`m${day}`)) {
      peakSeen.add(`m${day}`);
      b.add('events', t, {
        upsert: [{ id: `ev-parking-mall-${day}`, title: `晚高峰：商业停车场占用率达 ${Math.round(mallOcc * 100)}%（模拟）`, title_en: `Evening peak: shopping-centre car parks ${Math.round(mallOcc * 100)} % full (simulated)`, level: 'info', ref_topic: 'carparks', ref_id: mall.id, lon: mall.lon, lat: mall.lat }],
      });
    }
  };
  city(w.from);

  for (let t = w.from + MIN, k = 1; t < w.to; t += MIN, k++) {
    occ = sim.step(t);
    const hour = ((t + 8 * 3600_000) % 86_400_000) / 3600_000;
    if (k % (hour < 6 ? nightStep : stepMin) === 0) {
      const upsert: Entity[] = [];
      for (let i = 0; i < n; i++) {
        const free = caps[i] - occ[i];
        if (free !== lastFree[i]) {
          lastFree[i] = free;
          upsert.push({ id: sites[i].id, free });
        }
      }
      if (upsert.length) {
        b.add('parking', t, { upsert });
        updates += upsert.length;
      }
    }
    if (k % cityStep === 0) city(t);
  }
  return { carparks: n, spaces, updates };
}
