/**
 * The video-wall relay: browsers of one wall on several machines exchange their sync
 * messages (camera, clock, selection, scene; see src/app/wall.ts) through the live server,
 * `ws://<host>/api/wall?name=<wall>`. Messages are forwarded as they are to the other
 * sockets of the same wall; nothing is kept. With a token, the first frame must be
 * `{"auth": "<token>"}` (as on /api/ws).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

const MAX_MESSAGE = 64 * 1024;

export function createWallRelay(token?: string) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  const walls = new Map<string, Set<WebSocket>>();
  return {
    /** Takes the upgrade if it is for /api/wall; false otherwise. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean {
      if (url.pathname !== '/api/wall') return false;
      const name = url.searchParams.get('name') ?? '';
      if (!/^[\w.-]{1,64}$/.test(name)) {
        socket.destroy();
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        let authed = !token;
        const join = () => {
          if (!walls.has(name)) walls.set(name, new Set());
          walls.get(name)!.add(ws);
        };
        if (authed) join();
        ws.on('message', (data) => {
          const text = String(data);
          if (!authed) {
            try {
              if ((JSON.parse(text) as { auth?: string }).auth === token) {
                authed = true;
                join();
                return;
              }
            } catch {
              /* fall through */
            }
            ws.close(4001, 'unauthorized');
            return;
          }
          for (const peer of walls.get(name) ?? []) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(text);
        });
        ws.on('close', () => {
          const set = walls.get(name);
          set?.delete(ws);
          if (set && !set.size) walls.delete(name);
        });
      });
      return true;
    },
    /** sockets per wall */
    size(name: string): number {
      return walls.get(name)?.size ?? 0;
    },
    close(): void {
      for (const set of walls.values()) for (const ws of set) ws.terminate();
      walls.clear();
      wss.close();
    },
  };
}
