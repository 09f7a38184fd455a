// The year's headline figures, one row of cards per region level (a city's report covers its
// counties, so levels are never added together).
import Link from 'next/link';
import type { ReportRef } from '../../db/queries/dashboard';
import { LEVEL_LABEL, SCOPE_LABEL } from '../../lib/dashboard/labels';
import { reportHref } from '../../lib/dashboard/links';
import { stateHref, type DashboardState, type Scope } from '../../lib/dashboard/url-state';
import { formatNumber } from '../../lib/format/number';
import ChangeBadge from '../ui/ChangeBadge';
import KpiCard from '../ui/KpiCard';
import { formatValue } from './format';
import type { KpiCardData, KpiGroup } from './load';

function Source({ card, year, reports }: { card: KpiCardData; year: number; reports: Map<number, ReportRef> }) {
  if (card.reportId !== null) {
    const ref = reports.get(card.reportId);
    return (
      <p className="kpi-source">
        来源：<Link prefetch={false} href={reportHref(card.reportId)}>{ref ? `${ref.region.name} ${year}年报告` : `${year}年报告`}</Link>
      </p>
    );
  }
  if (card.reports > 1) {
    return (
      <p className="kpi-source">
        据 <a href="#sources">{card.reports} 份报告</a>合计
      </p>
    );
  }
  return <p className="kpi-source">没有报告载明此项</p>;
}

export default function KpiSection({ groups, year, state, otherScopes, reports }: { groups: KpiGroup[]; year: number; state: DashboardState; otherScopes: { scope: Scope; reports: number }[]; reports: ReportRef[] }) {
  const byId = new Map(reports.map((r) => [r.reportId, r]));
  return (
    <section className="section" aria-labelledby="kpi-title">
      <h2 id="kpi-title">{year}年度关键指标</h2>
      <p className="section-note">
        与 {year - 1} 年相比。报告范围：{SCOPE_LABEL[state.scope]}。比率由各报告的数字相加后计算，不是比率的平均。
      </p>
      {groups.length === 0 && <p className="empty">暂无数据：所选地区在 {year} 年没有此范围的报告。</p>}
      {groups.map((g) => (
        <div key={g.level} className="kpi-group" data-level={g.level}>
          {groups.length > 1 && (
            <h3 className="kpi-group-title">
              {LEVEL_LABEL[g.level]}
              <span className="count">{g.reports} 份报告</span>
            </h3>
          )}
          <div className="kpi-grid">
            {g.cards.map((c) => (
              <KpiCard key={c.id} id={c.id} label={c.label} value={formatValue(c.value, c.kind)} unit={c.unit} change={c.value === null ? undefined : <ChangeBadge {...c} unit={c.unit} />}>
                {c.detail && <p>{c.detail}</p>}
                {c.id === 'notProcessed' && g.reasons[0] && g.reasons[0].value > 0 && (
                  <p>
                    其中{g.reasons[0].label} {formatNumber(g.reasons[0].value)} 件
                  </p>
                )}
                {c.basisChanged && (
                  <p className="kpi-caveat">
                    上年据 {c.previousReports} 份报告，本年据 {c.reports} 份：变化含报告数量的变化
                  </p>
                )}
                <Source card={c} year={year} reports={byId} />
              </KpiCard>
            ))}
          </div>
        </div>
      ))}
      {otherScopes.length > 0 && (
        <p className="section-note">
          {year} 年另有
          {otherScopes.map((o, i) => (
            <span key={o.scope}>
              {i > 0 ? '、' : ' '}
              <Link prefetch={false} href={stateHref({ ...state, scope: o.scope })}>
                {SCOPE_LABEL[o.scope]} {o.reports} 份
              </Link>
            </span>
          ))}
          报告，范围不同，未计入上面的数字。
        </p>
      )}
    </section>
  );
}
