// A headline figure: label, value, its change against the year before, and what it is made of.
//   <KpiCard label="本年新收申请" value="183" unit="件" change={<ChangeBadge … />}>
//     <p>据 会同县 2020年报告</p>
//   </KpiCard>
// `value` is already formatted (lib/format/number.ts: a missing value is 暂无数据, never 0);
// a missing value is shown muted. Children are the small print under the change.

import type { ReactNode } from 'react';
import { NO_DATA } from '../../lib/format/number';

export interface KpiCardProps {
  label: string;
  value: string;
  unit?: string;
  change?: ReactNode;
  children?: ReactNode;
  /** for tests and deep links */
  id?: string;
}

export default function KpiCard({ label, value, unit, change, children, id }: KpiCardProps) {
  const missing = value === NO_DATA;
  return (
    <article className={`kpi${missing ? ' kpi-missing' : ''}`} data-kpi={id}>
      <h3 className="kpi-label">{label}</h3>
      <p className="kpi-value">
        <span className="kpi-number">{value}</span>
        {!missing && unit && <span className="kpi-unit">{unit}</span>}
      </p>
      {change && <p className="kpi-change">{change}</p>}
      {children && <div className="kpi-detail">{children}</div>}
    </article>
  );
}
