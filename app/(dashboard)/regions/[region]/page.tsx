// One region, every year: its reports, what one cause dominates, disclosure volumes, application
// outcomes and applicants, hotlines and mailboxes, review and litigation, a year-over-year table
// and each year's failed checks. The region is named by its GB/T 2260 code, `r<id>`, or a name
// or alias; a name several regions bear shows the choice.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { lookupRegion, type RegionLookup, type RegionSummary } from '../../../../db/queries/region';
import { cachedRead } from '../../../../db/read-cache';
import { getDatabase } from '../../../../db/server';
import Candidates from '../../../../components/region/Candidates';
import DatabaseNotice from '../../../../components/ui/DatabaseNotice';
import FailedChecks from '../../../../components/region/FailedChecks';
import ReportsList from '../../../../components/region/ReportsList';
import ScopeNote from '../../../../components/region/ScopeNote';
import Shell, { type Crumb } from '../../../../components/region/Shell';
import YearBars from '../../../../components/region/YearBars';
import { AppealsByYearTable, ApplicantsTable, ChannelsTable, OutcomesTable } from '../../../../components/region/YearTables';
import YoyTable from '../../../../components/region/YoyTable';
import ChartDownloads from '../../../../components/export/ChartDownloads';
import { chartYears, type ChartId } from '../../../../lib/chart-data/request';
import { reportTitle } from '../../../../lib/public/sources';
import styles from '../../../../components/region/region.module.css';
import { formatNumber } from '../../../../lib/format/number';
import { describeDominantCause } from '../../../../lib/region/dominant-cause';
import { decodeSegment, regionHref, reportHref } from '../../../../lib/region/href';
import { SCOPE_LABELS } from '../../../../lib/region/scope';
import { appealsChart, applicantsChart, channelsChart, outcomesChart } from '../../../../lib/region-charts/region';
import { loadRegionPage, type RegionPageData } from '../../../../db/queries/region-page';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ region: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function crumbsOf(region: RegionSummary): Crumb[] {
  const crumbs: Crumb[] = [];
  if (region.province && region.province !== region.name) crumbs.push({ label: region.province });
  if (region.city && region.city !== region.name) crumbs.push({ label: region.city });
  if (region.parent) crumbs.push({ label: region.parent.name, href: regionHref(region.parent) });
  crumbs.push({ label: region.name });
  return crumbs;
}

function RegionHeading({ region }: { region: RegionSummary }) {
  const place = [region.province, region.city].filter((x, i, a) => x && x !== region.name && a.indexOf(x) === i).join(' · ');
  return (
    <header className={styles.regionHeader}>
      {place && <p className={styles.place}>{place}</p>}
      <h1>{region.name}</h1>
      <p className={styles.muted}>
        {region.code ? `区划代码 ${region.code}` : region.level === 'body' ? `${region.kind === 'township' ? '乡镇（街道）' : '部门'}${region.parent ? `，属${region.parent.name}` : ''}` : '不在全国区划名录中'}
      </p>
    </header>
  );
}

function Section({ id, title, children, note }: { id: string; title: string; children: React.ReactNode; note?: React.ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className={styles.sectionNote}>{note}</p>}
      {children}
    </section>
  );
}

function RegionBody({ data }: { data: RegionPageData }) {
  const { region, years, scope } = data;
  const href = regionHref(region);
  const downloads = (chart: ChartId, label: string, title: string) =>
    scope === null || years.length === 0 ? null : (
      <ChartDownloads
        chart={chart}
        params={{ regions: [region.code ?? `r${region.id}`], years: chartYears(years), scope, metric: null, year: null }}
        svgSelector={`[data-chart="${label}"]`}
        meta={{ title, regions: [region.name], years, sources: data.reports.map((r) => reportTitle(region.name, r.issuer, r.year)) }}
      />
    );
  if (scope === null) {
    return (
      <>
        <p className={styles.notice}>{region.id === null ? '数据库中还没有这个地区的报告。' : '这个地区本身还没有年度报告。'}</p>
        <SubRegions data={data} />
      </>
    );
  }
  const published = years.map((y) => data.publishedItems.get(y)?.value ?? null);
  const tableYears = years.filter((y) => data.outcomes.get(y)?.reports);
  const hasChannels = years.some((y) => data.hotline.get(y)?.reports || data.mailbox.get(y)?.reports);
  const hasAppeals = years.some((y) => data.appeals.get(y)?.reports);
  return (
    <>
      <ScopeNote href={href} scope={scope} scopes={data.scopes} />

      <Section id="reports" title={`年度报告（${data.reports.length} 份）`}>
        <ReportsList reports={data.reports} />
        <SubRegions data={data} />
      </Section>

      {data.causes.length > 0 && (
        <Section id="findings" title="要点">
          <ul className={styles.findings} data-findings>
            {data.causes.flatMap((c) =>
              c.causes.map((cause) => (
                <li key={`${c.reportId}-${cause.row}`}>
                  {describeDominantCause(cause, c.year)} <a href={reportHref(c.reportId, 't3')}>查看表三</a>
                </li>
              )),
            )}
          </ul>
        </Section>
      )}

      <Section id="proactive" title="主动公开" note="正文所述各年主动公开的信息条数。">
        {published.some((v) => v !== null) && (
          <YearBars input={{ categories: years.map(String), unit: '条', series: [{ name: '主动公开信息', values: published }] }} label="主动公开信息条数" height={240} downloads={false} />
        )}
        {published.some((v) => v !== null) && downloads('proactive', '主动公开信息条数', '主动公开的政府信息')}
        <p className={styles.figureLine}>
          {years.map((y, i) => (
            <span key={y}>
              {y}年：{published[i] === null ? '未载明' : `${formatNumber(published[i])} 条`}
            </span>
          ))}
        </p>
      </Section>

      <Section
        id="applications"
        title="依申请公开"
        note={
          tableYears.length < years.length
            ? tableYears.length
              ? `有统计表三的年度：${tableYears.join('、')}。其余年度的报告没有可提取的表三，没有办理结果的分项。`
              : '各年报告都没有可提取的表三，没有办理结果和申请人的分项。'
            : '各年收到的申请如何办理（表三“总计”列），以及申请人构成。'
        }
      >
        {tableYears.length > 0 && (
        <div className={styles.chartPair}>
          <div>
            <h3>办理结果</h3>
            <YearBars input={outcomesChart(years, data.outcomes)} label="办理结果（按年度堆叠）" allZero="各年办理结果均为 0" downloads={false} />
            {downloads('outcomes', '办理结果（按年度堆叠）', '依申请公开办理结果')}
          </div>
          <div>
            <h3>申请人构成</h3>
            <YearBars input={applicantsChart(years, data.applicants)} label="申请人构成（按年度堆叠）" allZero="各年本年新收申请均为 0" downloads={false} />
            {downloads('applicants', '申请人构成（按年度堆叠）', '申请人构成')}
          </div>
        </div>
        )}
        <OutcomesTable years={years} outcomes={data.outcomes} />
        <ApplicantsTable years={years} applicants={data.applicants} />
      </Section>

      <Section id="channels" title="热线与信箱" note="正文所述的政务热线、领导信箱：受理、办结、办结率和满意率。">
        {hasChannels && <YearBars input={channelsChart(years, data.hotline, data.mailbox)} label="热线受理与信箱收信" height={240} />}
        <ChannelsTable years={years} hotline={data.hotline} mailbox={data.mailbox} />
      </Section>

      <Section id="appeals" title="行政复议与行政诉讼" note="因政府信息公开引起的行政复议、行政诉讼（表四）。">
        {hasAppeals && <YearBars input={appealsChart(years, data.appeals)} label="行政复议与行政诉讼结果" height={260} allZero="各年行政复议、行政诉讼均为 0 件" downloads={false} />}
        {hasAppeals && downloads('appeals', '行政复议与行政诉讼结果', '行政复议和行政诉讼结果')}
        <AppealsByYearTable years={years} appeals={data.appeals} />
      </Section>

      <Section id="yoy" title="逐年对比">
        <YoyTable years={years} sections={data.yoy} />
      </Section>

      <Section id="failed" title="核对未通过">
        <FailedChecks failures={data.failures} />
      </Section>
    </>
  );
}

function SubRegions({ data }: { data: RegionPageData }) {
  if (data.subRegions.length === 0) return null;
  return (
    <div className={styles.subRegions}>
      <h3>下属地区、部门和乡镇的报告</h3>
      {data.subRegions.some((s) => s.level === 'body') && (
        <p>
          <Link prefetch={false} href={`${regionHref(data.region)}/bodies`} data-bodies-link>
            各部门、乡镇（街道）报告对照
          </Link>
        </p>
      )}
      <ul>
        {data.subRegions.map((s) => (
          <li key={s.id}>
            <Link prefetch={false} href={regionHref(s)}>{s.name}</Link> <span className={styles.muted}>{s.years.join('、')}年</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function RegionPage({ params, searchParams }: Props) {
  const key = decodeSegment((await params).region);
  const asked = (await searchParams).scope;
  let lookup: RegionLookup;
  let data: RegionPageData | null = null;
  try {
    const { db } = await getDatabase();
    const scope = typeof asked === 'string' ? asked : null;
    ({ lookup, data } = await cachedRead(db, `region:${key}:${scope}`, async () => {
      const found = await lookupRegion(db, key);
      return { lookup: found, data: found.kind === 'found' && found.region.id !== null ? await loadRegionPage(db, found.region, scope) : null };
    }));
  } catch (err) {
    return (
      <Shell crumbs={[{ label: key }]}>
        <DatabaseNotice error={err} />
      </Shell>
    );
  }
  if (lookup.kind === 'not-found') notFound();
  if (lookup.kind === 'ambiguous') {
    return (
      <Shell crumbs={[{ label: key }]}>
        <title>{`${key}：请选择地区 · 年报通`}</title>
        <Candidates name={key} candidates={lookup.candidates} />
      </Shell>
    );
  }
  const region = lookup.region;
  const scopeLabel = data?.scope ? `（${SCOPE_LABELS[data.scope]}）` : '';
  return (
    <Shell crumbs={crumbsOf(region)}>
      <title>{`${region.name}${scopeLabel} 政府信息公开年度报告 · 年报通`}</title>
      <RegionHeading region={region} />
      {data ? (
        <RegionBody data={data} />
      ) : (
        <p className={styles.notice}>数据库中还没有{region.name}的报告。</p>
      )}
    </Shell>
  );
}
