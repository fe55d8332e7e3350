/** A real Mosquitto broker (Debian's), on loopback ports, with a WebSocket listener. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MOSQUITTO = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p)) ?? 'mosquitto';

function waitPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tryOnce = () => {
      const s = createConnection({ host: '127.0.0.1', port }, () => {
        s.end();
        resolve();
      });
      s.on('error', () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`port ${port} did not open`));
        else setTimeout(tryOnce, 100);
      });
    };
    tryOnce();
  });
}

export interface Broker {
  mqttPort: number;
  wsPort: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export async function startBroker(mqttPort: number, wsPort: number): Promise<Broker> {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, [`listener ${mqttPort} 127.0.0.1`, 'protocol mqtt', `listener ${wsPort} 127.0.0.1`, 'protocol websockets', 'allow_anonymous true', 'persistence false', ''].join('\n'));
  let proc: ChildProcess | null = null;
  const start = async () => {
    proc = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' });
    await waitPort(mqttPort);
    await waitPort(wsPort);
  };
  const stop = () =>
    new Promise<void>((r) => {
      if (!proc || proc.exitCode !== null) return r();
      proc.once('exit', () => r());
      proc.kill('SIGTERM');
    });
  await start();
  return { mqttPort, wsPort, stop, restart: async () => (await stop(), await start()) };
}

/** Publish with Debian's mosquitto_pub: a real outside publisher. */
export function mosquittoPub(port: number, topic: string, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(port), '-t', topic, '-m', message], { stdio: 'inherit' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mosquitto_pub exited ${code}`))));
  });
}
