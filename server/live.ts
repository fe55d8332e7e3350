/**
 * The reference live server: the seeded city (server/city.ts) in real time, served in the
 * wire format (docs/wire-format.md) as
 *   GET  /api/snapshot   NDJSON, one snapshot message per topic; ETag / 304
 *   GET  /api/stream     Server-Sent Events, one message per event
 *   WS   /api/ws         one message per text frame
 *   MQTT cockpit/<topic> (with --mqtt <broker url>)
 * Streams also carry a heartbeat every 2 s with the last sequence number of each topic
 * (SSE `event: heartbeat`, WS `{"heartbeat": {"seqs": …}}`, MQTT `cockpit/_heartbeat`),
 * so a client that lost a topic's last message resynchronises without waiting for the next.
 * and the built cockpit (dist/) at /, so http://host:port/?source=sse&url=/api/stream
 * opens the cockpit against it.
 *
 *   npm run live -- [--port 8787] [--at 2021-07-20T15:00:00+08:00] [--epoch <wall ms>] [--speed 1]
 *                   [--mqtt mqtt://127.0.0.1:1883] [--token <secret>] [--faults] [--connect ws://broker:9001,…]
 *
 * --epoch pins the wall time at which the story was at --at (a restarted server then
 * resumes the same story). --faults enables /api/admin/* for the fault tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createWallRelay } from './wallRelay';
import mqtt from 'mqtt';
import { LiveCity, type WireMessage } from './city';
import { cspForFile } from './csp';

export interface LiveServerOptions {
  port?: number;
  host?: string;
  at?: string | number;
  epoch?: number;
  mqtt?: string;
  token?: string;
  faults?: boolean;
  fixture?: string;
  dist?: string;
  /** how often the city is advanced, ms */
  tickMs?: number;
  /** how often streams get the per-topic sequence numbers, ms */
  heartbeatMs?: number;
  /** story seconds per wall second (demos, tests) */
  speed?: number;
  /** prebuilt fixture lines (tests restarting the server) */
  lines?: string[];
  quiet?: boolean;
  /** more connect-src origins for the served cockpit's CSP (default: the MQTT broker's host, WebSocket, any port) */
  connect?: string[];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.ndjson': 'application/x-ndjson',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export async function startLiveServer(opts: LiveServerOptions = {}) {
  const host = opts.host ?? '127.0.0.1';
  const log = (...a: unknown[]) => opts.quiet || console.log(...a);
  const city = new LiveCity({ fixture: opts.fixture, at: opts.at, now: opts.epoch, speed: opts.speed, lines: opts.lines });
  const dist = resolve(opts.dist ?? 'dist');
  // the served cockpit may connect to its own origin, config.json's sources and the broker's WebSocket listener (SECURITY.md)
  const brokerHost = opts.mqtt ? /^[a-z]+:\/\/([^/:]+)/i.exec(opts.mqtt)?.[1] : undefined;
  const connectExtra = opts.connect ?? (brokerHost ? [`ws://${brokerHost}:*`, `wss://${brokerHost}:*`] : []);
  const sse = new Set<ServerResponse>();
  const sockets = new Set<WebSocket>();
  const faults = { outageUntil: 0, duplicate: 0, reorder: 0, malformedEvery: 0, counter: 0 };
  let publisher: mqtt.MqttClient | null = null;
  if (opts.mqtt) {
    publisher = mqtt.connect(opts.mqtt, { reconnectPeriod: 1000, clientId: `cockpit-live-${process.pid}` });
    publisher.on('error', (e) => log(`mqtt: ${e.message}`));
  }

  const authorized = (req: IncomingMessage) => !opts.token || req.headers.authorization === `Bearer ${opts.token}`;
  const inOutage = () => Date.now() < faults.outageUntil;

  function cors(res: ServerResponse) {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, if-none-match, accept');
    res.setHeader('access-control-expose-headers', 'etag');
  }

  function snapshotText(): string {
    return city.snapshot().map((m) => JSON.stringify(m)).join('\n') + '\n';
  }

  /** What goes on the wire for a batch, with the configured faults applied. */
  function wire(batch: WireMessage[]): string[] {
    const out: string[] = [];
    for (const m of batch) {
      const text = JSON.stringify(m);
      faults.counter++;
      if (faults.malformedEvery && faults.counter % faults.malformedEvery === 0) out.push('{"topic":"' + m.topic + '","seq":'); // truncated
      out.push(text);
      if (faults.duplicate > 0) {
        faults.duplicate--;
        out.push(text);
      }
    }
    if (faults.reorder > 0 && out.length >= 2) {
      faults.reorder--;
      [out[0], out[1]] = [out[1], out[0]];
    }
    return out;
  }

  function broadcast(batch: WireMessage[]) {
    if (!batch.length) return;
    const lines = wire(batch);
    if (!inOutage()) {
      for (const res of sse) for (const l of lines) res.write(`data: ${l}\n\n`);
      for (const ws of sockets) for (const l of lines) ws.send(l);
    }
    if (publisher?.connected) for (let i = 0; i < batch.length; i++) publisher.publish(`cockpit/${batch[i].topic}`, JSON.stringify(batch[i]));
  }

  // selective topics (the in-vehicle ECG): streamed only to the clients that subscribed,
  // numbered per subscription from 1 (WS {"subscribe": {"topic": "ecg", "ids": [...]}} or
  // an SSE side stream /api/stream?topics=ecg&ids=A001)
  interface EcgSub {
    send(line: string): void;
    ids: string[];
    seq: number;
    last: number;
  }
  const ecgSubs = new Set<EcgSub>();
  const subscribeEcg = (send: (line: string) => void, ids: string[]): EcgSub => {
    // the last 3 s at once, so a strip fills without waiting
    const sub: EcgSub = { send, ids: ids.slice(0, 20).map(String), seq: 0, last: city.storyTime() - 3000 * city.speed };
    ecgSubs.add(sub);
    return sub;
  };
  const streamEcg = () => {
    if (!city.ambulances || inOutage()) return;
    const now = city.storyTime();
    for (const sub of ecgSubs) {
      for (const id of sub.ids) for (const b of city.ambulances.ecg(id, sub.last, now)) sub.send(JSON.stringify({ topic: 'ecg', seq: ++sub.seq, ts: Math.round((b.t0 as number) + 1000 / city.speed), upsert: [b] }));
      sub.last = now;
    }
  };

  let paused = false;
  const tick = setInterval(() => {
    if (paused) return;
    broadcast(city.advance());
    streamEcg();
  }, opts.tickMs ?? 100);
  // every 2 s, each stream learns the last sequence number of every topic, sent after the
  // messages it covers: a client that lost the last message of a topic sees it at once
  const heartbeat = setInterval(() => {
    if (inOutage()) return;
    const seqs = JSON.stringify({ seqs: city.seqs() });
    for (const res of sse) res.write(`event: heartbeat\ndata: ${seqs}\n\n`);
    for (const ws of sockets) ws.send(`{"heartbeat":${seqs}}`);
    if (publisher?.connected) publisher.publish('cockpit/_heartbeat', seqs);
  }, opts.heartbeatMs ?? 2000);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    cors(res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const path = url.pathname;

    if (path.startsWith('/api/admin/')) {
      if (!opts.faults) return void res.writeHead(404).end('faults disabled');
      const n = Number(url.searchParams.get('n') ?? url.searchParams.get('ms') ?? url.searchParams.get('every') ?? 0);
      if (path === '/api/admin/outage') {
        faults.outageUntil = Date.now() + n;
        for (const r of sse) r.destroy();
        sse.clear();
        for (const ws of sockets) ws.terminate();
        sockets.clear();
      } else if (path === '/api/admin/duplicate') faults.duplicate = n;
      else if (path === '/api/admin/reorder') faults.reorder = n;
      else if (path === '/api/admin/malformed') faults.malformedEvery = n;
      else return void res.writeHead(404).end('no such fault');
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, path, n }));
    }

    if (path.startsWith('/api/')) {
      if (!authorized(req)) return void res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
      if (inOutage()) return void res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('outage (fault test)');
    }
    if (path === '/api/health') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, version: city.version, clients: { sse: sse.size, ws: sockets.size }, done: city.done }));
    }
    if (path === '/api/snapshot') {
      const etag = `"v${city.version}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      return void res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', etag, 'cache-control': 'no-cache' }).end(snapshotText());
    }
    if (path === '/api/stream' && url.searchParams.get('topics') === 'ecg') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': cockpit selective stream (ecg)\n\n');
      const sub = subscribeEcg((l) => res.write(`data: ${l}\n\n`), (url.searchParams.get('ids') ?? '').split(',').filter(Boolean));
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      res.on('close', () => {
        clearInterval(keepAlive);
        ecgSubs.delete(sub);
      });
      return;
    }
    if (path === '/api/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': cockpit live stream\n\n');
      sse.add(res);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      res.on('close', () => {
        clearInterval(keepAlive);
        sse.delete(res);
      });
      return;
    }
    // the built cockpit
    let file = normalize(join(dist, decodeURIComponent(path)));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('dist/ is missing: run npm run build');
    if (file.endsWith('.map')) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('source maps are not served');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': cspForFile(join(dist, 'config.json'), connectExtra), 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true });
  // the video wall's sync relay (browsers of one wall on several machines)
  const wallRelay = createWallRelay(opts.token);
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (wallRelay.handleUpgrade(req, socket, head, url)) return;
    if (url.pathname !== '/api/ws' || inOutage()) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!opts.token) sockets.add(ws);
      ws.on('message', (data) => {
        if (!opts.token || sockets.has(ws)) return;
        try {
          const m = JSON.parse(String(data)) as { auth?: string };
          if (m.auth === opts.token) sockets.add(ws);
          else ws.close(4001, 'unauthorized');
        } catch {
          ws.close(4001, 'unauthorized');
        }
      });
      ws.on('close', () => sockets.delete(ws));
      let ecgSub: EcgSub | null = null;
      ws.on('message', (data) => {
        let m: { subscribe?: { topic?: unknown; ids?: unknown } };
        try {
          m = JSON.parse(String(data));
        } catch {
          return;
        }
        if (!m?.subscribe || m.subscribe.topic !== 'ecg' || (opts.token && !sockets.has(ws))) return;
        if (ecgSub) ecgSubs.delete(ecgSub);
        const ids = Array.isArray(m.subscribe.ids) ? (m.subscribe.ids as unknown[]).map(String) : [];
        ecgSub = ids.length ? subscribeEcg((l) => ws.send(l), ids) : null;
      });
      ws.on('close', () => ecgSub && ecgSubs.delete(ecgSub));
    });
  });

  await new Promise<void>((r) => server.listen(opts.port ?? 8787, host, r));
  const port = (server.address() as { port: number }).port;
  const base = `http://${host}:${port}`;
  log(`live city on ${base} (story at ${new Date(city.storyTime()).toISOString()}, ${city.speed}× story speed; the data clock is the wall clock)`);
  log(`  cockpit (SSE):       ${base}/?source=sse&url=/api/stream`);
  log(`  cockpit (WebSocket): ${base}/?source=ws&url=/api/ws`);
  log(`  cockpit (HTTP poll): ${base}/?source=http&url=/api/snapshot`);
  if (opts.mqtt) log(`  MQTT: publishing cockpit/<topic> to ${opts.mqtt}`);

  return {
    base,
    port,
    city,
    /** hold the story (tests compare a still state); heartbeats go on */
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    async close() {
      clearInterval(tick);
      clearInterval(heartbeat);
      for (const r of sse) r.destroy();
      for (const ws of sockets) ws.terminate();
      wallRelay.close();
      wss.close();
      publisher?.end(true);
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections(); // keep-alive sockets too: a restart on the same port must not wait for them
      await closed;
    },
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && /server[\\/]live\.ts$/.test(process.argv[1])) {
  startLiveServer({
    port: Number(arg('port') ?? 8787),
    host: arg('host') ?? '127.0.0.1',
    at: arg('at'),
    epoch: arg('epoch') ? Number(arg('epoch')) : undefined,
    speed: arg('speed') ? Number(arg('speed')) : undefined,
    mqtt: arg('mqtt'),
    token: arg('token') ?? process.env.COCKPIT_LIVE_TOKEN,
    faults: process.argv.includes('--faults'),
    fixture: arg('fixture'),
    connect: arg('connect')?.split(','),
  }).catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
