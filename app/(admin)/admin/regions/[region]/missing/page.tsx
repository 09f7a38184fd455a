import Link from 'next/link';
import { notFound } from 'next/navigation';
import { expectedReports, isListable, reportYears } from '../../../../../../db/expected-bodies';
import { defaultReportYear, describeDeadline, formatDate, shanghaiDate } from '../../../../../../lib/expected/deadlines';
import { missingView, type RowState } from '../../../../../../lib/expected/missing';
import { KIND_LABELS } from '../../../../../../lib/expected/names';
import { regionHref, reportHref } from '../../../../../../lib/region/href';
import { isScope, SCOPE_LABELS } from '../../../../../../lib/region/scope';
import { requireRegionPage } from '../../../../_lib/region-page';
import { ListBodyButton } from '../../../../../../components/admin/expected/BodyForms';
import styles from '../../../../../../components/admin/admin.module.css';
import own from '../../../../../../components/admin/expected/expected.module.css';

type Props = { params: Promise<{ region: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The 条例 took effect in 2008: no report is due for an earlier year. */
const FIRST_YEAR = 2008;

/** The year asked for, when it is a year whose reports can be due; else null. */
function askedYear(value: string | string[] | undefined, thisYear: number): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{4}$/u.test(text.trim())) return null;
  const year = Number(text.trim());
  return year >= FIRST_YEAR && year <= thisYear ? year : null;
}

const STATE_CLASS: Record<RowState, string> = { reported: own.reported, overdue: own.overdue, open: own.open };

// For a county (or city) and a year: which of its listed bodies have no report yet, against the
// legal deadlines (departments 1月31日, townships and the government 3月31日 of the next year),
// and whether each deadline has passed; the region's own report too. Read only.
export default async function MissingReportsPage({ params, searchParams }: Props) {
  const [{ region: segment }, query] = await Promise.all([params, searchParams]);
  const { db, region } = await requireRegionPage(segment, `/admin/regions/${segment}/missing`);
  const regionId = region.id;
  if (!isListable(region.level)) notFound();

  const now = new Date();
  const today = shanghaiDate(now);
  const year = askedYear(query.year, today.year) ?? defaultReportYear(now);
  const [data, years] = await Promise.all([expectedReports(db, regionId, year), reportYears(db, regionId)]);
  const view = missingView(year, data.expected, data.own, now);
  const lastYear = defaultReportYear(now);
  const choices = [...new Set([year, ...years, ...Array.from({ length: 6 }, (_, i) => lastYear - i)])].filter((y) => y >= FIRST_YEAR && y <= today.year).sort((a, b) => b - a);
  const base = `/admin${regionHref(region)}`;
  const { counts, deadlines, government } = view;
  const governmentScope = government.report && isScope(government.report.scope) ? SCOPE_LABELS[government.report.scope] : null;

  return (
    <>
      <h1>
        {region.name} · {year} 年度报告报送情况
      </h1>
      <form method="get" className={own.yearForm}>
        <label htmlFor="year">年度</label>
        <select id="year" name="year" defaultValue={year}>
          {choices.map((y) => (
            <option key={y} value={y}>
              {y} 年度
            </option>
          ))}
        </select>
        <button type="submit">查看</button>
        <span className={styles.muted}>
          · <Link prefetch={false} href={`${base}/bodies`}>编辑应报送单位名单</Link> · <Link prefetch={false} href={base}>已存储的文件</Link>
        </span>
      </form>
      <p data-deadlines>
        截止日期（{year} 年度）：部门 {formatDate(deadlines.department.deadline)}，{describeDeadline(deadlines.department.status)}；乡镇（街道）和{region.name}人民政府{' '}
        {formatDate(deadlines.government.deadline)}，{describeDeadline(deadlines.government.status)}。
        <span className={styles.muted}>今天是 {formatDate(today)}（北京时间）。</span>
      </p>

      <ul className={own.counts} data-counts>
        <li>
          名单共 <strong>{counts.expected}</strong> 个单位（部门 {counts.byKind.department.expected}，乡镇（街道） {counts.byKind.township.expected}）
        </li>
        <li className={own.reported}>
          已报送 <strong>{counts.reported}</strong>
        </li>
        <li className={counts.overdue ? own.overdue : undefined}>
          未报送 <strong>{counts.missing}</strong>
          {counts.missing > 0 && `（已逾期 ${counts.overdue}）`}
        </li>
        <li className={STATE_CLASS[government.state]}>
          {region.name}人民政府本级：{government.label}
        </li>
      </ul>

      <table className={styles.table} data-missing>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">类型</th>
            <th scope="col">截止日期</th>
            <th scope="col">报告</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          <tr className={own.government} data-row="government" data-state={government.state}>
            <td>{region.name}人民政府（本级）</td>
            <td>本级政府</td>
            <td>{formatDate(government.deadline)}</td>
            <td>
              {government.report ? (
                <Link prefetch={false} href={reportHref(government.report.reportId)}>
                  查看报告{governmentScope ? `（${governmentScope}）` : ''}
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td className={STATE_CLASS[government.state]}>{government.label}</td>
          </tr>
          {view.rows.map((r) => (
            <tr key={r.id} data-row="body" data-body={r.name} data-state={r.state}>
              <td>{r.name}</td>
              <td>{KIND_LABELS[r.kind]}</td>
              <td>{formatDate(r.deadline)}</td>
              <td>
                {r.reportId !== null ? (
                  <>
                    <Link prefetch={false} href={reportHref(r.reportId)}>
                      查看报告
                    </Link>
                    {r.body && r.body.name !== r.name && <span className={styles.muted}>（署名：{r.body.name}）</span>}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className={STATE_CLASS[r.state]}>{r.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.rows.length === 0 && (
        <p className={styles.warn} role="note">
          {region.name}还没有应报送单位名单，无法判断哪些部门和乡镇（街道）未报送。
          <Link prefetch={false} href={`${base}/bodies`}>
            导入或添加名单
          </Link>
        </p>
      )}

      {data.unlisted.length > 0 && (
        <section aria-labelledby="unlisted">
          <h2 id="unlisted">已报送但不在名单上（{data.unlisted.length}）</h2>
          <p className={styles.muted}>这些单位有 {year} 年度的报告，但名单中没有同名单位。可能是名单漏列，也可能是名称写法不同。</p>
          <table className={styles.table} data-unlisted>
            <thead>
              <tr>
                <th scope="col">单位（报告署名）</th>
                <th scope="col">类型</th>
                <th scope="col">报告</th>
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              {data.unlisted.map((b) => (
                <tr key={b.regionId} data-body={b.name}>
                  <td>{b.name}</td>
                  <td>{b.kind ? KIND_LABELS[b.kind] : '—'}</td>
                  <td>
                    <Link prefetch={false} href={reportHref(b.reportId)}>
                      查看报告
                    </Link>
                  </td>
                  <td>{b.kind && <ListBodyButton regionId={regionId} name={b.name} kind={b.kind} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
