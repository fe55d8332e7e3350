/**
 * Search: places (a road, a junction "陇海路 京广路", a district, a river or lake) from the
 * offline geography, and entities by name from the data (hotspots, car parks …). Picking
 * a result flies there (entities are also selected). Results are plain text.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Cockpit } from '../app/cockpit';
import { useCockpit, useHandle } from '../store/react';
import { buildRoadGraph, searchPlaces, type Place, type PlaceData, type RoadsFC } from '../geo/roadGraph';

interface Result {
  key: string;
  label: string;
  kind: string;
  go: () => void;
}

let placeData: Promise<PlaceData> | null = null;
function loadPlaces(): Promise<PlaceData> {
  placeData ??= Promise.all(['/geo/roads.geojson', '/geo/districts.geojson', '/geo/water.geojson'].map((u) => fetch(u).then((r) => (r.ok ? r.json() : null)))).then(
    ([roads, districts, water]) => ({ graph: buildRoadGraph((roads ?? { type: 'FeatureCollection', features: [] }) as RoadsFC), districts: districts ?? undefined, water: water ?? undefined }),
  );
  return placeData;
}

const KIND = {
  zh: { junction: '路口', road: '道路', district: '区域', water: '水系', entity: '要素' },
  en: { junction: 'Junction', road: 'Road', district: 'District', water: 'Water', entity: 'Feature' },
} as const;

export function Search({ cockpit }: { cockpit: Cockpit }) {
  const lang = useCockpit((s) => s.lang);
  const { tables } = useHandle();
  const [q, setQ] = useState('');
  const [places, setPlaces] = useState<PlaceData | null>(null);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open && !places) void loadPlaces().then(setPlaces, () => {});
  }, [open, places]);
  useEffect(() => {
    const onDoc = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDoc);
    return () => document.removeEventListener('mousedown', onDoc);
  }, []);

  const results = useMemo<Result[]>(() => {
    const query = q.trim();
    if (!query) return [];
    const out: Result[] = [];
    if (places) {
      for (const p of searchPlaces(query, places).slice(0, 6)) out.push(placeResult(p, lang, cockpit));
    }
    // entities with a matching name (Chinese, English, pinyin initials, id) in any table:
    // hotspots, car parks, ambulances, hospitals, communities …; at most 5 per topic so one
    // big table does not crowd out the others
    const needle = query.toLowerCase();
    for (const topic of tables.topics()) {
      const t = tables.table(topic);
      // the topmost layer that reads the topic names the kind (易涝点 for hotspots, not the 3D close-up)
      const layer = cockpit.layers.findLast((l) => l.topics.includes(topic));
      let n = 0;
      for (let r = 0; r < t.length && n < 5 && out.length < 24; r++) {
        const e = t.rows[r];
        const name = typeof e.name === 'string' ? e.name : undefined;
        const nameEn = typeof e.name_en === 'string' ? e.name_en : undefined;
        const py = typeof e.py === 'string' ? e.py : undefined;
        if (!name && !nameEn) continue;
        if ((name && name.toLowerCase().includes(needle)) || (nameEn && nameEn.toLowerCase().includes(needle)) || (py && needle.length >= 2 && py.startsWith(needle)) || e.id.toLowerCase() === needle) {
          n++;
          out.push({ key: `${topic}:${e.id}`, kind: layer ? layer.title[lang] : KIND[lang].entity, label: `${lang === 'en' ? (nameEn ?? name) : (name ?? nameEn)}`, go: () => void cockpit.select(topic, e.id) });
        }
      }
    }
    return out;
  }, [q, places, tables, lang, cockpit]);

  return (
    <div className="search" ref={box} data-testid="search">
      <input
        data-testid="search-input"
        value={q}
        placeholder={lang === 'zh' ? '搜索道路、区域、易涝点、停车场、小区、救护车…' : 'Search roads, districts, hotspots, car parks, communities, ambulances…'}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) {
            results[0].go();
            setOpen(false);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && q.trim() && (
        <ul className="search-results" data-testid="search-results">
          {results.length === 0 && <li className="muted">{places ? (lang === 'zh' ? '没有结果' : 'No results') : '…'}</li>}
          {results.map((r) => (
            <li key={r.key}>
              <button
                data-testid="search-result"
                onClick={() => {
                  r.go();
                  setOpen(false);
                }}
              >
                <span className="kind">{r.kind}</span>
                <span>{r.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function placeResult(p: Place, lang: 'zh' | 'en', cockpit: Cockpit): Result {
  return {
    key: `${p.kind}:${p.ref}`,
    kind: KIND[lang][p.kind],
    label: lang === 'en' ? p.name_en : p.name_zh,
    go: () => {
      if (p.bbox && p.kind !== 'junction') cockpit.fitBounds([[p.bbox[0], p.bbox[1]], [p.bbox[2], p.bbox[3]]]);
      else cockpit.flyTo({ lon: p.center[0], lat: p.center[1], zoom: p.zoom });
    },
  };
}
