// Names that several regions bear (鼓楼区): each candidate, linked to this comparison with the
// name replaced by the candidate's code, so that nothing is picked silently.
import Link from 'next/link';
import type { RegionSummary } from '../../db/queries/region';
import { LEVEL_LABEL } from '../../lib/dashboard/labels';
import { compareHref, regionToken, type CompareState } from '../../lib/compare/url-state';
import styles from './compare.module.css';

export default function Choices({ ambiguous, state }: { ambiguous: { token: string; candidates: RegionSummary[] }[]; state: CompareState }) {
  if (ambiguous.length === 0) return null;
  return (
    <section className={styles.choices} aria-labelledby="choices-title" data-choices={ambiguous.length}>
      <h2 id="choices-title">有 {ambiguous.length} 个名称对应多个地区，请选择</h2>
      {ambiguous.map(({ token, candidates }) => (
        <div key={token} data-choice={token}>
          <p className={styles.note}>
            “{token}”对应 {candidates.length} 个地区，尚未列入对比：
          </p>
          <ul>
            {candidates.map((c) => (
              <li key={`${c.id ?? ''}-${c.code ?? c.name}`}>
                <Link prefetch={false} href={compareHref({ ...state, regions: state.regions.map((t) => (t === token ? regionToken(c) : t)) })}>
                  {[c.province, c.city].filter((x, i, a) => x && x !== c.name && a.indexOf(x) === i).join(' · ')} {c.name}
                </Link>{' '}
                <span className={styles.within} style={{ display: 'inline' }}>
                  {LEVEL_LABEL[c.level]}
                  {c.code ? ` · 区划代码 ${c.code}` : ''} · {c.reports > 0 ? `${c.reports} 份报告` : '暂无报告'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
