// What is compared with what (scope, level, template versions) and what each mark means.
import Link from 'next/link';
import type { Comparison } from '../../lib/compare/model';
import { MARK_ORDER, MARKS, marksUsed, type Mark } from '../../lib/compare/comparability';
import { compareHref, type CompareState } from '../../lib/compare/url-state';
import { LEVEL_LABEL } from '../../lib/dashboard/labels';
import { SCOPE_HINTS, SCOPE_LABELS } from '../../lib/region/scope';
import MarkBadge from './MarkBadge';
import styles from './compare.module.css';

export default function Terms({ comparison, state }: { comparison: Comparison; state: CompareState }) {
  const { scope, level } = comparison;
  const others = comparison.scopes.filter((s) => s.scope !== scope);
  const used = new Set<Mark>(marksUsed(comparison.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))));
  return (
    <section className={styles.terms} aria-labelledby="terms-title" data-scope={scope} data-level={level ?? ''}>
      <div>
        <h2 id="terms-title">比较的口径</h2>
        <ul>
          <li>
            统计范围：<strong>{SCOPE_LABELS[scope]}</strong>报告（{SCOPE_HINTS[scope]}）。
            {comparison.scopeUnavailable && <>所选地区没有「{SCOPE_LABELS[comparison.scopeUnavailable]}」报告。</>}
            {others.length > 0 && (
              <>
                改按
                {others.map((o, i) => (
                  <span key={o.scope}>
                    {i > 0 ? '、' : ''}
                    <Link prefetch={false} href={compareHref({ ...state, scope: o.scope, year: null })}>
                      「{SCOPE_LABELS[o.scope]}」（{o.reports} 份）
                    </Link>
                  </span>
                ))}
                比较。
              </>
            )}
          </li>
          {level !== null && <li>地区层级：{LEVEL_LABEL[level]}。其他层级的地区标为“层级不同”。</li>}
          <li>数字只在同一统计范围、同一层级之间比较；比率都由件数重新计算。</li>
          <li>2019年版与2021年版表格定义不同的数字（如规范性文件数量）不当作同一项比较：另一版本的数字以斜线柱标出，不一起排名。</li>
        </ul>
      </div>
      <div>
        <h2 id="legend-title">图例</h2>
        <dl className={styles.legend} aria-labelledby="legend-title">
          <dt>
            <span className={`${styles.swatch} ${styles.swatchSolid}`} aria-hidden="true" /> 实心柱
          </dt>
          <dd>可以相互比较的数字。</dd>
          <dt>
            <span className={`${styles.swatch} ${styles.swatchHatched}`} aria-hidden="true" /> 斜线虚框柱
          </dt>
          <dd>有数字，但不可直接比较（原因见表中标注）。</dd>
          {MARK_ORDER.map((m) => (
            <div key={m} style={{ display: 'contents' }} data-legend={m} data-used={used.has(m) ? '1' : '0'}>
              <dt>
                <MarkBadge mark={m} />
              </dt>
              <dd>{MARKS[m].description}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
