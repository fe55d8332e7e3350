/** The helpers bench/lib/page-init.js installs in every benchmark page. */
export {};

interface BenchPage {
  received: number;
  deltaMessages: number;
  /** times (performance.now) of frames drawn since startFrames */
  draws: number[];
  startFrames(): void;
  stopFrames(): number[];
  drawIntervals(): number[];
  /** set by drawIntervals(): what the measured window submitted */
  lastDrawStats: { frames: number; drawCalls: number; vertices: number };
  nextFrames(k: number): Promise<number>;
  startOrbit(target: 'cockpit' | 'floor', view: { lon: number; lat: number; zoom: number; pitch: number; bearing: number }, degPerSec: number): void;
  stopOrbit(): void;
  waitDraws(k: number, minMs: number, maxMs: number): Promise<number>;
  drawAfter(t: number, maxMs: number): Promise<number>;
  startPacing(target: 'cockpit' | 'floor'): void;
  stopPacing(): void;
  /** readyExpr: a JS expression; sampling starts once it is truthy */
  startSampling(selector: string, cols: number, rows: number, readyExpr: string): void;
  samplingFrom: number;
  samples: { t: number; rgb: Uint8Array }[];
  firstMatching(tolerance: number, share: number, content: number): { t: number; distinct: number; samples: number; contentPixels: number };
  glRenderer(): string;
}

declare global {
  interface Window {
    __bench: BenchPage;
  }
}
