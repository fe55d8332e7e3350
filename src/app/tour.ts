/**
 * The auto-tour of a video wall: cycles through the scenes with their dwell times, flies on
 * to the place of the newest alert where a scene asks for it, pauses while someone
 * interacts and resumes after an idle time, and stops flying while the tab is hidden.
 * Timers are injected so the state machine is unit-tested without a browser.
 */
/** how many scene visits the tour's state remembers */
export const VISITS_KEPT = 100;

export interface TourScene {
  id: string;
  /** seconds */
  dwell: number;
  focus: boolean;
}

export interface TourDeps {
  scenes(): TourScene[];
  /** switch to a scene (animated) */
  show(id: string): void;
  /** fly to the newest alert of a scene; false if there is none */
  focus(id: string): boolean;
  /** seconds without interaction before a paused tour resumes */
  idleResume(): number;
  onChange(s: TourState): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(h: unknown): void;
}

export interface TourState {
  on: boolean;
  /** why the tour is not moving: someone interacts, or the tab is hidden */
  paused: 'interaction' | 'hidden' | null;
  scene: string | null;
  /** scene ids shown since the tour started, in order: the last VISITS_KEPT (a wall tours for weeks) */
  visited: string[];
  /** focus flights made (scene id: alert place) */
  focused: number;
  /** epoch ms when the tour moves on / resumes */
  nextAt: number | null;
}

export class Tour {
  private state: TourState = { on: false, paused: null, scene: null, visited: [], focused: 0, nextAt: null };
  private index = -1;
  private timers: unknown[] = [];
  private hidden = false;

  constructor(private readonly deps: TourDeps) {}

  get(): TourState {
    return { ...this.state, visited: [...this.state.visited] };
  }

  private set(patch: Partial<TourState>): void {
    this.state = { ...this.state, ...patch };
    this.deps.onChange(this.get());
  }

  private clear(): void {
    for (const t of this.timers) this.deps.clearTimeout(t);
    this.timers = [];
  }

  private later(fn: () => void, ms: number): void {
    this.timers.push(this.deps.setTimeout(fn, ms));
  }

  start(): void {
    this.clear();
    this.index = -1;
    this.set({ on: true, paused: this.hidden ? 'hidden' : null, visited: [], focused: 0, scene: null, nextAt: null });
    if (!this.hidden) this.next();
  }

  stop(): void {
    this.clear();
    this.set({ on: false, paused: null, nextAt: null });
  }

  /** Show the next scene and plan what follows. */
  private next(): void {
    this.clear();
    const scenes = this.deps.scenes();
    if (!scenes.length) return;
    this.index = (this.index + 1) % scenes.length;
    const sc = scenes[this.index];
    this.deps.show(sc.id);
    const dwell = Math.max(1, sc.dwell) * 1000;
    this.set({ scene: sc.id, visited: [...this.state.visited.slice(1 - VISITS_KEPT), sc.id], paused: null, nextAt: Date.now() + dwell });
    if (sc.focus) {
      // after the scene's own flight has landed
      this.later(() => {
        if (this.deps.focus(sc.id)) this.set({ focused: this.state.focused + 1 });
      }, Math.min(dwell * 0.4, 6000));
    }
    this.later(() => this.next(), dwell);
  }

  /** Someone touched the screen, the mouse or the keyboard: hold, resume after the idle time. */
  interaction(): void {
    if (!this.state.on || this.hidden) return;
    this.clear();
    const ms = this.deps.idleResume() * 1000;
    this.set({ paused: 'interaction', nextAt: Date.now() + ms });
    this.later(() => this.next(), ms);
  }

  /** The tab was hidden (no flights: nobody sees them) or shown again. */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (!this.state.on) return;
    if (hidden) {
      this.clear();
      this.set({ paused: 'hidden', nextAt: null });
    } else this.next();
  }
}
