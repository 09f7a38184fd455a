// The plain GET form (works without JavaScript): regions one per field (or several in one,
// separated by 、 or commas), a year range, the scope and patterned fills. The page turns the
// submission into its canonical address (lib/compare/url-state.ts formTarget).
import { MAX_COMPARE_REGIONS, COMPARE_PATH } from '../../lib/compare/url-state';
import type { Scope } from '../../lib/dashboard/url-state';
import { SCOPE_LABELS } from '../../lib/region/scope';
import styles from './compare.module.css';
import ScopeOptions from '../ui/ScopeOptions';

export interface CompareFormProps {
  regions: string[];
  from: number | null;
  to: number | null;
  scope: Scope | null;
  decals: boolean;
}

export default function CompareForm({ regions, from, to, scope, decals }: CompareFormProps) {
  const fields = Math.min(MAX_COMPARE_REGIONS, Math.max(4, regions.length + 1));
  return (
    <form method="get" action={COMPARE_PATH} className={styles.form} aria-labelledby="compare-form-title">
      <fieldset>
        <legend id="compare-form-title">要对比的地区（2 至 {MAX_COMPARE_REGIONS} 个）</legend>
        <div className={styles.fields}>
          {Array.from({ length: fields }, (_, i) => (
            <label key={i} className={styles.field}>
              地区 {i + 1}
              <input type="text" name="r" defaultValue={regions[i] ?? ''} placeholder={i === 0 ? '如 会同县' : i === 1 ? '或代码，如 320813' : ''} autoComplete="off" maxLength={60} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.row}>
        <div className={styles.years} role="group" aria-label="年度范围">
          <label className={styles.field}>
            起始年度
            <input type="number" name="from" min={2000} max={2100} step={1} defaultValue={from ?? ''} inputMode="numeric" />
          </label>
          <span aria-hidden="true">—</span>
          <label className={styles.field}>
            截止年度
            <input type="number" name="to" min={2000} max={2100} step={1} defaultValue={to ?? ''} inputMode="numeric" />
          </label>
        </div>
        <label className={styles.field}>
          统计范围
          <select name="scope" defaultValue={scope ?? ''}>
            <option value="">自动（优先全域）</option>
            <ScopeOptions labels={SCOPE_LABELS} />
          </select>
        </label>
        <label className={styles.checkbox}>
          <input type="checkbox" name="decals" value="1" defaultChecked={decals} />
          图案填充
        </label>
        <button type="submit" className={styles.submit}>
          对比
        </button>
      </div>
      <p className={styles.hint}>填写地区名称、别名或六位区划代码；一个格子里也可以用顿号或逗号分隔多个地区。年度不填则取各地区有报告的全部年度（最多 12 年）。</p>
    </form>
  );
}
