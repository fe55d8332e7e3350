/**
 * The fixture picker: the generated timelines (mock-data/out/index.json), one click away;
 * the choice goes into the URL (`?fixture=<name>`) so the view can be shared.
 */
import { useEffect, useState } from 'react';
import type { Cockpit } from '../app/cockpit';
import { useCockpit } from '../store/react';

interface FixtureEntry {
  name: string;
  title: { zh: string; en: string };
  url: string;
}

export function FixturePicker({ cockpit }: { cockpit: Cockpit }) {
  const lang = useCockpit((s) => s.lang);
  const url = useCockpit((s) => s.source.url);
  const kind = useCockpit((s) => s.source.kind);
  const [list, setList] = useState<FixtureEntry[]>([]);
  useEffect(() => {
    let alive = true;
    fetch('/mock-data/index.json')
      .then((r) => (r.ok ? r.json() : []))
      .then((j: unknown) => {
        if (alive && Array.isArray(j)) setList(j.filter((e): e is FixtureEntry => !!e && typeof e.name === 'string' && typeof e.url === 'string' && !!e.title));
      })
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, []);
  if (kind !== 'replay' || list.length === 0) return null;
  const current = list.find((f) => f.url === url);
  return (
    <select
      className="fixture-picker"
      data-testid="fixture-select"
      value={current?.name ?? ''}
      title={lang === 'zh' ? '回放场景' : 'Replay scenario'}
      onChange={(e) => {
        const f = list.find((x) => x.name === e.target.value);
        if (!f) return;
        const u = new URL(location.href);
        u.searchParams.delete('timeline');
        u.searchParams.delete('t');
        u.searchParams.set('fixture', f.name);
        history.replaceState(null, '', u);
        void cockpit.load(f.url);
      }}
    >
      {!current && <option value="">{url}</option>}
      {list.map((f) => (
        <option key={f.name} value={f.name}>
          {f.title[lang]}
        </option>
      ))}
    </select>
  );
}
