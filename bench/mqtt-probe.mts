/**
 * Probe: how fast Debian's Mosquitto relays 14 KB messages to a TCP subscriber and to a
 * WebSocket subscriber (the transport the browser's MQTT source uses). 'npx tsx bench/mqtt-probe.mts'.
 * Run 2026-11-23 (2 cores, loaded): TCP 176 msgs/s (publisher-bound), WebSocket 44 msgs/s (~620 KB/s):
 * the broker's WebSocket listener, not the cockpit, caps MQTT ingest at ~2.6k entity updates/s
 * in the live-sources benchmark (docs/benchmark.md).
 */
import mqtt from 'mqtt';
import { startBroker } from '../e2e/mosquitto';
const broker = await startBroker(18831, 18832);
const payload = JSON.stringify({ topic: 'hotspots', seq: 1, ts: Date.now(), upsert: Array.from({ length: 200 }, (_, i) => ({ id: `S${i}`, name: `S${i}`, lon: 113.6 + i / 1000, lat: 34.7, depth_cm: 42 })) });
console.log('payload bytes', payload.length);
const pub = mqtt.connect('mqtt://127.0.0.1:18831');
const tcp = mqtt.connect('mqtt://127.0.0.1:18831');
const ws = mqtt.connect('ws://127.0.0.1:18832');
const n = { tcp: 0, ws: 0 };
await Promise.all([tcp, ws, pub].map((c) => new Promise((r) => c.on('connect', r))));
tcp.subscribe('p/#'); ws.subscribe('p/#');
tcp.on('message', () => n.tcp++); ws.on('message', () => n.ws++);
await new Promise((r) => setTimeout(r, 500));
const t0 = Date.now();
const timer = setInterval(() => { for (let i = 0; i < 5; i++) pub.publish('p/hotspots', payload); }, 20); // 250 msgs/s
await new Promise((r) => setTimeout(r, 8000));
clearInterval(timer);
await new Promise((r) => setTimeout(r, 1000));
const s = (Date.now() - t0) / 1000;
console.log('sent ~', Math.round(250 * 8), 'tcp', n.tcp, 'ws', n.ws, 'per s tcp', (n.tcp / s).toFixed(0), 'ws', (n.ws / s).toFixed(0));
for (const c of [pub, tcp, ws]) c.end(true);
await broker.stop();
