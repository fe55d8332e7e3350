/** The cockpit's clock and control API against a real replay source (in-process worker). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Cockpit } from './cockpit';
import { Config } from './config';
import { TopicRegistry } from '../data/topics';
import { createReplayWorker } from '../data/replay/worker-core';
import type { FromWorker, ToWorker } from '../data/replay/protocol';

const registry = new TopicRegistry();
class InProcessWorker {
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror = null;
  private readonly core = createReplayWorker(registry, (m) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) } as MessageEvent<FromWorker>)));
  postMessage(m: ToWorker) {
    setTimeout(() => this.core.handle(structuredClone(m)));
  }
  terminate() {}
}

const T0 = Date.parse('2021-07-20T00:00:00+08:00');
let server: Server;
let url = '';
beforeAll(async () => {
  const lines = Array.from({ length: 601 }, (_, i) => JSON.stringify({ topic: 'probe', seq: i + 1, ts: T0 + i * 60_000, upsert: [{ id: 'p', minute: i }] }));
  server = createServer((_q, res) => res.end(lines.join('\n')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/t.ndjson`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function cockpitOn(extra: Record<string, unknown> = {}) {
  const c = new Cockpit(Config.parse({ replay: { speed: 60, ...extra } }), [], registry, () => new InProcessWorker() as unknown as Worker);
  await c.open('replay', url);
  return c;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('Cockpit clock', () => {
  it('advances data time by wall time × speed while playing, and applies the data', async () => {
    const c = await cockpitOn();
    expect(c.state().time).toBe(T0);
    c.setSpeed(60);
    c.play();
    c.frame(1000);
    c.frame(1100); // 100 ms at 60× = 6 s of data
    c.frame(1200);
    expect(c.state().time).toBe(T0 + 12_000);
    c.setSpeed(600);
    for (let f = 1; f <= 10; f++) c.frame(1200 + f * 100); // 1 s at 600× = 10 min
    expect(c.state().time).toBe(T0 + 12_000 + 600_000);
    c.frame(2300);
    // the coalesced advance requests land: the tables reach the clock's time
    for (let i = 0; i < 200 && c.state().dataTime !== c.state().time; i++) await settle();
    c.flush();
    expect(c.state().dataTime).toBe(T0 + 672_000);
    expect(c.tables.table('probe').get('p')?.minute).toBe(11); // T0 + 672 s
    c.pause();
    c.frame(2400);
    expect(c.state().time).toBe(T0 + 612_000 + 60_000);
  });

  it('stops at the end (or loops when configured)', async () => {
    const c = await cockpitOn();
    await c.seek(T0 + 599 * 60_000);
    c.setSpeed(600);
    c.play();
    c.frame(1);
    c.frame(200);
    expect(c.state()).toMatchObject({ time: T0 + 600 * 60_000, playing: false });
    const looping = await cockpitOn({ loop: true });
    await looping.seek(T0 + 600 * 60_000 - 1000);
    looping.setSpeed(600);
    looping.play();
    looping.frame(1);
    looping.frame(200);
    expect(looping.state()).toMatchObject({ time: T0, playing: true });
  });

  it('seek clamps to the timeline and lands the state; bad arguments throw', async () => {
    const c = await cockpitOn();
    await c.seek('2021-07-20T05:00:00+08:00');
    expect(c.tables.table('probe').get('p')?.minute).toBe(300);
    expect(c.state().dataTime).toBe(T0 + 300 * 60_000);
    await c.seek(0);
    expect(c.state().time).toBe(T0);
    await expect(c.seek('not a time')).rejects.toThrow(/not a time/);
    expect(() => c.setSpeed(0.1)).toThrow(/speed/);
    expect(() => c.setSpeed(601)).toThrow(/speed/);
    expect(() => c.setLayerVisible('nope', true)).toThrow(/no layer/);
  });

  it('state() reports per-topic counts for the whole file and the entity count at the clock', async () => {
    const c = await cockpitOn();
    await c.seek(T0 - 1);
    const s = c.state();
    expect(s.topics.probe).toMatchObject({ accepted: 601, rejected: 0, status: 'live', count: 1 });
    expect(s.source).toMatchObject({ kind: 'replay', state: 'ready', lines: 601 });
  });
});
