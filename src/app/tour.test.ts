import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Tour, VISITS_KEPT, type TourState } from './tour';

describe('the auto-tour', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const make = () => {
    const shown: string[] = [];
    const focused: string[] = [];
    let last: TourState | null = null;
    const tour = new Tour({
      scenes: () => [
        { id: 'a', dwell: 10, focus: false },
        { id: 'b', dwell: 5, focus: true },
        { id: 'c', dwell: 10, focus: false },
      ],
      show: (id) => shown.push(id),
      focus: (id) => (focused.push(id), true),
      idleResume: () => 30,
      onChange: (s) => (last = s),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    return { tour, shown, focused, state: () => last! };
  };

  it('cycles through the scenes with their dwell times and flies to the newest alert where asked', () => {
    const { tour, shown, focused, state } = make();
    tour.start();
    expect(shown).toEqual(['a']);
    vi.advanceTimersByTime(9_999);
    expect(shown).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(['a', 'b']);
    vi.advanceTimersByTime(2_000); // 40 % of b's dwell
    expect(focused).toEqual(['b']);
    vi.advanceTimersByTime(3_000);
    vi.advanceTimersByTime(10_000);
    expect(shown).toEqual(['a', 'b', 'c', 'a']);
    expect(state().visited).toEqual(['a', 'b', 'c', 'a']);
    expect(state().focused).toBe(1);
  });

  it('remembers only the last scene visits (a wall tours for weeks)', () => {
    const { tour, shown, state } = make();
    tour.start();
    vi.advanceTimersByTime(25_000 * 100); // 100 cycles of a, b, c
    expect(shown.length).toBeGreaterThan(VISITS_KEPT * 2);
    expect(state().visited).toHaveLength(VISITS_KEPT);
    expect(state().visited).toEqual(shown.slice(-VISITS_KEPT));
  });

  it('holds while someone interacts and resumes after the idle time; every interaction restarts the wait', () => {
    const { tour, shown, state } = make();
    tour.start();
    vi.advanceTimersByTime(5_000);
    tour.interaction();
    expect(state().paused).toBe('interaction');
    vi.advanceTimersByTime(20_000);
    tour.interaction();
    vi.advanceTimersByTime(29_000);
    expect(shown).toEqual(['a']);
    vi.advanceTimersByTime(1_000);
    expect(shown).toEqual(['a', 'b']);
    expect(state().paused).toBeNull();
  });

  it('stops while the tab is hidden and goes on when it is shown', () => {
    const { tour, shown, focused, state } = make();
    tour.start();
    vi.advanceTimersByTime(10_000); // b, its focus planned
    tour.setHidden(true);
    expect(state().paused).toBe('hidden');
    vi.advanceTimersByTime(120_000);
    expect(shown).toEqual(['a', 'b']);
    expect(focused).toEqual([]); // no flight while hidden
    tour.interaction(); // ignored while hidden
    tour.setHidden(false);
    expect(shown).toEqual(['a', 'b', 'c']);
    tour.stop();
    vi.advanceTimersByTime(60_000);
    expect(shown).toEqual(['a', 'b', 'c']);
    expect(state().on).toBe(false);
  });

  it('starting while hidden waits for the tab to show', () => {
    const { tour, shown } = make();
    tour.setHidden(true);
    tour.start();
    expect(shown).toEqual([]);
    tour.setHidden(false);
    expect(shown).toEqual(['a']);
  });
});
