'use client';
// The overview's controls. Each change writes the state into the URL (lib/dashboard/url-state)
// and the server component renders the page again for it: the URL is the only state.
import { useRouter } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';
import type { MetricGroup } from '../../lib/dashboard/labels';
import { stateHref, type DashboardState } from '../../lib/dashboard/url-state';
import RegionPicker, { type PickerRegion } from './RegionPicker';
import ScopeOptions from '../ui/ScopeOptions';

export interface ControlsProps {
  /** the state rendered, its regions written as the picker's tokens */
  state: DashboardState;
  /** the year shown (the URL's, else the default) */
  year: number | null;
  defaultYear: number | null;
  yearsAvailable: number[];
  trendYears: number[];
  /** the picker's list: the chosen regions and the first of the others */
  regions: PickerRegion[];
  /** regions in all (the picker searches the server for those not in its list) */
  regionTotal: number;
  metricGroups: MetricGroup[];
}

export default function Controls({ state: current, year: currentYear, defaultYear, yearsAvailable, trendYears, regions, regionTotal, metricGroups }: ControlsProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // the controls show the new choice at once; the page follows when the server has rendered it
  const [state, setOptimistic] = useOptimistic(current);
  const go = (change: Partial<DashboardState>) =>
    startTransition(() => {
      const next = { ...state, ...change };
      setOptimistic(next);
      router.push(stateHref(next), { scroll: false });
    });
  const year = state.year ?? currentYear;
  const years = [...new Set([...yearsAvailable, ...(year === null ? [] : [year])])].sort((a, b) => b - a);
  const rangeYears = [...new Set([...yearsAvailable, ...trendYears])].sort((a, b) => a - b);
  const from = trendYears[0];
  const to = trendYears[trendYears.length - 1];

  return (
    <form className="controls" aria-label="筛选" aria-busy={pending} onSubmit={(e) => e.preventDefault()}>
      <RegionPicker regions={regions} total={regionTotal} selected={state.regions} onChange={(tokens) => go({ regions: tokens })} />
      <label className="control">
        <span>年度</span>
        <select name="year" value={year ?? ''} onChange={(e) => go({ year: e.target.value ? Number(e.target.value) : null })}>
          {year === null && <option value="">—</option>}
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
              {y === defaultYear ? '（默认）' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="control control-wide">
        <span>趋势与排名指标</span>
        <select name="metric" value={state.metric} onChange={(e) => go({ metric: e.target.value as DashboardState['metric'] })}>
          {metricGroups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.metrics.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {rangeYears.length > 1 && from !== undefined && (
        <fieldset className="control control-range">
          <legend>趋势年份</legend>
          <select name="yearsFrom" aria-label="起始年份" value={from} onChange={(e) => go({ years: { from: Number(e.target.value), to: Math.max(Number(e.target.value), to) } })}>
            {rangeYears.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <span aria-hidden="true">至</span>
          <select name="yearsTo" aria-label="截止年份" value={to} onChange={(e) => go({ years: { from: Math.min(from, Number(e.target.value)), to: Number(e.target.value) } })}>
            {rangeYears.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </fieldset>
      )}
      <label className="control">
        <span>报告范围</span>
        <select name="scope" value={state.scope} onChange={(e) => go({ scope: e.target.value as DashboardState['scope'] })}>
          <ScopeOptions />
        </select>
      </label>
      <label className="control control-check">
        <input type="checkbox" name="decals" checked={state.decals} onChange={(e) => go({ decals: e.target.checked })} />
        <span>图表加图案（便于黑白打印与色觉辨识）</span>
      </label>
      <p className="controls-status" role="status" aria-live="polite">
        {pending ? '正在更新…' : ''}
      </p>
    </form>
  );
}

