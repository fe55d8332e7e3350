/**
 * District boundaries of Zhengzhou: 12 administrative county-level units plus the four
 * functional zones (approximate). Static geography loaded by the app from /geo/. Their
 * names are drawn by the basemap style (MapLibre symbol layers, in the UI language).
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LayerPlugin } from '../types';
import { text } from '../types';

interface DistrictProps {
  code: string;
  name_zh: string;
  name_en: string;
  kind: 'admin' | 'zone';
  approximate: boolean;
  center: [number, number];
}
interface FC {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: DistrictProps; geometry: unknown }[];
}

const districts: LayerPlugin = {
  id: 'districts',
  title: text('行政区划', 'Districts'),
  topics: [],
  selects: ['districts'],
  defaultVisible: true,
  assets: { districts: '/geo/districts.geojson' },

  build(ctx): Layer[] {
    const fc = ctx.asset<FC>('districts');
    if (!fc) return [];
    const selected = ctx.selection?.topic === 'districts' ? ctx.selection.id : null;
    return [
      new GeoJsonLayer({
        id: 'districts:areas',
        data: fc as never,
        pickable: true,
        filled: true,
        stroked: true,
        getFillColor: (f: { properties: DistrictProps }) => (f.properties.code === selected ? [0, 229, 255, 46] : f.properties.kind === 'zone' ? [80, 140, 255, 22] : [20, 80, 160, 18]),
        getLineColor: (f: { properties: DistrictProps }) => (f.properties.kind === 'zone' ? [120, 170, 255, 200] : [0, 200, 255, 220]),
        getLineWidth: (f: { properties: DistrictProps }) => (f.properties.code === selected ? 3 : 1.5),
        lineWidthUnits: 'pixels',
        updateTriggers: { getFillColor: selected, getLineWidth: selected },
      }),
    ];
  },

  pick(info) {
    const f = info.object as { properties?: DistrictProps } | undefined;
    return f?.properties ? { topic: 'districts', id: f.properties.code } : null;
  },

  lookup(topic, id, ctx) {
    if (topic !== 'districts') return undefined;
    const f = ctx.asset<FC>('districts')?.features.find((x) => x.properties.code === id);
    if (!f) return undefined;
    const { center, ...props } = f.properties;
    return { id, lon: center[0], lat: center[1], ...props };
  },

  legend(ctx) {
    const fc = ctx.asset<FC>('districts');
    const approx = fc?.features.some((f) => f.properties.approximate);
    return {
      items: [
        { color: [0, 200, 255, 220], label: text('行政区', 'Administrative district'), shape: 'line' },
        { color: [120, 170, 255, 200], label: text('功能区（示意边界）', 'Functional zone (approximate)'), shape: 'line' },
      ],
      note: approx ? text('功能区边界为示意', 'Functional-zone boundaries are approximate') : undefined,
    };
  },

  tooltip(e, _topic, ctx) {
    const zh = ctx.lang === 'zh';
    const rows: [string, string][] = [[zh ? '类型' : 'Kind', e.kind === 'zone' ? (zh ? '功能区' : 'Functional zone') : zh ? '行政区' : 'District']];
    rows.push([zh ? '区划代码' : 'Code', String(e.code ?? e.id)]);
    if (e.approximate) rows.push([zh ? '边界' : 'Boundary', zh ? '示意' : 'approximate']);
    return { title: String(zh ? e.name_zh : e.name_en), rows };
  },
};

export default districts;
