// The figures behind the region page's charts, one row a year: application outcomes and
// applicants, hotlines and mailboxes, review and litigation results.
import type { AppealFigures, AppealOutcome } from '../../db/queries/appeals';
import type { ApplicantKey, Breakdown, OutcomeBreakdown } from '../../db/queries/applications';
import type { ChannelFigures } from '../../db/queries/channels';
import { formatNumber, formatPercent, NO_DATA } from '../../lib/format/number';
import { APPLICANT_LABELS, OUTCOME_GROUPS } from '../../lib/region/outcomes';
import { APPEAL_COLUMNS } from '../../lib/report/labels';
import styles from './region.module.css';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? NO_DATA : formatPercent(v / 100));
const num = (v: number | null | undefined) => formatNumber(v);

export function OutcomesTable({ years, outcomes }: { years: number[]; outcomes: Map<number, OutcomeBreakdown> }) {
  const shown = years.filter((y) => outcomes.get(y)?.reports);
  if (shown.length === 0) return null;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-table="outcomes">
        <thead>
          <tr>
            <th scope="col">年度</th>
            {OUTCOME_GROUPS.map((g) => (
              <th key={g.key} scope="col">
                {g.label}
              </th>
            ))}
            <th scope="col">合计</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((y) => {
            const o = outcomes.get(y)!;
            return (
              <tr key={y} data-year={y}>
                <th scope="row">{y}</th>
                {OUTCOME_GROUPS.map((g) => (
                  <td key={g.key} data-outcome={g.key}>
                    {num(o.counts[g.key])}
                    {o.shares[g.key] ? <span className={styles.share}>{formatPercent(o.shares[g.key]! / 100, 0)}</span> : null}
                  </td>
                ))}
                <td data-outcome="total">
                  {num(o.total)}
                  {o.printedTotal !== null && o.printedTotal !== o.total && <span className={styles.warnText}>（所印总计 {num(o.printedTotal)}）</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const APPLICANT_KEYS: readonly ApplicantKey[] = ['natural', 'business', 'research', 'publicInterest', 'legal', 'other'];

export function ApplicantsTable({ years, applicants }: { years: number[]; applicants: Map<number, Breakdown<ApplicantKey>> }) {
  const shown = years.filter((y) => applicants.get(y)?.reports);
  if (shown.length === 0) return null;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-table="applicants">
        <thead>
          <tr>
            <th scope="col">年度</th>
            {APPLICANT_LABELS.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
            <th scope="col">本年新收</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((y) => {
            const a = applicants.get(y)!;
            return (
              <tr key={y} data-year={y}>
                <th scope="row">{y}</th>
                {APPLICANT_KEYS.map((k) => (
                  <td key={k}>{num(a.counts[k])}</td>
                ))}
                <td data-applicants="total">{num(a.total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ChannelCells({ c }: { c: ChannelFigures | undefined }) {
  if (!c || c.reports === 0) {
    return (
      <td colSpan={4} className={styles.none}>
        报告未提及
      </td>
    );
  }
  return (
    <>
      <td data-field="received">{num(c.received)}</td>
      <td data-field="resolved">{num(c.resolved)}</td>
      <td data-field="resolvedRate">{pct(c.resolvedRate)}</td>
      <td data-field="satisfactionRate">{pct(c.satisfactionRate)}</td>
    </>
  );
}

export function ChannelsTable({ years, hotline, mailbox }: { years: number[]; hotline: Map<number, ChannelFigures>; mailbox: Map<number, ChannelFigures> }) {
  const shown = years.filter((y) => hotline.get(y)?.reports || mailbox.get(y)?.reports);
  if (shown.length === 0) return <p className={styles.muted}>各年报告均未提及热线或信箱的数字。</p>;
  const heads = ['受理', '办结', '办结率', '满意率'];
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-table="channels">
        <thead>
          <tr>
            <th rowSpan={2} scope="col">
              年度
            </th>
            <th colSpan={4} scope="colgroup">
              热线
            </th>
            <th colSpan={4} scope="colgroup">
              信箱
            </th>
          </tr>
          <tr>
            {[...heads, ...heads].map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((y) => (
            <tr key={y} data-year={y}>
              <th scope="row">{y}</th>
              <ChannelCells c={hotline.get(y)} />
              <ChannelCells c={mailbox.get(y)} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.footnote}>办结率 = 办结数 ÷ 受理数（只计两项都写明的热线、信箱）；满意率按受理数加权，不取各渠道比率的平均。</p>
    </div>
  );
}

const APPEAL_PARTS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

function AppealRow({ label, o }: { label: string; o: AppealOutcome }) {
  return (
    <>
      <th scope="row">{label}</th>
      {APPEAL_PARTS.map((p) => (
        <td key={p} data-field={p}>
          {num(o[p])}
        </td>
      ))}
      <td data-field="correctedRate">{pct(o.correctedRate)}</td>
    </>
  );
}

export function AppealsByYearTable({ years, appeals }: { years: number[]; appeals: Map<number, AppealFigures> }) {
  const shown = years.filter((y) => appeals.get(y)?.reports);
  if (shown.length === 0) return <p className={styles.muted}>各年报告均没有可提取的表四（行政复议、行政诉讼）。</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-table="appeals">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">类别</th>
            {APPEAL_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">纠错率</th>
          </tr>
        </thead>
        <tbody>
          {shown.flatMap((y) => {
            const a = appeals.get(y)!;
            return [
              <tr key={`${y}-r`} data-year={y} data-kind="review">
                <th scope="rowgroup" rowSpan={2}>
                  {y}
                </th>
                <AppealRow label="行政复议" o={a.review} />
              </tr>,
              <tr key={`${y}-l`} data-year={y} data-kind="litigation">
                <AppealRow label="行政诉讼" o={a.litigation} />
              </tr>,
            ];
          })}
        </tbody>
      </table>
      <p className={styles.footnote}>纠错率 = 结果纠正 ÷（维持 + 纠正 + 其他结果），只计已审结的案件。行政诉讼含未经复议直接起诉和复议后起诉。</p>
    </div>
  );
}
