import { describe, expect, it } from 'vitest';
import { keyAction, type ShortcutActions } from './shortcuts';
import { retryDelay } from './kiosk';

function recorder() {
  const calls: string[] = [];
  const a = new Proxy({} as ShortcutActions, { get: (_t, k) => (...args: unknown[]) => calls.push(`${String(k)}${args.length ? `(${args.join(',')})` : ''}`) });
  return { a, calls };
}
const key = (key: string, extra: Partial<KeyboardEvent> = {}) => ({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...extra });

describe('keyboard shortcuts', () => {
  it('maps keys to desk actions', () => {
    const { a, calls } = recorder();
    for (const k of [' ', 'ArrowRight', 'ArrowLeft', 'f', '?', 'Escape', '3', 't', 'p', 'n', 'PageUp', 'l', 'e', 'k']) expect(keyAction(key(k), a)).toBe(true);
    expect(keyAction(key('ArrowRight', { shiftKey: true }), a)).toBe(true);
    expect(calls).toEqual(['playPause', 'seekBy(0.005)', 'seekBy(-0.005)', 'fullscreen', 'help', 'escape', 'scene(3)', 'tour', 'presenter', 'marker(1)', 'marker(-1)', 'lang', 'exportPng', 'link', 'seekBy(0.05)']);
  });

  it('leaves other keys and browser shortcuts alone', () => {
    const { a, calls } = recorder();
    expect(keyAction(key('x'), a)).toBe(false);
    expect(keyAction(key('f', { ctrlKey: true }), a)).toBe(false);
    expect(keyAction(key('0'), a)).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('kiosk feed retries', () => {
  it('back off from 5 s to at most a minute, with jitter', () => {
    expect(retryDelay(0, () => 0.5)).toBe(5000);
    expect(retryDelay(2, () => 0.5)).toBe(20000);
    expect(retryDelay(10, () => 0.5)).toBe(60000);
    expect(retryDelay(10, () => 0)).toBe(45000);
    expect(retryDelay(10, () => 1)).toBe(75000);
  });
});
