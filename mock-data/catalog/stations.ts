/**
 * 120 ambulance stations (急救站). Each hospital of mock-data/catalog/hospitals.ts hosts a
 * station (its ambulances wait at its emergency department); SATELLITE stations (community
 * stations, 社区急救站点) are PLACED BY A SEEDED RULE, not from a list of real sites: on
 * junctions of the schematic road network, spread by farthest-point sampling so that every
 * part of the network is covered, more densely near the centre. Positions of hospital
 * stations are the hospital's nearest road junction (ambulances wait on the road network).
 */
import { HOSPITALS } from './hospitals';
import type { LonLat } from '../../src/geo/geometry';
import { haversine } from '../../src/geo/geometry';

export interface StationDef {
  id: string;
  name: string;
  name_en: string;
  /** road-graph node where its ambulances wait */
  node: number;
  lon: number;
  lat: number;
  /** hosting hospital, if any */
  hospital?: string;
  fleet: number;
}

/** City centre (二七广场 area): satellite stations are denser near it. */
export const CENTRE: LonLat = [113.665, 34.757];

export function buildStations(nodes: readonly LonLat[], usable: readonly number[], nearest: (p: LonLat) => number, satellites = 40, satelliteFleet = 3): StationDef[] {
  const out: StationDef[] = HOSPITALS.map((h, i) => {
    const node = nearest([h.lon, h.lat]);
    return { id: `S${String(i + 1).padStart(2, '0')}`, name: `${h.name}急救站`, name_en: `${h.name_en} ambulance station`, node, lon: nodes[node][0], lat: nodes[node][1], hospital: h.id, fleet: h.fleet };
  });
  // farthest-point sampling with a centre weight: distance to the nearest station, divided by
  // (1 + distance to the centre / 8 km), so the centre is covered more densely
  const d = usable.map((n) => Math.min(...out.map((s) => haversine(nodes[n], nodes[s.node]))));
  for (let k = 0; k < satellites; k++) {
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < usable.length; i++) {
      const score = d[i] / (1 + haversine(nodes[usable[i]], CENTRE) / 8000);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0 || d[best] < 300) break;
    const node = usable[best];
    const id = `S${String(out.length + 1).padStart(2, '0')}`;
    out.push({ id, name: `社区急救站 ${id}（模拟）`, name_en: `Community ambulance station ${id} (simulated)`, node, lon: nodes[node][0], lat: nodes[node][1], fleet: satelliteFleet });
    for (let i = 0; i < usable.length; i++) d[i] = Math.min(d[i], haversine(nodes[usable[i]], nodes[node]));
  }
  return out;
}
