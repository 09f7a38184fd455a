'use client';
// Choosing regions: the chosen ones as removable chips, and a searchable list (name, code or
// the city it lies in) of every region with reports. No choice means all regions.
import { useId, useMemo, useState } from 'react';

export interface PickerRegion {
  /** how the region is written in the URL (code, else name) */
  token: string;
  name: string;
  code: string | null;
  /** city or province, to tell namesakes apart */
  within: string | null;
  /** a level word (县级 …) */
  level: string;
  /** reports in the scope shown */
  reports: number;
}

const SHOWN = 60;

export default function RegionPicker({ regions, selected: tokens, onChange }: { regions: PickerRegion[]; selected: string[]; onChange: (tokens: string[]) => void }) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const byToken = useMemo(() => new Map(regions.map((r) => [r.token, r])), [regions]);
  const selected = tokens.map((t) => byToken.get(t) ?? { token: t, name: t, code: null, within: null, level: '', reports: 0 });
  const chosen = new Set(tokens);
  const matches = useMemo(() => {
    const q = query.trim();
    return q ? regions.filter((r) => r.name.includes(q) || r.code?.startsWith(q) || r.within?.includes(q)) : regions;
  }, [query, regions]);
  const toggle = (token: string) => onChange(chosen.has(token) ? selected.map((r) => r.token).filter((t) => t !== token) : [...selected.map((r) => r.token), token]);

  return (
    <div className="control control-regions">
      <span id={`${listId}-label`}>地区</span>
      <div className="chips" aria-label="已选地区">
        {selected.length === 0 && <span className="chip chip-all">全部地区</span>}
        {selected.map((r) => (
          <button key={r.token} type="button" className="chip" onClick={() => toggle(r.token)} aria-label={`移除 ${r.name}`}>
            {r.name} <span aria-hidden="true">×</span>
          </button>
        ))}
        {selected.length > 0 && (
          <button type="button" className="chip chip-clear" onClick={() => onChange([])}>
            全部地区
          </button>
        )}
      </div>
      <details className="picker">
        <summary>选择地区</summary>
        <div className="picker-panel">
          <input type="search" name="regionSearch" placeholder="输入名称或代码筛选" value={query} onChange={(e) => setQuery(e.target.value)} aria-controls={listId} aria-label="筛选地区" />
          <ul id={listId} className="picker-list" aria-labelledby={`${listId}-label`}>
            {matches.slice(0, SHOWN).map((r) => (
              <li key={r.token}>
                <label>
                  <input type="checkbox" name="region" value={r.token} checked={chosen.has(r.token)} onChange={() => toggle(r.token)} />
                  <span className="picker-name">{r.name}</span>
                  <span className="picker-meta">
                    {r.within ?? ''} · {r.level}
                    {r.reports === 0 ? ' · 此范围无报告' : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {matches.length > SHOWN && <p className="picker-more">另有 {matches.length - SHOWN} 个，请输入名称筛选</p>}
          {matches.length === 0 && <p className="picker-more">没有匹配的地区</p>}
        </div>
      </details>
    </div>
  );
}
