// The chart of the year's bodies on one metric, with the form that changes the metric (a GET
// form: it works without JavaScript), how many bodies are drawn and which do not state it.
import { BODY_METRIC_GROUPS, bodyMetric } from '../../lib/bodies/metrics';
import { CHART_LIMIT, type BodiesChartInput } from '../../lib/bodies/chart';
import type { BodiesState } from '../../lib/bodies/state';
import BodiesChart from './BodiesChart';
import styles from './bodies.module.css';

/** names listed under the chart at most (the table shows every body) */
const UNSTATED_NAMES = 20;

interface Props {
  path: string;
  state: BodiesState;
  year: number;
  input: BodiesChartInput;
}

export default function ChartSection({ path, state, year, input }: Props) {
  return (
    <>
      <form method="get" action={path} className={styles.metricForm} data-metric-form>
        <input type="hidden" name="year" value={year} />
        {state.kind !== 'all' && <input type="hidden" name="kind" value={state.kind} />}
        <label htmlFor="bodies-metric">比较指标</label>
        <select id="bodies-metric" name="metric" defaultValue={input.metric}>
          {BODY_METRIC_GROUPS.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.ids.map((id) => (
                <option key={id} value={id}>
                  {bodyMetric(id).label}（{bodyMetric(id).unit}）
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="submit">更新图表</button>
      </form>
      <BodiesChart input={input} />
      <p className={styles.unstated} data-chart-note>
        {input.stated > input.bars.length
          ? `图中只画出数值最大的 ${CHART_LIMIT} 个（共 ${input.stated} 个载明该项），全部见上表。`
          : `图中画出载明该项的全部 ${input.stated} 个单位。`}
        {input.unstated.length > 0 &&
          ` 报告未载明该项（${input.unstated.length} 个，不画作 0）：${input.unstated.slice(0, UNSTATED_NAMES).join('、')}${input.unstated.length > UNSTATED_NAMES ? ' 等' : ''}。`}
      </p>
    </>
  );
}
