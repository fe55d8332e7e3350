/**
 * A selected community: its tier (and the one before), when and why it changed, cases,
 * households and the last check-in rounds (from the source's history of the entity).
 * The selection panel shows the tooltip rows above this (name, tier, district, since,
 * reason, residents, last check-in).
 */
import { useMemo } from 'react';
import { useCockpit, useHistory } from '../../src/store/react';
import type { DetailProps } from '../types';
import { rgbaCss } from '../_shared/colors';
import { ago, districtInfo, shortTime, TIER_COLORS, TIER_TEXT, TOPIC, timeField, transitionKind, type Tier } from './model';

const CHECKIN_FIELDS = ['checkin_at', 'checkins'] as const;

export function CommunityDetail({ lang, topic, id, entity, actions }: DetailProps) {
  const zh = lang === 'zh';
  const now = useCockpit((s) => s.uiTime);
  const hist = useHistory(TOPIC, id, CHECKIN_FIELDS);
  const rounds = useMemo(() => {
    if (!hist) return null;
    const seen = new Set<number>();
    const out: { at: number; n: number | null }[] = [];
    for (let i = 0; i < hist.t.length; i++) {
      const at = hist.values.checkin_at?.[i];
      if (at === null || at === undefined || at > now || seen.has(at)) continue;
      seen.add(at);
      out.push({ at, n: hist.values.checkins?.[i] ?? null });
    }
    return out.slice(-5).reverse();
  }, [hist, now]);
  if (topic !== TOPIC) return null;

  const tier = entity.tier as Tier;
  const prev = entity.prev_tier as Tier | undefined;
  const kind = transitionKind(prev, tier);
  const since = timeField(entity.since);
  const pop = typeof entity.pop === 'number' ? entity.pop : NaN;
  const d = districtInfo(entity.district);
  const badge = (t: Tier) => (
    <span style={{ background: rgbaCss(TIER_COLORS[t]), color: '#04101f', borderRadius: '0.2rem', padding: '0 0.35rem', fontWeight: 700, fontSize: '0.8rem' }}>{TIER_TEXT[t][lang]}</span>
  );
  return (
    <div className="comm-detail" data-testid="comm-detail" data-tier={tier} style={{ fontSize: '0.85rem', display: 'flex', flexDirection: 'column', gap: '0.3rem', marginTop: '0.3rem' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: '0.35rem', flexWrap: 'wrap' }}>
        {prev && prev !== tier && (
          <>
            {badge(prev)}
            <span>{kind === 'escalate' ? '↑' : '↓'}</span>
          </>
        )}
        {TIER_TEXT[tier] && badge(tier)}
        <span className="muted" style={{ margin: 0 }}>
          {shortTime(since)} · {ago(since, now, lang)}
        </span>
      </div>
      {typeof (zh ? entity.reason : (entity.reason_en ?? entity.reason)) === 'string' && (
        <div data-testid="comm-detail-reason">{String(zh ? entity.reason : (entity.reason_en ?? entity.reason))}</div>
      )}
      <div className="muted" style={{ margin: 0 }}>
        {d ? (zh ? d.zh : d.en) : String(entity.district)} · {zh ? '户数' : 'Households'} {typeof entity.households === 'number' ? entity.households : '—'}
        {typeof entity.cases === 'number' && entity.cases > 0 ? ` · ${zh ? '确诊' : 'Cases'} ${entity.cases}` : ''}
      </div>
      <div>
        <div style={{ color: '#9fd8ff' }}>{zh ? '最近打卡（健康排查）' : 'Last check-in rounds'}</div>
        {rounds === null && <div className="muted">…</div>}
        {rounds && rounds.length === 0 && <div className="muted">{zh ? '无记录' : 'None recorded'}</div>}
        {rounds && rounds.length > 0 && (
          <table className="kv" data-testid="comm-checkins">
            <tbody>
              {rounds.map((c) => (
                <tr key={c.at}>
                  <th>{shortTime(c.at)}</th>
                  <td>
                    {c.n ?? '—'} {zh ? '人' : 'residents'}
                    {c.n !== null && pop > 0 ? ` (${Math.round((c.n / pop) * 100)}%)` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <button className="link" style={{ alignSelf: 'flex-start', padding: 0 }} data-testid="comm-detail-up" onClick={() => actions.select('districts', String(entity.district))}>
        ← {zh ? `返回${d?.zh ?? '区县'}` : `Back to ${d?.en ?? 'the district'}`}
      </button>
    </div>
  );
}
