import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { WebSocket } from 'ws';
import { createWallRelay } from './wallRelay';

let server: Server | null = null;
let relay: ReturnType<typeof createWallRelay> | null = null;
afterEach(async () => {
  relay?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

async function start(token?: string): Promise<number> {
  relay = createWallRelay(token);
  server = createServer((_q, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!relay!.handleUpgrade(req, socket, head, new URL(req.url ?? '/', 'http://x'))) socket.destroy();
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server!.address() as { port: number }).port;
}

function open(port: number, name: string): Promise<{ ws: WebSocket; got: string[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/wall?name=${name}`);
  const got: string[] = [];
  ws.on('message', (d) => got.push(String(d)));
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, got }));
    ws.on('error', reject);
  });
}

const until = async (f: () => boolean) => {
  for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the wall relay of the live server', () => {
  it('forwards a tile message to the other tiles of the same wall only', async () => {
    const port = await start();
    const a = await open(port, 'w1');
    const b = await open(port, 'w1');
    const c = await open(port, 'w2');
    await until(() => relay!.size('w1') === 2);
    a.ws.send('{"kind":"camera","from":"0,0"}');
    await until(() => b.got.length > 0);
    expect(b.got).toEqual(['{"kind":"camera","from":"0,0"}']);
    expect(a.got).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.got).toEqual([]);
    for (const x of [a, b, c]) x.ws.close();
  });

  it('with a token, a socket joins only after the auth frame', async () => {
    const port = await start('s3cret');
    const a = await open(port, 'w');
    const b = await open(port, 'w');
    a.ws.send(JSON.stringify({ auth: 's3cret' }));
    await until(() => relay!.size('w') === 1);
    const closed = new Promise<number>((r) => b.ws.on('close', (code) => r(code)));
    b.ws.send(JSON.stringify({ auth: 'wrong' }));
    expect(await closed).toBe(4001);
    expect(relay!.size('w')).toBe(1);
    a.ws.close();
  });
});
