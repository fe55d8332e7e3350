/**
 * One ambulance: its task (the call), destination (scene or hospital), the ETA counting down
 * with the data clock, the live ECG strip and vital signs sent from the vehicle (topic
 * `ecg`, which the cockpit subscribes only for the selected ambulance), and a follow camera.
 * The strip scrolls with the data clock: it draws the samples received (a buffer of recent
 * 1-s batches) over the last 6 s, 1 s behind the clock (one batch of latency).
 */
import { useEffect, useRef, useState } from 'react';
import { useCockpit, useHandle } from '../../src/store/react';
import type { DetailProps } from '../types';
import type { Entity } from '../../src/data/wire';
import { AMB_TOPIC, CALL_TOPIC, ECG_TOPIC, HOSPITAL_TOPIC, STATION_TOPIC, TRIP_TOPIC, type AmbStatusName } from './topic';
import { CALL_STATUS_TEXT, KIND_TEXT, STATUS_TEXT, T } from './texts';
import { positionOf } from './index';

/** seconds of ECG on the strip */
export const STRIP_S = 6;
/** the strip runs this far behind the clock (one batch) */
export const STRIP_DELAY_MS = 1000;

interface Batch {
  t0: number;
  hz: number;
  mv: number[];
}

/** Recent ECG batches of one ambulance (time order, at most ~12 s). */
export class EcgBuffer {
  batches: Batch[] = [];
  add(e: Entity): boolean {
    const t0 = e.t0 as number;
    const last = this.batches[this.batches.length - 1];
    if (last && t0 === last.t0) return false;
    if (last && t0 < last.t0) this.batches = this.batches.filter((b) => b.t0 < t0); // the clock went back
    this.batches.push({ t0, hz: e.hz as number, mv: e.mv as number[] });
    while (this.batches.length > 12) this.batches.shift();
    return true;
  }
  /** samples with time in [from, to): [ms, 0.01 mV] pairs */
  window(from: number, to: number): number[] {
    const out: number[] = [];
    for (const b of this.batches) {
      const dt = 1000 / b.hz;
      const end = b.t0 + b.mv.length * dt;
      if (end <= from || b.t0 >= to) continue;
      for (let i = 0; i < b.mv.length; i++) {
        const ts = b.t0 + i * dt;
        if (ts >= from && ts < to) out.push(ts, b.mv[i]);
      }
    }
    return out;
  }
}

function EcgStrip({ id, lang }: { id: string; lang: 'zh' | 'en' }) {
  const { store, tables } = useHandle();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [vitals, setVitals] = useState<Entity | null>(null);
  useEffect(() => {
    const buf = new EcgBuffer();
    let raf = 0;
    let lastVitals = 0;
    const draw = () => {
      raf = requestAnimationFrame(draw);
      const cv = canvas.current;
      if (!cv) return;
      const e = tables.has(ECG_TOPIC) ? tables.table(ECG_TOPIC).get(id) : undefined;
      if (e && buf.add(e) && performance.now() - lastVitals > 500) {
        lastVitals = performance.now();
        setVitals(e);
      }
      const now = store.getState().clock.time;
      const to = now - STRIP_DELAY_MS;
      const from = to - STRIP_S * 1000;
      const w = cv.clientWidth || 300;
      const h = cv.clientHeight || 90;
      if (cv.width !== w) cv.width = w;
      if (cv.height !== h) cv.height = h;
      const g = cv.getContext('2d');
      if (!g) return;
      g.fillStyle = '#06121f';
      g.fillRect(0, 0, w, h);
      // grid: 0.2 s and 0.5 mV
      g.strokeStyle = 'rgba(255,80,120,0.18)';
      g.lineWidth = 1;
      const mvPx = h / 3.2; // 3.2 mV over the height
      for (let k = Math.ceil(from / 200) * 200; k < to; k += 200) {
        const x = ((k - from) / (to - from)) * w;
        g.beginPath();
        g.moveTo(x, 0);
        g.lineTo(x, h);
        g.stroke();
      }
      for (let y = h * 0.7; y > 0; y -= mvPx / 2) {
        g.beginPath();
        g.moveTo(0, y);
        g.lineTo(w, y);
        g.stroke();
      }
      const pts = buf.window(from, to);
      g.strokeStyle = '#39ff88';
      g.lineWidth = 1.6;
      g.beginPath();
      let prevT = -Infinity;
      for (let i = 0; i < pts.length; i += 2) {
        const x = ((pts[i] - from) / (to - from)) * w;
        const y = h * 0.7 - pts[i + 1] * 0.01 * mvPx;
        if (pts[i] - prevT > 50) g.moveTo(x, y); // a gap: do not bridge it
        else g.lineTo(x, y);
        prevT = pts[i];
      }
      g.stroke();
      cv.dataset.tEnd = String(Math.round(to));
      cv.dataset.samples = String(pts.length / 2);
      cv.dataset.batches = String(buf.batches.length);
      cv.dataset.lastT0 = String(buf.batches[buf.batches.length - 1]?.t0 ?? '');
    };
    raf = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(raf);
  }, [id, store, tables]);
  const v = vitals;
  return (
    <div data-testid="amb-ecg" style={{ marginTop: '0.4rem' }}>
      <div style={{ fontSize: '0.8rem', color: 'var(--muted)' }}>{T.ecg[lang]}</div>
      <canvas ref={canvas} data-testid="amb-ecg-canvas" style={{ width: '100%', height: '5.5rem', display: 'block', borderRadius: '0.2rem' }} />
      {v ? (
        <div data-testid="amb-vitals" style={{ display: 'flex', gap: '0.8rem', fontSize: '0.9rem', marginTop: '0.2rem', fontVariantNumeric: 'tabular-nums' }}>
          <span>
            {T.hr[lang]} <b style={{ color: '#39ff88' }}>{String(v.hr ?? '–')}</b>
          </span>
          <span>
            {T.spo2[lang]} <b style={{ color: '#4fc3ff' }}>{String(v.spo2 ?? '–')}%</b>
          </span>
          <span>
            {T.bp[lang]} <b>{`${String(v.sys ?? '–')}/${String(v.dia ?? '–')}`}</b>
          </span>
          <span>
            {T.rr[lang]} <b>{String(v.rr ?? '–')}</b>
          </span>
        </div>
      ) : (
        <div className="muted" style={{ fontSize: '0.8rem' }}>{T.waitingEcg[lang]}</div>
      )}
      {v?.stemi ? <div style={{ color: '#ff3b30', fontSize: '0.85rem' }}>{T.stemi[lang]}</div> : null}
    </div>
  );
}

export function AmbulanceDetail({ lang, topic, id, entity, actions }: DetailProps) {
  const { tables, store } = useHandle();
  const now = useCockpit((s) => s.uiTime);
  const [follow, setFollow] = useState(false);
  useEffect(() => {
    if (!follow || topic !== AMB_TOPIC) return;
    const tick = () => {
      const p = positionOf(tables.table(AMB_TOPIC), tables.table(TRIP_TOPIC), id, store.getState().clock.time);
      if (p) actions.flyTo({ lon: p[0], lat: p[1] });
    };
    tick();
    const h = setInterval(tick, 1500);
    return () => clearInterval(h);
  }, [follow, id, topic, tables, store, actions]);
  if (topic !== AMB_TOPIC) {
    if (topic === CALL_TOPIC) {
      const st = CALL_STATUS_TEXT[entity.status as string];
      return <p className="muted" style={{ fontSize: '0.8rem' }}>{`${(KIND_TEXT[entity.kind as string] ?? { zh: String(entity.kind), en: String(entity.kind) })[lang]} · ${st ? st[lang] : String(entity.status)} · ${T.simulated[lang]}`}</p>;
    }
    return null;
  }
  const e = entity;
  const status = e.status as AmbStatusName;
  const hosp = e.hosp ? tables.table(HOSPITAL_TOPIC).get(String(e.hosp)) : undefined;
  const call = e.call ? tables.table(CALL_TOPIC).get(String(e.call)) : undefined;
  const station = tables.table(STATION_TOPIC).get(String(e.station));
  const nameOf = (x: Entity | undefined) => (x ? String(lang === 'en' ? (x.name_en ?? x.name) : x.name) : '–');
  const dest = status === 'to_hospital' || status === 'at_hospital' ? nameOf(hosp) : status === 'to_scene' || status === 'at_scene' ? `${T.scene[lang]} ${String(e.call ?? '')}` : nameOf(station);
  const eta = typeof e.eta === 'number' && (status === 'to_scene' || status === 'to_hospital' || status === 'returning') ? (e.eta as number) - now : null;
  const pos = positionOf(tables.table(AMB_TOPIC), tables.table(TRIP_TOPIC), id, now);
  const fmt = (ms: number) => {
    const s = Math.max(0, Math.round(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  };
  return (
    <div data-testid="amb-detail" data-status={status} data-id={id} data-t={now} data-lon={pos?.[0]} data-lat={pos?.[1]}>
      <table className="kv">
        <tbody>
          <tr>
            <th>{T.status[lang]}</th>
            <td>{STATUS_TEXT[status]?.[lang] ?? status}</td>
          </tr>
          <tr>
            <th>{T.task[lang]}</th>
            <td>{call ? `${String(call.id)} · ${(KIND_TEXT[call.kind as string] ?? { zh: String(call.kind), en: String(call.kind) })[lang]} · ${String(call.district)}` : e.call ? String(e.call) : '–'}</td>
          </tr>
          <tr>
            <th>{T.dest[lang]}</th>
            <td data-testid="amb-dest">{dest}</td>
          </tr>
          <tr>
            <th>{T.eta[lang]}</th>
            <td data-testid="amb-eta" data-eta-ms={eta === null ? '' : String(Math.round(eta))} style={{ fontVariantNumeric: 'tabular-nums', color: 'var(--accent)', fontSize: '1.1rem' }}>
              {eta === null ? '–' : eta > 0 ? fmt(eta) : T.arrived[lang]}
            </td>
          </tr>
          {typeof e.v === 'number' && (
            <tr>
              <th>{T.speed[lang]}</th>
              <td>{`${Math.round((e.v as number) * 3.6)} km/h`}</td>
            </tr>
          )}
        </tbody>
      </table>
      <button type="button" data-testid="amb-follow" onClick={() => setFollow((f) => !f)} style={{ marginTop: '0.3rem', padding: '0.2rem 0.6rem', cursor: 'pointer', borderRadius: '0.2rem', border: '1px solid var(--accent)', background: follow ? 'rgba(0,229,255,0.3)' : 'rgba(0,229,255,0.1)', color: 'var(--accent)' }}>
        {follow ? T.unfollow[lang] : T.follow[lang]}
      </button>
      {e.ecg ? <EcgStrip id={id} lang={lang} /> : <p className="muted" style={{ fontSize: '0.8rem' }}>{T.noEcg[lang]}</p>}
      <p className="muted" style={{ fontSize: '0.75rem' }}>{T.simulated[lang]}</p>
    </div>
  );
}
