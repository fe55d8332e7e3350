/**
 * Chrome traces (all processes: renderer, GPU, browser) for attributing frame time that
 * the JS profiler cannot see — e.g. SwiftShader rasterising in the GPU process. Self time
 * per (process, thread, event name) from complete ('X') and begin/end ('B'/'E') events.
 */
import type { Browser, CDPSession } from 'playwright-core';

const CATEGORIES = ['disabled-by-default-v8.cpu_profiler', 'toplevel', 'gpu', 'viz', 'cc', 'blink', 'v8', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'gpu.angle', 'gpu.service', 'renderer.scheduler'];

interface Ev {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: { id: number; callFrame: { functionName: string; url: string; lineNumber?: number } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export class Trace {
  private session: CDPSession | null = null;
  private events: Ev[] = [];
  private done: Promise<void> | null = null;
  constructor(private readonly browser: Browser) {}

  async start(): Promise<void> {
    this.session = await this.browser.newBrowserCDPSession();
    this.events = [];
    this.session.on('Tracing.dataCollected', (e) => {
      for (const v of e.value as unknown as Ev[]) this.events.push(v);
    });
    this.done = new Promise((res) => this.session!.once('Tracing.tracingComplete', () => res()));
    await this.session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  }

  async stop(): Promise<TraceSummary> {
    await this.session!.send('Tracing.end');
    await this.done;
    await this.session!.detach().catch(() => {});
    return summarize(this.events);
  }
}

export interface TraceRow {
  process: string;
  thread: string;
  name: string;
  selfMs: number;
}

export interface JsRow {
  thread: string;
  fn: string;
  where: string;
  selfMs: number;
}

export interface TraceSummary {
  spanMs: number;
  /** JS self time per thread and function, from V8's sampling profiler in the trace (all threads, workers included) */
  js: JsRow[];
  /** busy (self) ms per process and thread */
  threads: { process: string; thread: string; busyMs: number }[];
  top: TraceRow[];
}

export function summarize(events: Ev[], k = 25): TraceSummary {
  const pname = new Map<number, string>();
  const tname = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') pname.set(e.pid, e.args?.name ?? String(e.pid));
    if (e.name === 'thread_name') tname.set(`${e.pid}:${e.tid}`, e.args?.name ?? String(e.tid));
  }
  // intervals per thread
  const byThread = new Map<string, { s: number; e: number; name: string }[]>();
  const open = new Map<string, { s: number; name: string }[]>();
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const e of events) {
    if (e.ph === 'M' || typeof e.ts !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && typeof e.dur === 'number') {
      (byThread.get(key) ?? byThread.set(key, []).get(key)!).push({ s: e.ts, e: e.ts + e.dur, name: e.name });
      t0 = Math.min(t0, e.ts);
      t1 = Math.max(t1, e.ts + e.dur);
    } else if (e.ph === 'B') {
      (open.get(key) ?? open.set(key, []).get(key)!).push({ s: e.ts, name: e.name });
    } else if (e.ph === 'E') {
      const st = open.get(key);
      const b = st?.pop();
      if (b) (byThread.get(key) ?? byThread.set(key, []).get(key)!).push({ s: b.s, e: e.ts, name: b.name });
    }
  }
  const self = new Map<string, TraceRow>();
  const busy = new Map<string, number>();
  for (const [key, iv] of byThread) {
    iv.sort((a, b) => a.s - b.s || b.e - a.e);
    const stack: { s: number; e: number; name: string; child: number }[] = [];
    const pid = Number(key.split(':')[0]);
    const proc = pname.get(pid) ?? String(pid);
    const thread = tname.get(key) ?? key;
    const close = (x: { s: number; e: number; name: string; child: number }) => {
      const ms = (x.e - x.s - x.child) / 1000;
      const k2 = `${proc}|${thread}|${x.name}`;
      const row = self.get(k2) ?? { process: proc, thread, name: x.name, selfMs: 0 };
      row.selfMs += ms;
      self.set(k2, row);
      if (stack.length) stack[stack.length - 1].child += x.e - x.s;
      else busy.set(`${proc}|${thread}`, (busy.get(`${proc}|${thread}`) ?? 0) + (x.e - x.s) / 1000);
    };
    for (const x of iv) {
      while (stack.length && stack[stack.length - 1].e <= x.s) close(stack.pop()!);
      stack.push({ ...x, child: 0 });
    }
    while (stack.length) close(stack.pop()!);
  }
  return {
    spanMs: (t1 - t0) / 1000,
    js: jsSamples(events, pname, tname),
    threads: [...busy.entries()].map(([k3, ms]) => ({ process: k3.split('|')[0], thread: k3.split('|')[1], busyMs: Math.round(ms) })).sort((a, b) => b.busyMs - a.busyMs).slice(0, 12),
    // the JS profiler's own span (when a CPU profile runs alongside) is not work
    top: [...self.values()].filter((r) => r.name !== 'CpuProfiler::StartProfiling').sort((a, b) => b.selfMs - a.selfMs).slice(0, k).map((r) => ({ ...r, selfMs: Math.round(r.selfMs) })),
  };
}

/** Aggregates the V8 CPU-profile chunks of a trace: JS self time per thread and function. */
function jsSamples(events: Ev[], pname: Map<number, string>, tname: Map<string, string>, k = 30): JsRow[] {
  interface P {
    thread: string;
    nodes: Map<number, { fn: string; where: string }>;
    samples: number[];
    deltas: number[];
  }
  const profiles = new Map<string, P>();
  for (const e of events) {
    if (e.ph !== 'P' || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue;
    const key = `${e.pid}:${e.id}`;
    let p = profiles.get(key);
    if (!p) {
      p = { thread: `${pname.get(e.pid) ?? e.pid}/${tname.get(`${e.pid}:${e.tid}`) ?? e.tid}`, nodes: new Map(), samples: [], deltas: [] };
      profiles.set(key, p);
    }
    const d = e.args?.data;
    for (const n of d?.cpuProfile?.nodes ?? []) {
      const file = n.callFrame.url ? n.callFrame.url.replace(/^.*\//, '').replace(/\?.*$/, '') : '';
      p.nodes.set(n.id, { fn: n.callFrame.functionName || '(anonymous)', where: file ? `${file}:${(n.callFrame.lineNumber ?? 0) + 1}` : '' });
    }
    for (const x of d?.cpuProfile?.samples ?? []) p.samples.push(x);
    for (const x of d?.timeDeltas ?? []) p.deltas.push(x);
  }
  const rows = new Map<string, JsRow>();
  for (const p of profiles.values()) {
    for (let i = 0; i < p.samples.length; i++) {
      const n = p.nodes.get(p.samples[i]);
      if (!n || n.fn === '(idle)' || n.fn === '(root)') continue;
      const dt = (p.deltas[i + 1] ?? p.deltas[i] ?? 0) / 1000;
      const key = `${p.thread}|${n.fn}|${n.where}`;
      const r = rows.get(key) ?? { thread: p.thread, fn: n.fn, where: n.where, selfMs: 0 };
      r.selfMs += dt;
      rows.set(key, r);
    }
  }
  return [...rows.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, k).map((r) => ({ ...r, selfMs: Math.round(r.selfMs) }));
}
