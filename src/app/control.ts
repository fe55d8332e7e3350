/**
 * Exposes the control API: `window.cockpit` and the same commands over postMessage:
 *   target.postMessage({ cockpit: 'seek', args: ['2021-07-20T16:00:00+08:00'], id: 1 }, origin)
 * The reply is posted back to the sender: { cockpitReply: 1, ok: true, result } or
 * { cockpitReply: 1, ok: false, error }. Only the page's own origin and the origins in
 * `controlOrigins` of config.json may send commands.
 */
import type { Cockpit, CockpitApi } from './cockpit';
import type { DeskApi } from './desk';

declare global {
  interface Window {
    cockpit?: CockpitApi & DeskApi;
  }
}

/** Commands added by the desk (scenes, tour, link, export, wall, replays) are obeyed too. */
export function extendControlApi(extra: Record<string, (...a: never[]) => unknown>): void {
  if (!window.cockpit) return;
  Object.assign(window.cockpit, extra);
  for (const k of Object.keys(extra)) COMMANDS.add(k);
}

const COMMANDS = new Set(['play', 'pause', 'seek', 'setSpeed', 'setLayerVisible', 'select', 'load', 'setLang', 'state', 'layers', 'camera', 'setCamera', 'idle', 'startRecording', 'stopRecording', 'entities']);

export function installControlApi(cockpit: Cockpit, allowedOrigins: readonly string[]): () => void {
  const api = cockpit.api() as CockpitApi & DeskApi;
  window.cockpit = api;
  const allowed = new Set([location.origin, ...allowedOrigins]);
  const onMessage = async (ev: MessageEvent) => {
    const data = ev.data as { cockpit?: unknown; args?: unknown; id?: unknown } | null;
    if (!data || typeof data !== 'object' || typeof data.cockpit !== 'string') return;
    const reply = (msg: Record<string, unknown>) => {
      const target = ev.source as WindowProxy | null;
      if (target && typeof target.postMessage === 'function') target.postMessage({ cockpitReply: data.id ?? null, ...msg }, ev.origin === 'null' ? '*' : ev.origin);
    };
    if (!allowed.has(ev.origin)) {
      console.warn(`cockpit: ignored a command from origin ${ev.origin} (not in controlOrigins)`);
      return;
    }
    if (!COMMANDS.has(data.cockpit)) {
      reply({ ok: false, error: `unknown command "${data.cockpit}"` });
      return;
    }
    const args = Array.isArray(data.args) ? data.args : [];
    try {
      const fn = api[data.cockpit as keyof (CockpitApi & DeskApi)] as (...a: unknown[]) => unknown;
      const result = await fn(...args);
      reply({ ok: true, result: result === undefined ? null : structuredClone(result) });
    } catch (e) {
      reply({ ok: false, error: (e as Error).message });
    }
  };
  window.addEventListener('message', onMessage);
  return () => {
    window.removeEventListener('message', onMessage);
    if (window.cockpit === api) delete window.cockpit;
  };
}
