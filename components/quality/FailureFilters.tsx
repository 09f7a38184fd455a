// The failed checks' own filter (which check, which kind) as a GET form; the page's selection
// rides along in hidden fields.
import type { FailedChecks } from '../../db/queries/checks';
import { formatNumber } from '../../lib/format/number';
import { formatYears, type QualityState } from '../../lib/quality/url-state';
import { checkName, SEVERITY_LABELS } from '../report/check-names';
import styles from './quality.module.css';

export default function FailureFilters({ state, byCheck }: { state: QualityState; byCheck: FailedChecks['byCheck'] }) {
  const checks = [...byCheck];
  if (state.check && !checks.some((c) => c.checkId === state.check)) checks.push({ checkId: state.check, severity: state.severity ?? 'hard', failed: 0 });
  return (
    <form method="get" action="/quality#failures" className="controls" aria-label="筛选未通过的核对">
      {state.scope !== 'jurisdiction' && <input type="hidden" name="scope" value={state.scope} />}
      {state.level !== 'county' && <input type="hidden" name="level" value={state.level} />}
      {state.within && <input type="hidden" name="within" value={state.within} />}
      {state.region && <input type="hidden" name="region" value={state.region} />}
      {state.years && <input type="hidden" name="years" value={formatYears(state.years)} />}
      {state.page > 1 && <input type="hidden" name="page" value={state.page} />}
      <label className="control control-wide">
        <span>核对项目</span>
        <select name="check" defaultValue={state.check ?? ''}>
          <option value="">全部核对项目</option>
          {checks.map((c) => (
            <option key={`${c.checkId}-${c.severity}`} value={c.checkId}>
              {checkName(c.checkId)}（{formatNumber(c.failed)}）
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        <span>类别</span>
        <select name="severity" defaultValue={state.severity ?? ''}>
          <option value="">全部</option>
          <option value="hard">{SEVERITY_LABELS.hard}（硬性）</option>
          <option value="soft">{SEVERITY_LABELS.soft}（软性）</option>
        </select>
      </label>
      <button type="submit" className={styles.submit}>
        筛选
      </button>
    </form>
  );
}
