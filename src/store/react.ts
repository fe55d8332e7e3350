/** React access to the cockpit store: a context and selector hooks (throttled for tables). */
import { createContext, useContext, useEffect, useReducer, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { CockpitState, CockpitStore } from './store';
import type { TableSet } from './tables';
import type { HistoryQuery, HistorySeries } from '../data/source';

export interface StoreHandle {
  store: CockpitStore;
  tables: TableSet;
  /** recorded values of an entity's fields, from the data source */
  history: (q: HistoryQuery) => Promise<HistorySeries>;
}

export const StoreContext = createContext<StoreHandle | null>(null);

export function useHandle(): StoreHandle {
  const h = useContext(StoreContext);
  if (!h) throw new Error('StoreContext missing');
  return h;
}

/** Select from the reactive state; re-renders only when the selected value changes. */
export function useCockpit<T>(selector: (s: CockpitState) => T): T {
  return useStore(useHandle().store, selector);
}

/**
 * Derive a value from the entity tables, recomputed at most `hz` times a second while
 * data changes (panels follow the screen, not the message rate).
 */
export function useTables<T>(derive: (tables: TableSet) => T, hz = 4, deps: readonly unknown[] = []): T {
  const { store, tables } = useHandle();
  const deriveRef = useRef(derive);
  deriveRef.current = derive;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // The value is derived during render whenever the deps change, so a render never pairs
  // new deps (e.g. a new scope) with a value derived for the old ones.
  const cache = useRef<{ deps: readonly unknown[]; version: number; value: T } | null>(null);
  if (!cache.current || !sameDeps(cache.current.deps, deps)) {
    cache.current = { deps, version: store.getState().tablesVersion, value: derive(tables) };
  }
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = performance.now();
    const run = () => {
      timer = null;
      last = performance.now();
      const c = cache.current!;
      cache.current = { deps: c.deps, version: store.getState().tablesVersion, value: deriveRef.current(tables) };
      rerender();
    };
    // data that arrived between the render and this subscription
    if (cache.current && cache.current.version !== store.getState().tablesVersion) run();
    const unsub = store.subscribe((s, prev) => {
      if (s.tablesVersion === prev.tablesVersion) return;
      if (timer) return;
      const wait = Math.max(0, 1000 / hz - (performance.now() - last));
      timer = setTimeout(run, wait);
    });
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, tables, hz, ...deps]);
  return cache.current.value;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * An entity's recorded series (e.g. a hotspot's depth over the timeline), fetched from the
 * source when the entity, the fields or the source change. `null` while loading.
 */
export function useHistory(topic: string, id: string, fields: readonly string[], from?: number, to?: number): HistorySeries | null {
  const { history, store } = useHandle();
  const sourceKey = useStore(store, (s) => `${s.source.kind}|${s.source.url}|${s.source.state}`);
  const [series, setSeries] = useState<HistorySeries | null>(null);
  const key = fields.join(',');
  useEffect(() => {
    let alive = true;
    setSeries(null);
    history({ topic, id, fields, from, to }).then((s) => alive && setSeries(s));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history, topic, id, key, from, to, sourceKey]);
  return series;
}
