/**
 * A large synthetic timeline for benchmarks (seek cost, load time): `n` messages over a
 * day on a `probes` topic of 2,000 moving sensors (1–4 updates a message) and a
 * `hotspots`-shaped topic. Streams to disk; never holds the file in memory.
 */
import type { Writable } from 'node:stream';
import { rng } from './rng';
import { isoBeijing } from './timeline';

export async function writeLargeTimeline(out: Writable, n: number, seed = 7): Promise<void> {
  const r = rng(seed);
  const start = Date.parse('2021-07-20T00:00:00+08:00');
  const span = 24 * 3600_000;
  const probes = 2000;
  const lon = new Float64Array(probes).map(() => 113.5 + r() * 0.3);
  const lat = new Float64Array(probes).map(() => 34.65 + r() * 0.2);
  const seq: Record<string, number> = { probes: 0, hotspots: 0 };
  let buf = '';
  for (let i = 0; i < n; i++) {
    const t = start + Math.floor((i / n) * span);
    let line: string;
    if (i % 50 === 0) {
      const id = `H${String(1 + Math.floor(r() * 51)).padStart(2, '0')}`;
      line = JSON.stringify({ topic: 'hotspots', seq: ++seq.hotspots, ts: isoBeijing(t), upsert: [{ id, name: id, lon: 113.6 + r() * 0.1, lat: 34.7 + r() * 0.1, depth_cm: Math.round(r() * 80) }] });
    } else {
      const k = 1 + Math.floor(r() * 4);
      const upsert = [];
      const picked = new Set<number>();
      for (let j = 0; j < k; j++) {
        const p = Math.floor(r() * probes);
        if (picked.has(p)) continue; // one update per entity per message
        picked.add(p);
        lon[p] += (r() - 0.5) * 0.001;
        lat[p] += (r() - 0.5) * 0.001;
        upsert.push({ id: `p${p}`, lon: Math.round(lon[p] * 1e6) / 1e6, lat: Math.round(lat[p] * 1e6) / 1e6, v: Math.round(r() * 100) });
      }
      line = JSON.stringify({ topic: 'probes', seq: ++seq.probes, ts: t, upsert });
    }
    buf += line + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((res) => out.once('drain', res));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
}
