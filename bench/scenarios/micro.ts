/** The Node-only replay micro-benchmark (bench/replay-micro.ts) as a scenario of the run. */
import { runReplayMicro } from '../replay-micro';
import type { Ctx, ScenarioResult } from '../lib/common';

export async function replayMicro(ctx: Ctx): Promise<ScenarioResult> {
  const n = ctx.quick ? 200_000 : 1_000_000;
  const m = await runReplayMicro(n, 20, ctx.log, ctx.profile);
  if (m.profile) ctx.nodeProfiles[`replay parse (${n.toLocaleString('en-US')} msgs)`] = m.profile;
  ctx.log(`  ${m.messages.toLocaleString('en-US')} msgs (${m.fileMB.toFixed(0)} MB): JSON.parse ${m.rawParseMs.toFixed(0)} ms, parseTimeline ${m.parseMs.toFixed(0)} ms (keyframe build alone ${m.keyframeMs.toFixed(0)} ms, ${m.keyframes} keyframes), seek p50 ${m.seekP50.toFixed(2)} / p95 ${m.seekP95.toFixed(2)} / max ${m.seekMax.toFixed(2)} ms, heap ${m.heapUsedMB.toFixed(0)} MB, RSS peak ${m.rssPeakMB.toFixed(0)} MB`);
  const label = `replay log in Node (${(n / 1e6).toFixed(1)} M msgs)`;
  const row = (metric: string, unit: string, c: number, f: number, rank = false) => ({ scenario: label, metric, unit, cockpit: c, floor: f, ratio: f ? c / f : NaN, rank });
  return {
    name: label,
    rows: [
      row('parse+validate+keyframes ÷ JSON.parse only', 'ms', m.parseMs, m.rawParseMs, true),
      row('keyframe build alone ÷ JSON.parse only', 'ms', m.keyframeMs, m.rawParseMs),
      row('seek (cursorAt+snapshot) p50 ÷ JSON.parse only', 'ms', m.seekP50, m.rawParseMs),
      row('seek p95 ÷ JSON.parse only', 'ms', m.seekP95, m.rawParseMs),
      row('seek max ÷ JSON.parse only', 'ms', m.seekMax, m.rawParseMs),
      row('peak RSS ÷ file size', 'MB', m.rssPeakMB, m.fileMB),
    ],
    notes: ['Node only: the floor column is one JSON.parse pass over the same file (no validation, no log)'],
    raw: m,
  };
}
