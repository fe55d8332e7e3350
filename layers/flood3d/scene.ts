/**
 * A three.js close-up of one hotspot: a section of the street (an underpass trench, a
 * tunnel, a bridge underpass or an open junction), a car for scale, a staff gauge with the
 * place's warning thresholds, the water at its depth, and rain whose density follows the
 * rain intensity. Units are metres.
 *
 * Built for a 24/7 wall: one renderer per mount, rendering only while something moves
 * (rain, or water still rising/falling toward its target), at most ~30 frames a second,
 * and everything (geometries, materials, the renderer and its WebGL context) released by
 * `dispose()`.
 */
import {
  AmbientLight,
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  CylinderGeometry,
  DirectionalLight,
  Fog,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshLambertMaterial,
  MeshPhongMaterial,
  PerspectiveCamera,
  Scene,
  WebGLRenderer,
  type Material,
  type Object3D,
} from 'three';

export type SectionKind = 'underpass' | 'tunnel' | 'bridge-under' | 'junction' | 'road-section';

export interface CloseUpState {
  kind: SectionKind;
  /** water depth, cm */
  depth_cm: number;
  /** rain intensity, mm/h */
  rain_mm_h: number;
  /** warning thresholds, cm */
  warn: { blue: number; yellow: number; orange: number; red: number };
  /** physical cap of the water, cm (sizes the walls) */
  max_depth_cm: number;
}

const MAX_DROPS = 1600;
const ROAD_LEN = 36;
const ROAD_W = 9;
const FRAME_MS = 1000 / 30;

export function sectionKind(kind: unknown): SectionKind {
  return kind === 'underpass' || kind === 'tunnel' || kind === 'bridge-under' || kind === 'road-section' ? kind : 'junction';
}

/** Drops shown for an intensity: none when dry, all at 200 mm/h and above. */
export function dropsFor(mm_h: number): number {
  if (!(mm_h > 0.2)) return 0;
  return Math.round(MAX_DROPS * Math.min(1, Math.sqrt(mm_h / 200)));
}

export class FloodScene {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(38, 2, 0.1, 300);
  private section: Group | null = null;
  private sectionKey = '';
  private readonly water: Mesh;
  private readonly waterTop: Mesh;
  private readonly rain: LineSegments;
  private readonly drops: Float32Array;
  private readonly speeds: Float32Array;
  private state: CloseUpState | null = null;
  private shownDepth = 0;
  private floor = 0;
  private raf = 0;
  private last = 0;
  private lastFrame = 0;
  private disposed = false;
  private readonly ro: ResizeObserver | null;
  private seed = 12345;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true, powerPreference: 'low-power', preserveDrawingBuffer: false });
    this.renderer.setPixelRatio(Math.min(globalThis.devicePixelRatio || 1, 1.5));
    this.renderer.setClearColor(new Color('#07162b'), 1);
    this.scene.fog = new Fog(0x07162b, 45, 130);
    this.scene.add(new AmbientLight(0xa8c4ff, 0.9));
    const sun = new DirectionalLight(0xffffff, 1.1);
    sun.position.set(10, 20, 12);
    this.scene.add(sun);

    this.water = new Mesh(new BoxGeometry(ROAD_LEN, 1, ROAD_W), new MeshPhongMaterial({ color: 0x2f86c8, transparent: true, opacity: 0.55, shininess: 90, depthWrite: false }));
    this.waterTop = new Mesh(new BoxGeometry(ROAD_LEN, 0.02, ROAD_W), new MeshPhongMaterial({ color: 0x9fd8ff, transparent: true, opacity: 0.35, shininess: 120, depthWrite: false }));
    this.water.renderOrder = 2;
    this.waterTop.renderOrder = 3;
    this.scene.add(this.water, this.waterTop);

    this.drops = new Float32Array(MAX_DROPS * 6);
    this.speeds = new Float32Array(MAX_DROPS);
    for (let i = 0; i < MAX_DROPS; i++) this.resetDrop(i, true);
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(this.drops, 3));
    g.setDrawRange(0, 0);
    this.rain = new LineSegments(g, new LineBasicMaterial({ color: 0xbfdcff, transparent: true, opacity: 0.55 }));
    this.rain.frustumCulled = false;
    this.rain.renderOrder = 4;
    this.scene.add(this.rain);

    this.ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => this.resize()) : null;
    this.ro?.observe(canvas);
    this.resize();
  }

  private rand(): number {
    // a small LCG: the same rain on every machine, no Math.random in tests
    this.seed = (this.seed * 1664525 + 1013904223) >>> 0;
    return this.seed / 4294967296;
  }

  private resetDrop(i: number, anywhere: boolean): void {
    const x = (this.rand() - 0.5) * ROAD_LEN;
    const z = (this.rand() - 0.5) * (ROAD_W + 10);
    const y = anywhere ? this.rand() * 18 : 16 + this.rand() * 4;
    const len = 0.5 + this.rand() * 0.5;
    this.speeds[i] = 12 + this.rand() * 6;
    const o = i * 6;
    this.drops[o] = x;
    this.drops[o + 1] = y;
    this.drops[o + 2] = z;
    this.drops[o + 3] = x - 0.06;
    this.drops[o + 4] = y - len;
    this.drops[o + 5] = z;
  }

  private resize(): void {
    const w = Math.max(1, this.canvas.clientWidth);
    const h = Math.max(1, this.canvas.clientHeight);
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.kick();
  }

  /** New values (place, depth, rain): rebuilds the street only when the place kind changes. */
  update(s: CloseUpState): void {
    if (this.disposed) return;
    const key = `${s.kind}|${s.max_depth_cm}|${s.warn.blue},${s.warn.yellow},${s.warn.orange},${s.warn.red}`;
    if (key !== this.sectionKey) {
      this.sectionKey = key;
      this.buildSection(s);
      this.shownDepth = Math.max(0, s.depth_cm);
    }
    this.state = s;
    this.rain.geometry.setDrawRange(0, dropsFor(s.rain_mm_h) * 2);
    this.kick();
  }

  private buildSection(s: CloseUpState): void {
    if (this.section) {
      this.scene.remove(this.section);
      disposeTree(this.section);
    }
    const g = new Group();
    const mat = (color: number) => new MeshLambertMaterial({ color });
    const box = (w: number, h: number, d: number, color: number, x: number, y: number, z: number) => {
      const m = new Mesh(new BoxGeometry(w, h, d), mat(color));
      m.position.set(x, y, z);
      g.add(m);
      return m;
    };
    const covered = s.kind === 'underpass' || s.kind === 'tunnel';
    const maxM = Math.max(1.5, s.max_depth_cm / 100);
    // the road surface is at y = floor; the street level around is at y = 0 except in trenches
    const wallH = covered ? Math.max(5, maxM + 0.6) : 0;
    this.floor = covered ? -wallH : 0;
    const f = this.floor;
    box(ROAD_LEN, 0.3, ROAD_W, 0x2b3442, 0, f - 0.15, 0); // road
    // lane markings
    for (let x = -ROAD_LEN / 2 + 2; x < ROAD_LEN / 2; x += 5) box(2.4, 0.02, 0.15, 0xd8dde6, x, f + 0.01, 0);
    if (covered) {
      box(ROAD_LEN, wallH, 0.6, 0x56606e, 0, f + wallH / 2, -ROAD_W / 2 - 0.3);
      box(ROAD_LEN, wallH, 0.6, 0x56606e, 0, f + wallH / 2, ROAD_W / 2 + 0.3);
      // the street level on both sides
      box(ROAD_LEN, 0.4, 8, 0x3a4556, 0, -0.2, -ROAD_W / 2 - 4.6);
      box(ROAD_LEN, 0.4, 8, 0x3a4556, 0, -0.2, ROAD_W / 2 + 4.6);
      if (s.kind === 'tunnel') box(ROAD_LEN * 0.45, 0.8, ROAD_W + 1.2, 0x4a5464, ROAD_LEN * 0.25, 0.4, 0); // portal roof
      else box(6, 1, ROAD_W + 8, 0x4a5464, 4, 0.5, 0); // the crossing road above
    } else {
      // kerbs, pavements and buildings
      box(ROAD_LEN, 0.15, 3, 0x5b6472, 0, 0.075, -ROAD_W / 2 - 1.5);
      box(ROAD_LEN, 0.15, 3, 0x5b6472, 0, 0.075, ROAD_W / 2 + 1.5);
      for (let i = 0; i < 5; i++) {
        const h = 6 + ((i * 7) % 9);
        box(6, h, 6, 0x34496b, -ROAD_LEN / 2 + 4 + i * 7, h / 2, -ROAD_W / 2 - 7);
      }
      if (s.kind === 'bridge-under') {
        box(ROAD_LEN * 0.35, 0.9, ROAD_W + 6, 0x4a5464, 2, 5.8, 0);
        for (const z of [-ROAD_W / 2 - 0.8, ROAD_W / 2 + 0.8]) {
          const p = new Mesh(new CylinderGeometry(0.45, 0.45, 5.4, 12), mat(0x6b7482));
          p.position.set(2, 2.7, z);
          g.add(p);
        }
      }
    }
    // a car for scale (sill ≈ 0.4 m, roof ≈ 1.45 m)
    const car = new Group();
    const body = new Mesh(new BoxGeometry(4.4, 0.75, 1.8), mat(0xc8ccd4));
    body.position.y = 0.65;
    const cabin = new Mesh(new BoxGeometry(2.4, 0.5, 1.6), mat(0x9aa6b8));
    cabin.position.set(-0.2, 1.25, 0);
    car.add(body, cabin);
    for (const [x, z] of [[-1.4, -0.9], [1.4, -0.9], [-1.4, 0.9], [1.4, 0.9]] as const) {
      const w = new Mesh(new CylinderGeometry(0.33, 0.33, 0.25, 14), mat(0x15181d));
      w.rotation.x = Math.PI / 2;
      w.position.set(x, 0.33, z);
      car.add(w);
    }
    car.position.set(-4, f, 1.6);
    g.add(car);
    // the staff gauge with the warning thresholds
    const gaugeX = 7;
    const gaugeZ = covered ? -ROAD_W / 2 + 0.05 : -ROAD_W / 2 - 0.2;
    const bands: [number, number, number][] = [
      [0, s.warn.blue, 0x2ecc71],
      [s.warn.blue, s.warn.yellow, 0x2f80ff],
      [s.warn.yellow, s.warn.orange, 0xffd600],
      [s.warn.orange, s.warn.red, 0xff8a00],
      [s.warn.red, Math.max(s.warn.red + 30, Math.min(s.max_depth_cm, 250)), 0xff3b30],
    ];
    for (const [a, b, color] of bands) {
      const h = Math.max(0.02, (b - a) / 100);
      box(0.25, h, 0.08, color, gaugeX, f + a / 100 + h / 2, gaugeZ);
    }
    // open streets: water above the kerb spreads over the pavements too
    this.water.scale.z = covered ? 1 : (ROAD_W + 6) / ROAD_W;
    this.waterTop.scale.z = this.water.scale.z;
    this.section = g;
    this.scene.add(g);
    // frame the section: trenches are looked into from above
    if (covered) {
      this.camera.position.set(15, 6, 18);
      this.camera.lookAt(0, f + 1.2, 0);
    } else {
      this.camera.position.set(14, 7.5, 17);
      this.camera.lookAt(0, 1, 0);
    }
  }

  private kick(): void {
    if (this.disposed || this.raf) return;
    this.raf = requestAnimationFrame((t) => this.frame(t));
  }

  private frame(now: number): void {
    this.raf = 0;
    if (this.disposed) return;
    if (now - this.lastFrame < FRAME_MS - 1) {
      this.raf = requestAnimationFrame((t) => this.frame(t));
      return;
    }
    const dt = this.last ? Math.min(0.1, (now - this.last) / 1000) : 1 / 30;
    this.last = now;
    this.lastFrame = now;
    const s = this.state;
    let moving = false;
    if (s) {
      // water eases toward its depth (about a second), so a seek does not jump
      const target = Math.max(0, s.depth_cm);
      const diff = target - this.shownDepth;
      this.shownDepth = Math.abs(diff) < 0.5 ? target : this.shownDepth + diff * Math.min(1, dt * 4);
      moving = this.shownDepth !== target;
      const h = this.shownDepth / 100;
      this.water.visible = h > 0.005;
      this.waterTop.visible = this.water.visible;
      this.water.scale.y = Math.max(0.001, h);
      this.water.position.y = this.floor + h / 2;
      this.waterTop.position.y = this.floor + h + 0.01;
      const n = dropsFor(s.rain_mm_h);
      if (n > 0) {
        moving = true;
        const fall = dt;
        for (let i = 0; i < n; i++) {
          const o = i * 6;
          const d = this.speeds[i] * fall;
          this.drops[o + 1] -= d;
          this.drops[o + 4] -= d;
          if (this.drops[o + 4] < this.floor + h) this.resetDrop(i, false);
        }
        (this.rain.geometry.getAttribute('position') as BufferAttribute).needsUpdate = true;
      }
    }
    this.renderer.render(this.scene, this.camera);
    if (moving) this.raf = requestAnimationFrame((t) => this.frame(t));
    else this.last = 0;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.ro?.disconnect();
    disposeTree(this.scene);
    this.renderer.dispose();
    this.renderer.forceContextLoss();
  }
}

function disposeTree(root: Object3D): void {
  root.traverse((o) => {
    const m = o as Mesh;
    if (m.geometry) m.geometry.dispose();
    const mat = m.material as Material | Material[] | undefined;
    if (Array.isArray(mat)) mat.forEach((x) => x.dispose());
    else mat?.dispose();
  });
}
