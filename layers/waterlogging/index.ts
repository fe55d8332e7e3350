/** Waterlogging hotspots: the places the flood platform watches, coloured by warning level. */
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LayerContext, LayerPlugin } from '../types';
import { text } from '../types';
import { colorColumn, PALETTE } from '../_shared/colors';
import type { WarningLevel } from './topic';
import { LEVEL_COLORS, LEVEL_TEXT, levelOfDepth } from './levels';
import { HotspotsPanel } from './Panel';

function levelOfRow(row: number, t: import('../../src/store/tables').EntityTable): WarningLevel {
  const e = t.rows[row];
  return (e.level as WarningLevel | undefined) ?? levelOfDepth(t.columns.depth_cm[row]);
}

const fill = colorColumn((row, t) => LEVEL_COLORS[levelOfRow(row, t)]);

const waterlogging: LayerPlugin = {
  id: 'waterlogging',
  title: text('易涝点', 'Waterlogging hotspots'),
  topics: ['hotspots'],
  defaultVisible: true,

  build(ctx: LayerContext): Layer[] {
    const table = ctx.table('hotspots');
    const a = table.attributes();
    const colors = fill(table);
    const data = {
      length: a.length,
      attributes: {
        getPosition: { value: a.positions, size: 2 },
        getFillColor: { value: colors, size: 4, normalized: true },
        getRadius: { value: radii(a.columns.depth_cm), size: 1 },
      },
    };
    const layers: Layer[] = [
      new ScatterplotLayer({
        id: 'waterlogging:dots',
        data,
        pickable: true,
        stroked: true,
        radiusUnits: 'pixels',
        radiusMinPixels: 5,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        getLineColor: [4, 16, 31, 255],
        updateTriggers: { getFillColor: table.version, getRadius: table.version },
      }),
    ];
    const sel = ctx.selection?.topic === 'hotspots' ? table.get(ctx.selection.id) : undefined;
    if (sel && typeof sel.lon === 'number') {
      layers.push(
        new ScatterplotLayer({
          id: 'waterlogging:selected',
          data: [sel],
          getPosition: (e: typeof sel) => [e.lon as number, e.lat as number],
          radiusUnits: 'pixels',
          getRadius: 22,
          filled: false,
          stroked: true,
          lineWidthUnits: 'pixels',
          getLineWidth: 3,
          getLineColor: PALETTE.cyan,
        }),
      );
    }
    if (ctx.zoom >= 12.5) {
      layers.push(
        new TextLayer({
          id: 'waterlogging:labels',
          data: table.rows,
          getPosition: (e: (typeof table.rows)[number]) => [e.lon as number, e.lat as number],
          getText: (e: (typeof table.rows)[number]) => String(ctx.lang === 'en' ? (e.name_en ?? e.name) : e.name),
          characterSet: 'auto',
          fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif',
          getSize: 13,
          getColor: [220, 235, 255, 255],
          getPixelOffset: [0, -18],
          outlineWidth: 2,
          outlineColor: [4, 16, 31, 255],
          fontSettings: { sdf: true },
          updateTriggers: { getText: [ctx.lang, table.version], getPosition: table.version },
        }),
      );
    }
    return layers;
  },

  legend() {
    return {
      items: (Object.keys(LEVEL_COLORS) as WarningLevel[]).map((k) => ({ color: LEVEL_COLORS[k], label: LEVEL_TEXT[k], shape: 'dot' as const })),
      note: text('点越大积水越深', 'Larger dot: deeper water'),
    };
  },

  tooltip(e, _topic, ctx) {
    const zh = ctx.lang === 'zh';
    const depth = typeof e.depth_cm === 'number' ? e.depth_cm : NaN;
    const level = (e.level as WarningLevel | undefined) ?? levelOfDepth(depth);
    const trend = typeof e.trend_cm_h === 'number' ? e.trend_cm_h : undefined;
    const rows: [string, string][] = [
      [zh ? '积水深度' : 'Depth', `${depth.toFixed(0)} cm`],
      [zh ? '预警' : 'Warning', LEVEL_TEXT[level][ctx.lang]],
    ];
    if (trend !== undefined) rows.push([zh ? '趋势' : 'Trend', `${trend > 0 ? '↑' : trend < 0 ? '↓' : '→'} ${Math.abs(trend).toFixed(0)} cm/h`]);
    if (typeof e.district === 'string') rows.push([zh ? '区域' : 'District', e.district]);
    return { title: String(zh ? e.name : (e.name_en ?? e.name)), rows };
  },

  Panel: HotspotsPanel,
};

// keyed by the column view, which the table renews only when its version changes
let radiusCache: { src: Float32Array; out: Float32Array } | null = null;
/** Dot radius in pixels grows with depth (6 px dry … 16 px at 1 m and more). */
function radii(depth: Float32Array): Float32Array {
  if (radiusCache && radiusCache.src === depth) return radiusCache.out;
  const out = new Float32Array(depth.length);
  for (let i = 0; i < depth.length; i++) out[i] = 6 + Math.min(10, Math.max(0, depth[i] || 0) / 10);
  radiusCache = { src: depth, out };
  return out;
}

export default waterlogging;
