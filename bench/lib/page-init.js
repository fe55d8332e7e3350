// Injected into every benchmark page before its own scripts (page.addInitScript).
// Plain JavaScript: frame-time recorder, canvas sampler (cold start), a counter of the
// entity updates the replay worker delivers to the main thread (live ingest).
(() => {
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(...)
  window.__name = window.__name || ((f) => f);
  const b = (window.__bench = {
    received: 0,
    deltaMessages: 0,
    frames: null,
    samples: [],
    sampling: false,
  });

  // ---- replay worker → main thread: count the update entities it delivers ----------------
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (ev) => {
          const m = ev.data;
          if (!m || m.type !== 'deltas' || !Array.isArray(m.deltas)) return;
          b.deltaMessages++;
          for (const d of m.deltas) if (!d.snapshot && Array.isArray(d.upsert)) b.received += d.upsert.length;
        });
      }
    };
  }

  // ---- drawn frames: clears of a large WebGL canvas's default framebuffer ----------------
  // MapLibre (cockpit) and deck.gl (floor) clear the screen once per frame they draw; the
  // times between those clears are the map's real frame times (rAF keeps ticking when
  // nothing is drawn). Canvases narrower than 400 px (panels) are ignored.
  b.draws = [];
  b.drawing = false;
  b.drawCalls = 0;
  b.vertices = 0;
  for (const Ctx of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!Ctx) continue;
    const proto = Ctx.prototype;
    const bind = proto.bindFramebuffer;
    const clear = proto.clear;
    const fbOf = new WeakMap();
    proto.bindFramebuffer = function (target, fb) {
      if (target === 0x8d40 || target === 0x8ca9) fbOf.set(this, fb); // FRAMEBUFFER, DRAW_FRAMEBUFFER
      return bind.call(this, target, fb);
    };
    proto.clear = function (mask) {
      if (b.drawing && mask & 0x4000 && !fbOf.get(this) && this.canvas && this.canvas.width >= 400) b.draws.push(performance.now());
      return clear.call(this, mask);
    };
    // draw calls and vertices (× instances) submitted while measuring, on large canvases
    const count = (name, verts) => {
      const f = proto[name];
      if (!f) return;
      proto[name] = function (...a) {
        if (b.drawing && this.canvas && this.canvas.width >= 400) {
          b.drawCalls++;
          b.vertices += verts(a);
        }
        return f.apply(this, a);
      };
    };
    count('drawArrays', (a) => a[2]);
    count('drawElements', (a) => a[1]);
    count('drawArraysInstanced', (a) => a[2] * a[3]);
    count('drawElementsInstanced', (a) => a[1] * a[4]);
    count('drawRangeElements', (a) => a[3]);
  }

  // ---- frame times: requestAnimationFrame deltas -----------------------------------------
  b.startFrames = () => {
    b.draws = [];
    b.drawCalls = 0;
    b.vertices = 0;
    b.drawing = true;
    const d = [];
    let last = 0;
    const f = (now) => {
      if (b.frames !== d) return;
      if (last) d.push(now - last);
      last = now;
      requestAnimationFrame(f);
    };
    b.frames = d;
    requestAnimationFrame(f);
  };
  b.stopFrames = () => {
    const d = b.frames || [];
    b.frames = null;
    return d;
  };
  /** Intervals between drawn frames since startFrames (call after stopFrames). */
  b.drawIntervals = () => {
    b.drawing = false;
    b.lastDrawStats = { frames: b.draws.length, drawCalls: b.drawCalls, vertices: b.vertices };
    const out = [];
    for (let i = 1; i < b.draws.length; i++) out.push(b.draws[i] - b.draws[i - 1]);
    return out;
  };
  b.nextFrames = (k) =>
    new Promise((res) => {
      let i = 0;
      const f = () => (++i >= k ? res(performance.now()) : requestAnimationFrame(f));
      requestAnimationFrame(f);
    });

  /** Resolves when `k` frames have been drawn since startFrames, or after maxMs. */
  b.waitDraws = (k, minMs, maxMs) =>
    new Promise((res) => {
      const t0 = performance.now();
      const f = () => {
        const el = performance.now() - t0;
        if ((b.draws.length >= k && el >= minMs) || el >= maxMs) res(b.draws.length);
        else setTimeout(f, 50);
      };
      f();
    });

  /** Time of the first frame drawn after time t (needs startFrames), or NaN after maxMs. */
  b.drawAfter = (t, maxMs) =>
    new Promise((res) => {
      const t0 = performance.now();
      const f = () => {
        const d = b.draws.find((x) => x > t);
        if (d !== undefined) res(d);
        else if (performance.now() - t0 > maxMs) res(NaN);
        else setTimeout(f, 5);
      };
      f();
    });

  // ---- pacing: keep a replay clock at wall-clock time (live-ingest emulation) --------------
  // Both clocks advance by min(frame time, 250 ms) × speed per frame, so with slow frames a
  // replay at 1× falls behind real time. A live feed would not wait: each frame the speed is
  // set so the data clock catches up with the wall clock (never ahead of it by design).
  b.startPacing = (target) => {
    const get = target === 'cockpit' ? () => window.cockpit.state().time : () => window.floor.state().time;
    const set = target === 'cockpit' ? (x) => window.cockpit.setSpeed(x) : (x) => window.floor.play(x);
    const t0 = get();
    const w0 = performance.now();
    b.pacing = true;
    b.paceStart = { data: t0, wall: w0 };
    let last = w0;
    const f = (now) => {
      if (!b.pacing) return;
      const dt = Math.max(1, now - last);
      last = now;
      // if the next frame is as long as this one, this speed lands the clock on wall time
      const lag = t0 + (now - w0) - get();
      set(lag > -dt ? Math.min(600, Math.max(0.5, (lag + dt) / Math.min(dt, 250))) : 0.5);
      requestAnimationFrame(f);
    };
    if (target === 'cockpit') window.cockpit.play();
    else window.floor.play(1);
    requestAnimationFrame(f);
  };
  b.stopPacing = () => {
    b.pacing = false;
  };

  // ---- orbiting camera: setCamera(view) called every animation frame ----------------------
  b.startOrbit = (target, view, degPerSec) => {
    const t0 = performance.now();
    b.orbiting = true;
    const set = target === 'cockpit' ? (v) => window.cockpit.setCamera(v) : (v) => window.floor.setCamera(v);
    const f = (now) => {
      if (!b.orbiting) return;
      set({ ...view, bearing: (view.bearing + ((now - t0) / 1000) * degPerSec) % 360 });
      requestAnimationFrame(f);
    };
    requestAnimationFrame(f);
  };
  b.stopOrbit = () => {
    b.orbiting = false;
  };

  // ---- cold start: sample the map canvas (downscaled) every >= 100 ms once the page is ready --
  // Reading a WebGL canvas back blocks the main thread until the GPU process has finished
  // every queued command, so sampling starts only when `ready()` says the data is there
  // (before that no complete frame can exist) and stays sparse: it must not slow the start-up
  // it measures.
  b.startSampling = (selector, cols, rows, readyExpr) => {
    b.sampling = true;
    b.samples = [];
    b.samplingFrom = NaN;
    const ready = new Function(`try { return !!(${readyExpr}); } catch { return false; }`);
    const c = document.createElement('canvas');
    c.width = cols;
    c.height = rows;
    let g = null;
    let last = -1e9;
    const f = (now) => {
      if (!b.sampling) return;
      requestAnimationFrame(f);
      if (now - last < 100) return;
      if (Number.isNaN(b.samplingFrom)) {
        if (!ready()) return;
        b.samplingFrom = now;
      }
      const src = document.querySelector(selector);
      if (!src || !src.width) return;
      last = now;
      g = g || c.getContext('2d', { willReadFrequently: true });
      g.clearRect(0, 0, cols, rows);
      g.drawImage(src, 0, 0, cols, rows);
      const d = g.getImageData(0, 0, cols, rows).data;
      const rgb = new Uint8Array(cols * rows * 3);
      for (let i = 0, j = 0; i < d.length; i += 4, j += 3) {
        rgb[j] = d[i];
        rgb[j + 1] = d[i + 1];
        rgb[j + 2] = d[i + 2];
      }
      b.samples.push({ t: now, rgb });
      if (b.samples.length > 2000) b.sampling = false;
    };
    requestAnimationFrame(f);
  };
  /**
   * First sample (ms since navigation) that shows the settled picture (the last sample):
   * at least `content` of the pixels that differ from the picture's dominant (background)
   * colour match, and at most `share` of all pixels differ. A blank canvas never matches.
   */
  b.firstMatching = (tolerance, share, content) => {
    b.sampling = false;
    const s = b.samples;
    if (!s.length) return { t: NaN, distinct: 0, samples: 0, contentPixels: 0 };
    const ref = s[s.length - 1].rgb;
    const n = ref.length / 3;
    const counts = new Map();
    for (let i = 0; i < ref.length; i += 3) {
      const k = ((ref[i] >> 3) << 10) | ((ref[i + 1] >> 3) << 5) | (ref[i + 2] >> 3);
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    let mode = 0;
    let best = -1;
    for (const [k, c] of counts) if (c > best) (best = c), (mode = k);
    const bg = [((mode >> 10) & 31) << 3, ((mode >> 5) & 31) << 3, (mode & 31) << 3];
    const near = (a, i, c) => Math.abs(a[i] - c[0]) <= tolerance && Math.abs(a[i + 1] - c[1]) <= tolerance && Math.abs(a[i + 2] - c[2]) <= tolerance;
    const contentIdx = [];
    for (let i = 0; i < ref.length; i += 3) if (!near(ref, i, bg)) contentIdx.push(i);
    for (const x of s) {
      let changed = 0;
      for (let i = 0; i < ref.length; i += 3) if (!near(x.rgb, i, [ref[i], ref[i + 1], ref[i + 2]])) changed++;
      let ok = 0;
      for (const i of contentIdx) if (near(x.rgb, i, [ref[i], ref[i + 1], ref[i + 2]])) ok++;
      if (changed / n <= share && (!contentIdx.length || ok / contentIdx.length >= content)) return { t: x.t, distinct: counts.size, samples: s.length, contentPixels: contentIdx.length };
    }
    return { t: NaN, distinct: counts.size, samples: s.length, contentPixels: contentIdx.length };
  };

  b.glRenderer = () => {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2') || c.getContext('webgl');
    if (!gl) return 'no WebGL';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const r = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    const v = ext ? gl.getParameter(ext.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR);
    return `${v} / ${r}`;
  };
})();
