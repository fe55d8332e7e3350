/**
 * Community risk tiers as timelines — SIMULATED.
 *
 * Topics written:
 *  - `communities`: a snapshot of all 10,806 communities at the start of the window, then
 *    only the communities that changed (tier, a new case, a check-in round), each upsert
 *    the whole entity (wire rule). Tier changes carry when (`since`, epoch ms), the tier
 *    before (`prev_tier`) and why (`reason`, `reason_en`).
 *  - `community-stats`: every hour, the tier counts of the city (`city`) and of each of
 *    the 16 districts (ids = district codes), so the panels can draw the whole curve.
 *  - `events`: an alarm when a community turns red (ref_topic/ref_id select it), and
 *    info markers for the milestones of an outbreak.
 *
 * Check-in rounds (resident health check-ins): green communities weekly, yellow daily,
 * red twice a day; `checkins` = residents checked in at the last round.
 *
 * Two builders: the calm baseline of the embedded default (19–22 Jul 2021: a few yellow
 * communities, one red) and a 32-day outbreak that starts in a few communities, spreads
 * to neighbours (spatial index) and is contained: red → yellow after 7 days without a new
 * case, yellow → green after 7 more (see docs/communities.md). Deterministic (seeded).
 */
import type { Entity } from '../../src/data/wire';
import { CITY_ID, DISTRICTS, STATS_TOPIC, TOPIC, type Tier } from '../../layers/communities/model';
import { communities, type Community } from '../catalog/communities';
import { rng } from './rng';
import { SpatialIndex } from './communities-spatial';
import type { TimelineBuilder } from './timeline';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** a Monday, 00:00 Beijing time: the phase of the weekly check-in rounds */
const WEEK0 = Date.parse('2021-01-04T00:00:00+08:00');

export interface Window {
  from: number;
  to: number;
}

export interface Reason {
  zh: string;
  en: string;
}

export const REASONS = {
  routine: { zh: '常态化防控，无风险人员', en: 'Routine prevention: no one at risk' },
  returnees: { zh: '有中高风险地区返郑人员，居家健康监测', en: 'Residents back from a medium/high-risk area: home health monitoring' },
  monitoringDone: { zh: '居家健康监测期满，恢复绿色', en: 'Home health monitoring completed: back to green' },
  firstCase: { zh: '发现确诊病例，划为红色（封控）', en: 'Confirmed case found: red (lockdown)' },
  linkedCase: (src: Community): Reason => ({ zh: `新增确诊病例，与${src.name}关联，划为红色（封控）`, en: `New confirmed case linked to ${src.name_en}: red (lockdown)` }),
  jumpCase: (src: Community): Reason => ({ zh: `新增确诊病例（跨区传播，关联${src.name}），划为红色（封控）`, en: `New confirmed case (spread across districts, linked to ${src.name_en}): red (lockdown)` }),
  neighbour: (src: Community): Reason => ({ zh: `与红色小区${src.name}相邻，划为黄色（管控）`, en: `Next to red community ${src.name_en}: yellow (controlled)` }),
  contact: (src: Community): Reason => ({ zh: `有密接人员居住（关联${src.name}），划为黄色（管控）`, en: `Close contacts of ${src.name_en} live here: yellow (controlled)` }),
  redDown: { zh: '连续7天无新增病例，由红色降为黄色（管控）', en: 'No new case for 7 days: red → yellow (controlled)' },
  yellowDown: { zh: '连续7天无新增，解除管控，恢复绿色', en: 'No new case for 7 days: controls lifted, back to green' },
};

interface State {
  tier: Tier;
  prev?: Tier;
  since: number;
  reason: Reason;
  cases: number;
  checkinAt: number;
  checkins: number;
}

/** The shared engine: community states, emission of deltas, stats and check-ins. */
export class TierTimeline {
  readonly cs: Community[];
  readonly st: State[];
  private readonly r: () => number;
  private pendingT = NaN;
  private readonly pending = new Set<number>();
  /** per community: weekly check-in day (0–6) and minute of the day */
  private readonly phaseDay: Uint8Array;
  private readonly phaseMin: Uint16Array;
  private readonly byDistrict: number[];

  constructor(
    readonly b: TimelineBuilder,
    readonly w: Window,
    seed: number,
    cs: Community[] = communities(),
  ) {
    this.cs = cs;
    this.r = rng(seed);
    this.phaseDay = new Uint8Array(cs.length);
    this.phaseMin = new Uint16Array(cs.length);
    this.byDistrict = cs.map((c) => DISTRICTS.findIndex((d) => d.code === c.district));
    for (let i = 0; i < cs.length; i++) {
      this.phaseDay[i] = Math.floor(this.r() * 7);
      this.phaseMin[i] = 8 * 60 + 1 + Math.floor(this.r() * (11 * 60 - 2)); // 08:01–18:59
    }
    // the state at the start: green since a while, last weekly round before the window
    this.st = cs.map((c, i) => {
      const since = w.from - Math.round((20 + this.r() * 40) * DAY / HOUR) * HOUR;
      return { tier: 'green' as Tier, since, reason: REASONS.routine, cases: 0, checkinAt: this.lastRoundBefore(i, w.from), checkins: this.count(c, 'green') };
    });
  }

  readonly rand = (): number => this.r();

  private lastRoundBefore(i: number, t: number): number {
    const dayStart = (x: number) => WEEK0 + Math.floor((x - WEEK0) / DAY) * DAY;
    for (let d = 0; d < 8; d++) {
      const day = dayStart(t) - d * DAY;
      const k = Math.round((day - WEEK0) / DAY) % 7;
      const at = day + this.phaseMin[i] * MIN;
      if (k === this.phaseDay[i] && at < t) return at;
    }
    return t - 7 * DAY;
  }

  private count(c: Community, tier: Tier): number {
    const rate = tier === 'red' ? 0.97 + this.r() * 0.03 : tier === 'yellow' ? 0.92 + this.r() * 0.07 : 0.78 + this.r() * 0.17;
    return Math.round(c.pop * rate);
  }

  entity(i: number): Entity {
    const c = this.cs[i];
    const s = this.st[i];
    const e: Record<string, unknown> = { id: c.id, lon: c.lon, lat: c.lat, name: c.name, name_en: c.name_en, py: c.py, district: c.district, pop: c.pop, households: c.households };
    if (c.shape) e.shape = c.shape;
    e.tier = s.tier;
    if (s.prev) e.prev_tier = s.prev;
    e.since = s.since;
    e.reason = s.reason.zh;
    e.reason_en = s.reason.en;
    if (s.cases) e.cases = s.cases;
    e.checkin_at = s.checkinAt;
    e.checkins = s.checkins;
    return e as Entity;
  }

  /** Set the state before the window starts (not emitted as a change). */
  initial(i: number, tier: Tier, since: number, reason: Reason): void {
    const s = this.st[i];
    s.prev = s.tier === tier ? s.prev : s.tier;
    s.tier = tier;
    s.since = since;
    s.reason = reason;
    s.checkins = this.count(this.cs[i], tier);
    if (tier === 'red') s.cases = Math.max(1, s.cases);
  }

  snapshot(): void {
    this.b.add(TOPIC, this.w.from, { snapshot: true, upsert: this.cs.map((_, i) => this.entity(i)) });
    this.stats(this.w.from);
  }

  private touch(i: number, t: number): void {
    if (t !== this.pendingT) this.flush();
    this.pendingT = t;
    this.pending.add(i);
  }

  /** Emit the communities changed at the pending time as one message. */
  flush(): void {
    if (this.pending.size) this.b.add(TOPIC, this.pendingT, { upsert: [...this.pending].map((i) => this.entity(i)) });
    this.pending.clear();
    this.pendingT = NaN;
  }

  /** A tier change at time t (a red raises an alarm). Returns false if nothing changed. */
  change(i: number, t: number, tier: Tier, reason: Reason): boolean {
    const s = this.st[i];
    if (s.tier === tier) return false;
    if (t !== this.pendingT) this.flush();
    s.prev = s.tier;
    s.tier = tier;
    s.since = t;
    s.reason = reason;
    if (tier === 'red') s.cases += 1;
    // a change comes with a check-in round of the community
    s.checkinAt = t;
    s.checkins = this.count(this.cs[i], tier);
    this.touch(i, t);
    if (tier === 'red') {
      const c = this.cs[i];
      const d = DISTRICTS[this.byDistrict[i]];
      this.b.add('events', t, {
        upsert: [
          {
            id: `ev-red-${c.id}-${Math.round(t / MIN)}`,
            title: `${d.short_zh} ${c.name} 转为红色：${reason.zh}`.slice(0, 200),
            title_en: `${d.short_en}: ${c.name_en} turned red: ${reason.en}`.slice(0, 200),
            level: 'alarm',
            lon: c.lon,
            lat: c.lat,
            ref_topic: TOPIC,
            ref_id: c.id,
          },
        ],
      });
    }
    return true;
  }

  /** A new case in a community that is already red (extends its lockdown). */
  newCase(i: number, t: number): void {
    if (t !== this.pendingT) this.flush();
    this.st[i].cases += 1;
    this.touch(i, t);
  }

  private checkin(i: number, t: number): void {
    if (t !== this.pendingT) this.flush();
    this.st[i].checkinAt = t;
    this.st[i].checkins = this.count(this.cs[i], this.st[i].tier);
    this.touch(i, t);
  }

  /** The check-in rounds that fall in [h, h + 1 h): returned as (time, community) pairs. */
  roundsIn(h: number): [number, number][] {
    const out: [number, number][] = [];
    const day = WEEK0 + Math.floor((h - WEEK0) / DAY) * DAY;
    const k = Math.round((day - WEEK0) / DAY) % 7;
    const m0 = (h - day) / MIN;
    for (let i = 0; i < this.cs.length; i++) {
      const s = this.st[i];
      const m = this.phaseMin[i];
      if (s.tier === 'green') {
        if (this.phaseDay[i] === k && m >= m0 && m < m0 + 60) out.push([day + m * MIN, i]);
      } else {
        // yellow: daily; red: twice a day (8 h apart)
        const m2 = (m + 480) % 1440;
        if (m >= m0 && m < m0 + 60) out.push([day + m * MIN, i]);
        else if (s.tier === 'red' && m2 >= m0 && m2 < m0 + 60) out.push([day + m2 * MIN, i]);
      }
    }
    return out;
  }

  /** Apply check-in rounds of [h, h + 1 h) that are not superseded by a change. */
  applyRounds(rounds: [number, number][]): void {
    for (const [t, i] of rounds) if (this.st[i].checkinAt < t) this.checkin(i, t);
  }

  counts(): { city: [number, number, number]; districts: [number, number, number][] } {
    const districts = DISTRICTS.map(() => [0, 0, 0] as [number, number, number]);
    const city: [number, number, number] = [0, 0, 0];
    for (let i = 0; i < this.cs.length; i++) {
      const k = this.st[i].tier === 'red' ? 2 : this.st[i].tier === 'yellow' ? 1 : 0;
      districts[this.byDistrict[i]][k]++;
      city[k]++;
    }
    return { city, districts };
  }

  stats(t: number): void {
    this.flush();
    const { city, districts } = this.counts();
    const row = (id: string, name: string, name_en: string, [g, y, r]: number[]) => ({ id, name, name_en, green: g, yellow: y, red: r, total: g + y + r });
    this.b.add(STATS_TOPIC, t, {
      upsert: [row(CITY_ID, '郑州市', 'Zhengzhou', city), ...DISTRICTS.map((d, k) => row(d.code, d.zh, d.en, districts[k]))],
    });
  }

  /**
   * Run the window hour by hour: `step(h)` returns the events of [h, h + 1 h) as
   * (time, action) pairs (times at minutes 1–59, so the hourly stats never coincide);
   * check-in rounds are merged in time order.
   */
  run(step: (h: number) => [number, () => void][]): void {
    this.snapshot();
    for (let h = this.w.from; h < this.w.to; h += HOUR) {
      if (h > this.w.from) this.stats(h);
      const acts: [number, number, () => void][] = step(h).map(([t, f], k) => [t, k, f]);
      const rounds = this.roundsIn(h);
      acts.push(...rounds.map(([t, i], k): [number, number, () => void] => [t, 1e6 + k, () => this.applyRounds([[t, i]])]));
      acts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (const [, , f] of acts) f();
      this.flush();
    }
    this.stats(this.w.to);
  }
}

/** A random minute 1–59 of hour h. */
function minuteOf(h: number, r: () => number): number {
  return h + (1 + Math.floor(r() * 59)) * MIN;
}

/** Weighted pick of a community index: the old urban districts more likely. */
function pickWeighted(tl: TierTimeline, filter: (i: number) => boolean, urbanBias = 3): number {
  const urban = new Set(['410105', '410103', '410102', '410104', '410108', 'ZD']);
  for (let tries = 0; tries < 10_000; tries++) {
    const i = Math.floor(tl.rand() * tl.cs.length);
    if (!filter(i)) continue;
    if (!urban.has(tl.cs[i].district) && tl.rand() > 1 / urbanBias) continue;
    return i;
  }
  throw new Error('no community matches');
}

// ---- the calm baseline (embedded default) ---------------------------------------------

export const BASELINE_SEED = 19_072_021;

/**
 * 19–22 July 2021: a calm baseline. A few communities are yellow (residents back from
 * medium/high-risk areas under home health monitoring, 7 days), some come and go; one
 * community turns red on 19 Jul afternoon and its neighbours within 400 m turn yellow.
 */
export function buildCommunitiesBaseline(b: TimelineBuilder, w: Window): void {
  const tl = new TierTimeline(b, w, BASELINE_SEED);
  const idx = new SpatialIndex(tl.cs);
  const release = new Map<number, number>();
  // yellow at the start: since 1–6 days before the window
  for (let k = 0; k < 7; k++) {
    const i = pickWeighted(tl, (j) => tl.st[j].tier === 'green');
    const since = w.from - Math.round((1 + tl.rand() * 5) * 24) * HOUR - Math.floor(tl.rand() * 50 + 5) * MIN;
    tl.initial(i, 'yellow', since, REASONS.returnees);
    release.set(i, since + 7 * DAY);
  }
  // new yellow communities during the window, and the red one
  const plans = new Map<number, (h: number) => [number, () => void][]>();
  const span = Math.floor((w.to - w.from) / HOUR);
  for (let k = 0; k < 5; k++) {
    const hour = w.from + Math.floor(4 + tl.rand() * (span - 8)) * HOUR;
    const prev = plans.get(hour);
    plans.set(hour, (h) => {
      const i = pickWeighted(tl, (j) => tl.st[j].tier === 'green');
      const t = minuteOf(h, tl.rand);
      return [...(prev?.(h) ?? []), [t, () => tl.change(i, t, 'yellow', REASONS.returnees) && release.set(i, t + 7 * DAY)]];
    });
  }
  const redHour = Date.parse('2021-07-19T16:00:00+08:00');
  if (redHour >= w.from && redHour < w.to) {
    plans.set(redHour, (h) => {
      const i = pickWeighted(tl, (j) => tl.st[j].tier === 'green' && tl.cs[j].district === '410103', 1);
      const t = h + 23 * MIN;
      const acts: [number, () => void][] = [[t, () => tl.change(i, t, 'red', REASONS.firstCase)]];
      const ring = idx.within(i, 400).filter(({ j }) => tl.st[j].tier === 'green');
      ring.forEach(({ j }, n) => {
        const tj = t + (5 + n) * MIN;
        acts.push([tj, () => tl.change(j, tj, 'yellow', REASONS.neighbour(tl.cs[i])) && release.set(j, tj + 14 * DAY)]);
      });
      return acts;
    });
  }
  tl.run((h) => {
    const acts = plans.get(h)?.(h) ?? [];
    for (const [i, at] of release) {
      if (at < h || at >= h + HOUR) continue;
      const t = Math.max(at, h + MIN);
      acts.push([t, () => tl.change(i, t, 'green', REASONS.monitoringDone)]);
      release.delete(i);
    }
    return acts;
  });
}

// ---- the outbreak scenario ------------------------------------------------------------

export const OUTBREAK = {
  name: 'communities-outbreak',
  /** 1 Aug 00:00 – 2 Sep 00:00 2021, Beijing time: 32 days */
  from: Date.parse('2021-08-01T00:00:00+08:00'),
  to: Date.parse('2021-09-02T00:00:00+08:00'),
  seed: 20_210_801,
  /** red → yellow after this long without a new case; yellow → green likewise */
  redDays: 7,
  yellowDays: 7,
  /** transmission to a neighbour: per infectious red community, per hour, β·exp(−d/250 m) within 800 m */
  beta0: 0.0075,
  /** containment: β halves every 1.8 days from day 5; no new transmissions after day 16 */
  containFromDay: 5,
  halfLifeDays: 1.8,
  stopDay: 16,
  /** a red community is infectious for 5 days after its last case */
  infectiousDays: 5,
  /** per infectious red community per hour: a new case inside it; a jump to a distant community */
  selfCase: 0.012,
  jump: 0.004,
  /** yellow ring around a red community, metres; close-contact communities per red (within 6 km) */
  ringM: 500,
  contacts: [1, 3] as [number, number],
};

export function buildCommunitiesOutbreak(b: TimelineBuilder, w: Window = OUTBREAK): void {
  const o = OUTBREAK;
  const tl = new TierTimeline(b, w, o.seed);
  const idx = new SpatialIndex(tl.cs);
  const n = tl.cs.length;
  const lastCase = new Float64Array(n).fill(-Infinity);
  const releaseAt = new Float64Array(n).fill(0);
  const near = new Map<number, { j: number; d: number }[]>();
  const neighbours = (i: number) => {
    let v = near.get(i);
    if (!v) near.set(i, (v = idx.within(i, 800)));
    return v;
  };
  let everRed = false;
  let lastRedCleared = false;
  let allGreen = false;

  const turnRed = (i: number, t: number, reason: Reason) => {
    if (!tl.change(i, t, 'red', reason)) return;
    everRed = true;
    lastCase[i] = t;
    releaseAt[i] = 0;
    const src = tl.cs[i];
    for (const { j, d } of neighbours(i)) {
      if (d > o.ringM) break;
      if (tl.st[j].tier === 'green') tl.change(j, t, 'yellow', REASONS.neighbour(src));
      if (tl.st[j].tier === 'yellow') releaseAt[j] = Math.max(releaseAt[j], t + o.yellowDays * DAY);
    }
    const k = o.contacts[0] + Math.floor(tl.rand() * (o.contacts[1] - o.contacts[0] + 1));
    const pool = idx.within(i, 6000).filter(({ j, d }) => d > o.ringM && tl.st[j].tier === 'green');
    for (let c = 0; c < k && pool.length; c++) {
      const { j } = pool.splice(Math.floor(tl.rand() * pool.length), 1)[0];
      tl.change(j, t, 'yellow', REASONS.contact(src));
      releaseAt[j] = t + o.yellowDays * DAY;
    }
  };

  const seedHours = [0.55, 0.8, 1.3].map((d) => w.from + Math.round(d * 24) * HOUR);
  tl.run((h) => {
    const acts: [number, () => void][] = [];
    const day = (h - w.from) / DAY;
    const beta = day >= o.stopDay ? 0 : o.beta0 * (day < o.containFromDay ? 1 : 0.5 ** ((day - o.containFromDay) / o.halfLifeDays));
    // the first cases: three communities of the urban core
    seedHours.forEach((sh, k) => {
      if (sh !== h) return;
      const district = ['410103', '410102', '410105'][k];
      const i = pickWeighted(tl, (j) => tl.st[j].tier === 'green' && tl.cs[j].district === district && tl.cs[j].pop > 800, 1);
      const t = minuteOf(h, tl.rand);
      acts.push([t, () => turnRed(i, t, REASONS.firstCase)]);
    });
    // spread from the infectious red communities
    if (beta > 0) {
      for (let i = 0; i < n; i++) {
        if (tl.st[i].tier !== 'red' || h - lastCase[i] > o.infectiousDays * DAY) continue;
        for (const { j, d } of neighbours(i)) {
          if (tl.st[j].tier === 'red') continue;
          if (tl.rand() < beta * Math.exp(-d / 250)) {
            const t = minuteOf(h, tl.rand);
            acts.push([t, () => tl.st[j].tier !== 'red' && turnRed(j, t, REASONS.linkedCase(tl.cs[i]))]);
          }
        }
        if (tl.rand() < (o.selfCase * beta) / o.beta0) {
          const t = minuteOf(h, tl.rand);
          acts.push([t, () => {
            if (tl.st[i].tier !== 'red') return;
            lastCase[i] = t;
            tl.newCase(i, t);
          }]);
        }
        if (tl.rand() < (o.jump * beta) / o.beta0) {
          const j = pickWeighted(tl, (x) => tl.st[x].tier === 'green' && tl.cs[x].district !== tl.cs[i].district, 2);
          const t = minuteOf(h, tl.rand);
          acts.push([t, () => tl.st[j].tier !== 'red' && turnRed(j, t, REASONS.jumpCase(tl.cs[i]))]);
        }
      }
    }
    // containment: red → yellow after 7 days without a case; yellow → green 7 days later
    for (let i = 0; i < n; i++) {
      const s = tl.st[i];
      if (s.tier === 'red' && h + HOUR > lastCase[i] + o.redDays * DAY) {
        const t = Math.max(h + MIN, Math.min(h + 59 * MIN, lastCase[i] + o.redDays * DAY));
        acts.push([t, () => {
          if (tl.st[i].tier !== 'red' || t < lastCase[i] + o.redDays * DAY) return;
          tl.change(i, t, 'yellow', REASONS.redDown);
          releaseAt[i] = t + o.yellowDays * DAY;
        }]);
      } else if (s.tier === 'yellow' && h + HOUR > releaseAt[i]) {
        const t = Math.max(h + MIN, Math.min(h + 59 * MIN, releaseAt[i]));
        acts.push([t, () => {
          if (tl.st[i].tier !== 'yellow' || t < releaseAt[i]) return;
          // not while a red community is still next door
          if (neighbours(i).some(({ j, d }) => d <= o.ringM && tl.st[j].tier === 'red')) return;
          tl.change(i, t, 'green', REASONS.yellowDown);
          releaseAt[i] = 0;
        }]);
      }
    }
    // milestones
    acts.push([h + 59 * MIN + 30_000, () => {
      const { city } = tl.counts();
      if (everRed && !lastRedCleared && city[2] === 0) {
        lastRedCleared = true;
        b.add('events', h + 59 * MIN + 30_000, { upsert: [{ id: 'ev-outbreak-no-red', title: '全市红色小区清零', title_en: 'No red community left in the city', level: 'info' }] });
      }
      if (everRed && !allGreen && city[1] === 0 && city[2] === 0) {
        allGreen = true;
        b.add('events', h + 59 * MIN + 30_000, { upsert: [{ id: 'ev-outbreak-all-green', title: '全市小区恢复绿色', title_en: 'Every community back to green', level: 'info' }] });
      }
    }]);
    return acts;
  });
}
