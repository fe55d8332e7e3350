/**
 * A large timeline streamed slowly (200k lines in 20 chunks, 150 ms apart), like a slow
 * network would. Served by the e2e preview server only (global-setup.ts), at
 * /__e2e/big.ndjson on the cockpit's own origin: the CSP's connect-src admits the origins
 * the deployment configures, not an arbitrary test port.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const LINES = 200_000;
export const T0 = Date.parse('2021-07-20T00:00:00+08:00');
export const PATH = '/__e2e/big.ndjson';

export function line(i: number): string {
  return JSON.stringify({ topic: 'probes', seq: i + 1, ts: T0 + i * 400, upsert: [{ id: `p${i % 997}`, lon: 113.6 + (i % 997) / 10_000, lat: 34.75, v: i % 100 }] });
}

export function slowTimeline(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if ((req.url ?? '').split('?')[0] !== PATH) return next();
  void (async () => {
    res.setHeader('content-type', 'application/x-ndjson');
    let size = 0;
    for (let i = 0; i < LINES; i++) size += line(i).length + 1;
    res.setHeader('content-length', String(size));
    const per = LINES / 20;
    for (let c = 0; c < 20; c++) {
      let chunk = '';
      for (let i = c * per; i < (c + 1) * per; i++) chunk += line(i) + '\n';
      res.write(chunk);
      await new Promise((r) => setTimeout(r, 150));
    }
    res.end();
  })();
}
