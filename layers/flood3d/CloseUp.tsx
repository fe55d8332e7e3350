/**
 * The 3D close-up panel (three.js): the selected hotspot — or, when none is selected, the
 * deepest place now — with its water level and the rain falling at its intensity. In
 * scenario mode it shows the predicted peak under the scenario's peak rain. Loaded lazily
 * (three.js is only fetched while the layer is on) and disposed on unmount.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useCockpit, useTables } from '../../src/store/react';
import type { PanelProps } from '../types';
import { rgbaCss } from '../_shared/colors';
import { LEVEL_COLORS, LEVEL_TEXT, levelOf, nameOf, safeDepth, thresholdsOf } from '../waterlogging/levels';
import { scenarioFor, scenarioStore, specKey } from '../waterlogging/scenario';
import type { WarningLevel } from '../waterlogging/topic';
import { FloodScene, sectionKind, type CloseUpState } from './scene';

interface View extends CloseUpState {
  id: string;
  name: string;
  level: WarningLevel;
  followed: boolean;
  predicted: boolean;
}

export default function CloseUp({ lang }: PanelProps) {
  const zh = lang === 'zh';
  const sel = useCockpit((s) => s.selection);
  const mode = useStore(scenarioStore, (s) => s.mode);
  const spec = useStore(scenarioStore, (s) => s.spec);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<FloodScene | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const view = useTables(
    (tables): View | null => {
      const t = tables.table('hotspots');
      if (!t.length) return null;
      const scenario = mode === 'scenario' ? scenarioFor(spec, t) : null;
      // the selection (a hotspot, or the hotspot a report is near), else the deepest place
      let id: string | undefined;
      if (sel?.topic === 'hotspots') id = sel.id;
      else if (sel?.topic === 'reports') {
        const r = tables.table('reports').get(sel.id);
        if (typeof r?.hotspot === 'string') id = r.hotspot;
      }
      let row = id !== undefined ? t.rowOf(id) : undefined;
      const followed = row === undefined;
      if (row === undefined) {
        let best = -1;
        for (let r = 0; r < t.length; r++) {
          const d = scenario ? (scenario.byId.get(t.ids[r])?.peak_cm ?? 0) : safeDepth(t.columns.depth_cm?.[r]);
          if (d > best) {
            best = d;
            row = r;
          }
        }
      }
      const e = t.rows[row!];
      const warn = thresholdsOf(e);
      const model = e.model as Record<string, number> | undefined;
      const p = scenario?.byId.get(e.id);
      const depth = p ? p.peak_cm : safeDepth(t.columns.depth_cm?.[row!]);
      return {
        id: e.id,
        name: nameOf(e, lang),
        kind: sectionKind(e.kind),
        depth_cm: depth,
        rain_mm_h: scenario ? scenario.peak_mm_h : typeof e.rain_mm_h === 'number' ? e.rain_mm_h : 0,
        warn: { ...warn },
        max_depth_cm: typeof model?.max_depth_cm === 'number' ? model.max_depth_cm : 300,
        level: p ? p.level : levelOf(e, depth),
        followed,
        predicted: !!p,
      };
    },
    4,
    [sel?.topic, sel?.id, lang, mode, specKey(spec)],
  );

  // one scene per mount; disposed (with its WebGL context) on unmount
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    try {
      sceneRef.current = new FloodScene(canvas);
    } catch (e) {
      setFailed((e as Error).message || 'WebGL unavailable');
      return;
    }
    return () => {
      sceneRef.current?.dispose();
      sceneRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (view) sceneRef.current?.update(view);
  }, [view]);

  return (
    <div className="f3d-panel" data-testid="flood3d-panel" data-hotspot={view?.id ?? ''} data-depth={view ? view.depth_cm.toFixed(0) : ''}>
      <div className="f3d-stage">
        <canvas ref={canvasRef} className="f3d-canvas" data-testid="flood3d-canvas" />
        {view && (
          <div className="f3d-overlay">
            <div className="f3d-name">{view.name}</div>
            <div className="f3d-values">
              <span className="f3d-depth" style={{ color: rgbaCss(LEVEL_COLORS[view.level]) }}>
                {view.predicted ? (zh ? '预测峰值 ' : 'Predicted peak ') : ''}
                {view.depth_cm.toFixed(0)} cm
              </span>
              <span>{LEVEL_TEXT[view.level][lang]}</span>
              <span>
                {zh ? '雨强' : 'Rain'} {view.rain_mm_h.toFixed(0)} mm/h
              </span>
            </div>
          </div>
        )}
        {failed && <div className="f3d-failed">{zh ? `三维视图不可用：${failed}` : `3D view unavailable: ${failed}`}</div>}
      </div>
      <div className="f3d-note">
        {view?.followed
          ? zh
            ? '自动跟随当前最深的易涝点；点击地图上的点查看该点'
            : 'Following the deepest hotspot; click a hotspot to see it'
          : zh
            ? '所选易涝点近景；标尺为该点预警线'
            : 'Close-up of the selected hotspot; the gauge shows its thresholds'}
        {' · '}
        {zh ? '示意，非实景' : 'schematic, not the real place'}
      </div>
    </div>
  );
}
