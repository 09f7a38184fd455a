// The page's selection as a plain GET form (it works without JavaScript): report scope, level,
// a province or city, one region, and the years. The failed checks' own filter rides along.
import type { RegionLabel } from '../../db/queries/selection';
import { LEVEL_LABEL } from '../../lib/dashboard/labels';
import type { PlaceGroup } from '../../lib/quality/places';
import { QUALITY_LEVELS, type QualityState } from '../../lib/quality/url-state';
import styles from './quality.module.css';
import ScopeOptions from '../ui/ScopeOptions';

export interface FiltersProps {
  state: QualityState;
  years: number[];
  yearsAvailable: number[];
  places: PlaceGroup<RegionLabel>[];
}

export default function Filters({ state, years, yearsAvailable, places }: FiltersProps) {
  const yearOptions = [...new Set([...yearsAvailable, ...years])].sort((a, b) => a - b);
  return (
    <form method="get" action="/quality" className="controls" aria-label="筛选">
      <label className="control">
        <span>报告范围</span>
        <select name="scope" defaultValue={state.scope}>
          <ScopeOptions />
        </select>
      </label>
      <label className="control">
        <span>地区层级</span>
        <select name="level" defaultValue={state.level}>
          {QUALITY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABEL[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="control control-wide">
        <span>所在省、市</span>
        <select name="within" defaultValue={state.within ?? ''}>
          <option value="">全国</option>
          {places.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.province && <option value={g.province.code!}>{g.province.name}（全省）</option>}
              {g.cities.map((c) => (
                <option key={c.code} value={c.code!}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="control">
        <span>或指定地区</span>
        <input type="search" name="region" defaultValue={state.region ?? ''} placeholder="名称或代码，多个用顿号分隔，如 会同县、洪泽区" />
      </label>
      {yearOptions.length > 0 && (
        <fieldset className="control control-range">
          <legend>年份</legend>
          <select name="yearsFrom" aria-label="起始年份" defaultValue={years[0]}>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <span aria-hidden="true">至</span>
          <select name="yearsTo" aria-label="截止年份" defaultValue={years[years.length - 1]}>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </fieldset>
      )}
      {state.check && <input type="hidden" name="check" value={state.check} />}
      {state.severity && <input type="hidden" name="severity" value={state.severity} />}
      <button type="submit" className={styles.submit}>
        查看
      </button>
      <a href="/quality" className={styles.reset}>
        清除筛选
      </a>
    </form>
  );
}
