// The departments and townships (乡镇、街道) of a county, side by side: a year and a kind to
// choose, each body's key figures of that year with a mark where its checks failed, a chart on
// one metric, and which years each body reported. A city lists its own bodies and links to its
// counties. Bodies are never added into the region's figures, nor to each other.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { lookupRegion, type RegionLookup, type RegionSummary } from '../../../../../db/queries/region';
import { cachedRead } from '../../../../../db/read-cache';
import { getDatabase } from '../../../../../db/server';
import BodiesTable from '../../../../../components/bodies/BodiesTable';
import ChartSection from '../../../../../components/bodies/ChartSection';
import ChildRegions from '../../../../../components/bodies/ChildRegions';
import Filters from '../../../../../components/bodies/Filters';
import PresenceGrid from '../../../../../components/bodies/PresenceGrid';
import styles from '../../../../../components/bodies/bodies.module.css';
import Candidates from '../../../../../components/region/Candidates';
import regionStyles from '../../../../../components/region/region.module.css';
import Shell, { type Crumb } from '../../../../../components/region/Shell';
import DatabaseNotice from '../../../../../components/ui/DatabaseNotice';
import { bodiesChartInput, defaultChartMetric } from '../../../../../lib/bodies/chart';
import { bodiesPath, parseBodiesState, type BodiesState } from '../../../../../lib/bodies/state';
import { kindCounts, presenceRows, reportsPerYear, shortBodyName, silentIn, tableRows, wholeOf, withBodiesFirst } from '../../../../../lib/bodies/view';
import { decodeSegment, regionHref } from '../../../../../lib/region/href';
import { SCOPE_LABELS } from '../../../../../lib/region/scope';
import { loadBodiesPage, type BodiesPageData } from './load';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ region: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_NAME = '部门和乡镇（街道）';

function crumbsOf(region: RegionSummary): Crumb[] {
  const crumbs: Crumb[] = [];
  if (region.province && region.province !== region.name) crumbs.push({ label: region.province });
  if (region.city && region.city !== region.name) crumbs.push({ label: region.city });
  crumbs.push({ label: region.name, href: regionHref(region) });
  crumbs.push({ label: PAGE_NAME });
  return crumbs;
}

function Section({ id, title, note, children }: { id: string; title: string; note?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section className={regionStyles.section} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className={regionStyles.sectionNote}>{note}</p>}
      {children}
    </section>
  );
}

/** The one sentence that keeps bodies out of the region's own figures. */
function NotSummed({ region }: { region: RegionSummary }) {
  const whole = wholeOf(region.name);
  return (
    <p className={styles.note} data-not-summed>
      {region.name}自己的年度报告统计的是{whole}的数字，已包含各部门和乡镇（街道）；本页把部门、乡镇（街道）各自发布的报告并列对照，不相加，也不计入{whole}数字。{' '}
      <Link prefetch={false} href={regionHref(region)}>
        查看{region.name}{whole}数字
      </Link>
    </p>
  );
}

function BodiesBody({ region, data, state }: { region: RegionSummary; data: BodiesPageData; state: BodiesState }) {
  const path = bodiesPath(regionHref(region));
  const year = data.year!;
  const nameOf = (row: { body: { name: string } }) => shortBodyName(row.body.name, region.name);
  const rows = tableRows(data.bodies, data.rows, state.kind);
  const silent = silentIn(data.bodies, year, state.kind);
  const presence = presenceRows(data.bodies, data.years, state.kind);
  const kindLabel = state.kind === 'all' ? '部门或乡镇（街道）' : SCOPE_LABELS[state.kind];
  const chart = rows.length ? bodiesChartInput(rows, state.metric ?? defaultChartMetric(rows.map((r) => r.report)), year, nameOf) : null;
  return (
    <>
      <NotSummed region={region} />
      {data.truncated && <p className={regionStyles.notice}>下属单位超过 {data.bodies.length} 个，本页只列出其中 {data.bodies.length} 个。</p>}
      <Filters path={path} state={state} years={data.years} year={year} perYear={reportsPerYear(presence, data.years)} counts={kindCounts(data.bodies)} />

      <Section
        id="figures"
        title={`${year}年主要数字`}
        note={`每行是一个单位自己的报告，各行不相加。${silent.length > 0 ? `另有 ${silent.length} 个${kindLabel}在其他年度有报告、${year}年未见报告（见下方“历年报告情况”）。` : ''}`}
      >
        {rows.length ? <BodiesTable year={year} rows={rows} nameOf={nameOf} /> : <p className={regionStyles.notice}>{year}年没有{kindLabel}的报告。</p>}
      </Section>

      {chart && (
        <Section id="chart" title={`${year}年对比图`} note="各单位自己报告的数字，画在同一刻度上比较。">
          <ChartSection path={path} state={state} year={year} input={chart} />
        </Section>
      )}

      <Section id="presence" title="历年报告情况" note="每个部门、乡镇（街道）在哪些年度发布了报告：“有”为有报告（点击查看），“—”为未见报告；点击年份查看该年数字。">
        {presence.length ? <PresenceGrid path={path} state={state} years={data.years} year={year} rows={presence} nameOf={nameOf} /> : <p className={regionStyles.notice}>没有{kindLabel}的报告。</p>}
      </Section>
    </>
  );
}

function Children({ region, data }: { region: RegionSummary; data: BodiesPageData }) {
  if (data.children.length === 0) return null;
  return (
    <Section id="children" title={`${region.name}下属地区的部门和乡镇`} note="各县（市、区）的部门、乡镇（街道）报告在各自的页面上。">
      <ChildRegions regions={withBodiesFirst(data.children)} />
    </Section>
  );
}

function Empty({ region, hasChildBodies }: { region: RegionSummary; hasChildBodies: boolean }) {
  if (region.level === 'body') {
    const kind = region.kind ? SCOPE_LABELS[region.kind] : '部门或乡镇';
    return (
      <p className={regionStyles.notice} data-empty="body">
        {region.name}本身是{region.parent ? `${region.parent.name}的` : ''}一个{kind}。
        {region.parent && (
          <>
            {' '}
            <Link prefetch={false} href={bodiesPath(regionHref(region.parent))}>
              查看{region.parent.name}的全部部门和乡镇（街道）
            </Link>
          </>
        )}{' '}
        <Link prefetch={false} href={regionHref(region)}>
          查看{region.name}的历年报告
        </Link>
      </p>
    );
  }
  const county = region.level === 'county';
  return (
    <p className={regionStyles.notice} data-empty="no-bodies">
      {county ? `数据库中还没有${region.name}下属部门、乡镇（街道）的年度报告。` : `数据库中还没有${region.name}本级部门的年度报告。`}
      {!county && hasChildBodies ? '下属地区的部门和乡镇见下方。' : ''}{' '}
      <Link prefetch={false} href={regionHref(region)}>
        查看{region.name}的报告
      </Link>
    </p>
  );
}

export default async function BodiesPage({ params, searchParams }: Props) {
  const key = decodeSegment((await params).region);
  const state = parseBodiesState(await searchParams);
  let lookup: RegionLookup;
  let data: BodiesPageData | null = null;
  try {
    const { db } = await getDatabase();
    ({ lookup, data } = await cachedRead(db, `bodies:${key}:${JSON.stringify(state)}`, async () => {
      const found = await lookupRegion(db, key);
      const load = found.kind === 'found' && found.region.id !== null && found.region.level !== 'body';
      return { lookup: found, data: load ? await loadBodiesPage(db, { ...found.region, id: found.region.id! }, state) : null };
    }));
  } catch (err) {
    return (
      <Shell crumbs={[{ label: key }, { label: PAGE_NAME }]}>
        <DatabaseNotice error={err} />
      </Shell>
    );
  }
  if (lookup.kind === 'not-found') notFound();
  if (lookup.kind === 'ambiguous') {
    return (
      <Shell crumbs={[{ label: key }, { label: PAGE_NAME }]}>
        <title>{`${key}：请选择地区 · 年报通`}</title>
        <Candidates name={key} candidates={lookup.candidates} page="/bodies" />
      </Shell>
    );
  }
  const region = lookup.region;
  const place = [region.province, region.city].filter((x, i, a) => x && x !== region.name && a.indexOf(x) === i).join(' · ');
  return (
    <Shell crumbs={crumbsOf(region)} wide>
      <title>{`${region.name} 部门和乡镇（街道）年度报告 · 年报通`}</title>
      <header className={regionStyles.regionHeader}>
        {place && <p className={regionStyles.place}>{place}</p>}
        <h1>{region.name} · 部门和乡镇（街道）</h1>
        <p className={regionStyles.muted}>各部门、乡镇人民政府和街道办事处自己发布的政府信息公开工作年度报告。</p>
      </header>
      {data && data.year !== null ? <BodiesBody region={region} data={data} state={state} /> : <Empty region={region} hasChildBodies={!!data?.children.some((c) => c.bodies > 0)} />}
      {data && <Children region={region} data={data} />}
    </Shell>
  );
}
