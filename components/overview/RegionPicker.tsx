'use client';
// Choosing regions: the chosen ones as removable chips, and a list to pick from. The page sends
// a bounded list (the chosen regions and the first of the others); typing filters it and asks
// the region search (/api/search: names, aliases, pinyin) for the rest, so that the page does not
// carry thousands of regions at national scale. No choice means all regions.
import { useEffect, useId, useMemo, useState } from 'react';
import { MAX_QUERY_LENGTH } from '../../lib/search/limits';

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

interface Suggestion {
  name: string;
  code: string | null;
  within: string;
  level: string;
  reports: number;
}

/** The search's regions for `query`, as picker entries (empty while typing or on failure). */
function useRegionSearch(query: string): PickerRegion[] {
  const [found, setFound] = useState<{ query: string; regions: PickerRegion[] }>({ query: '', regions: [] });
  useEffect(() => {
    const q = query.trim();
    if (!q || q.length > MAX_QUERY_LENGTH) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((res) => (res.ok ? (res.json() as Promise<{ results: Suggestion[] }>) : { results: [] }))
        .then(({ results }) =>
          setFound({ query: q, regions: results.map((r) => ({ token: r.code ?? r.name, name: r.name, code: r.code, within: r.within || null, level: r.level, reports: r.reports })) }),
        )
        .catch(() => {});
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return found.query === query.trim() ? found.regions : [];
}

export default function RegionPicker({ regions, total, selected: tokens, onChange }: { regions: PickerRegion[]; total: number; selected: string[]; onChange: (tokens: string[]) => void }) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const searched = useRegionSearch(total > regions.length ? query : '');
  const byToken = useMemo(() => new Map([...searched, ...regions].map((r) => [r.token, r])), [regions, searched]);
  const selected = tokens.map((t) => byToken.get(t) ?? { token: t, name: t, code: null, within: null, level: '', reports: 0 });
  const chosen = new Set(tokens);
  const matches = useMemo(() => {
    const q = query.trim();
    if (!q) return regions;
    const local = regions.filter((r) => r.name.includes(q) || r.code?.startsWith(q) || r.within?.includes(q));
    const seen = new Set(local.map((r) => r.token));
    return [...local, ...searched.filter((r) => !seen.has(r.token))];
  }, [query, regions, searched]);
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
          <input type="search" name="regionSearch" placeholder="名称、拼音或代码" value={query} onChange={(e) => setQuery(e.target.value)} aria-controls={listId} aria-label="筛选地区" />
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
          {!query.trim() && total > Math.min(SHOWN, matches.length) && <p className="picker-more">共 {total} 个地区或机关，请输入名称、拼音或代码查找</p>}
          {query.trim() !== '' && matches.length > SHOWN && <p className="picker-more">另有 {matches.length - SHOWN} 个，请输入更完整的名称</p>}
          {matches.length === 0 && <p className="picker-more">没有匹配的地区</p>}
        </div>
      </details>
    </div>
  );
}
