/**
 * A synthetic ECG (lead II) and vital signs for a patient in an ambulance: SIMULATED, from a
 * seed. The waveform is a sum of Gaussians per beat (P, Q, R, S, T, after McSharry et al.
 * 2003) on a beat phase that follows a slowly varying heart rate, with baseline wander and
 * noise; a STEMI patient gets ST elevation. Closed form in time, so any batch of any
 * ambulance can be produced on its own (the live server streams only the subscribed one).
 *
 * Samples are integers in units of 10 µV (0.01 mV): 1 mV = 100. Batches are 1 s of samples.
 */
export const ECG_HZ = 250;
export const ECG_BATCH_MS = 1000;
/** one sample unit in mV */
export const ECG_UNIT_MV = 0.01;

export interface Patient {
  /** seed of this patient's signal */
  seed: number;
  /** resting heart rate, bpm */
  hr: number;
  stemi: boolean;
  spo2: number;
  sys: number;
  dia: number;
  rr: number;
}

function hash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

export function patientOf(seed: number, stemi: boolean): Patient {
  const r = (k: number) => hash(seed * 31 + k);
  return {
    seed,
    hr: Math.round(stemi ? 88 + 30 * r(1) : 70 + 35 * r(1)),
    stemi,
    spo2: Math.round(stemi ? 91 + 6 * r(2) : 94 + 5 * r(2)),
    sys: Math.round(105 + 50 * r(3)),
    dia: Math.round(65 + 25 * r(4)),
    rr: Math.round(14 + 10 * r(5)),
  };
}

/** heart rate at time t (s): the resting rate with a slow respiratory/autonomic swing */
export function heartRate(p: Patient, ts: number): number {
  return p.hr + 4 * Math.sin((2 * Math.PI * ts) / 40 + p.seed);
}

/** beats since the epoch at time ts (s): the integral of heartRate/60 */
function beatPhase(p: Patient, ts: number): number {
  return (p.hr / 60) * ts - ((4 / 60) * 40) / (2 * Math.PI) * Math.cos((2 * Math.PI * ts) / 40 + p.seed);
}

const WAVES = [
  // [centre (fraction of the beat), amplitude mV, width (fraction)]
  [0.16, 0.12, 0.025], // P
  [0.27, -0.12, 0.009], // Q
  [0.3, 1.25, 0.011], // R
  [0.33, -0.28, 0.011], // S
  [0.58, 0.32, 0.045], // T
] as const;

/** The ECG value (mV) at time ts (seconds since the epoch). */
export function ecgAt(p: Patient, ts: number): number {
  const ph = beatPhase(p, ts);
  const f = ph - Math.floor(ph);
  let v = 0;
  for (const [c, a, w] of WAVES) {
    const d = f - c;
    v += a * Math.exp(-(d * d) / (2 * w * w));
  }
  if (p.stemi && f > 0.34 && f < 0.58) v += 0.22 * Math.sin((Math.PI * (f - 0.34)) / 0.24) + 0.08; // ST elevation
  v += 0.06 * Math.sin((2 * Math.PI * ts) / 4.1 + p.seed); // baseline wander (breathing)
  v += 0.025 * (hash(Math.floor(ts * ECG_HZ) + p.seed * 7919) - 0.5); // noise
  return v;
}

export interface EcgBatch {
  id: string;
  /** time of the first sample, epoch ms */
  t0: number;
  hz: number;
  /** samples in 0.01 mV */
  mv: number[];
  hr: number;
  spo2: number;
  sys: number;
  dia: number;
  rr: number;
  /** patient monitoring: always simulated here */
  simulated: true;
  stemi?: boolean;
}

/** One batch of `ECG_BATCH_MS` starting at t0 (epoch ms, a whole multiple of the batch). */
export function ecgBatch(id: string, p: Patient, t0: number): EcgBatch {
  const n = Math.round((ECG_BATCH_MS / 1000) * ECG_HZ);
  const mv = new Array<number>(n);
  for (let i = 0; i < n; i++) mv[i] = Math.round(ecgAt(p, (t0 + (i * 1000) / ECG_HZ) / 1000) / ECG_UNIT_MV);
  const ts = t0 / 1000;
  const slow = (k: number, period: number) => Math.sin((2 * Math.PI * ts) / period + p.seed + k);
  return {
    id,
    t0,
    hz: ECG_HZ,
    mv,
    hr: Math.round(heartRate(p, ts)),
    spo2: Math.max(80, Math.min(100, Math.round(p.spo2 + slow(1, 90)))),
    sys: Math.round(p.sys + 4 * slow(2, 120)),
    dia: Math.round(p.dia + 3 * slow(3, 120)),
    rr: Math.round(p.rr + slow(4, 60)),
    simulated: true,
    ...(p.stemi ? { stemi: true } : {}),
  };
}
