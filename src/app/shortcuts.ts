/**
 * Keyboard shortcuts of the desk: space play/pause, ←/→ seek (shift: bigger steps),
 * F fullscreen, ? help, Esc close / clear the selection, 1–9 scenes, T tour, P presenter,
 * N / PageDown and B / PageUp next and previous marker, L language, E export, K copy link.
 * Keys typed into a field, or with Ctrl/Alt/Meta, are left alone.
 */
export interface ShortcutActions {
  playPause(): void;
  seekBy(fraction: number): void;
  fullscreen(): void;
  help(): void;
  escape(): void;
  scene(n: number): void;
  tour(): void;
  presenter(): void;
  marker(step: 1 | -1): void;
  lang(): void;
  exportPng(): void;
  link(): void;
}

export function keyAction(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>, a: ShortcutActions): boolean {
  if (e.ctrlKey || e.altKey || e.metaKey) return false;
  const k = e.key;
  if (k === ' ' || k === 'Spacebar') a.playPause();
  else if (k === 'ArrowRight') a.seekBy(e.shiftKey ? 1 / 20 : 1 / 200);
  else if (k === 'ArrowLeft') a.seekBy(e.shiftKey ? -1 / 20 : -1 / 200);
  else if (k === 'f' || k === 'F') a.fullscreen();
  else if (k === '?' || (k === '/' && e.shiftKey)) a.help();
  else if (k === 'Escape') a.escape();
  else if (/^[1-9]$/.test(k)) a.scene(Number(k));
  else if (k === 't' || k === 'T') a.tour();
  else if (k === 'p' || k === 'P') a.presenter();
  else if (k === 'n' || k === 'N' || k === 'PageDown') a.marker(1);
  else if (k === 'b' || k === 'B' || k === 'PageUp') a.marker(-1);
  else if (k === 'l' || k === 'L') a.lang();
  else if (k === 'e' || k === 'E') a.exportPng();
  else if (k === 'k' || k === 'K') a.link();
  else return false;
  return true;
}

/** True when a key press belongs to what has focus (typing, a select, the time slider). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable || el.getAttribute('role') === 'slider';
}

export function installShortcuts(a: ShortcutActions): () => void {
  const onKey = (e: KeyboardEvent) => {
    // a panel that handled the key first (e.g. Esc one drill-down level up) keeps it
    if (e.defaultPrevented || isTyping(e.target)) return;
    if (keyAction(e, a)) e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
