// Every report the page's figures come from, latest first: linked to the government's own page
// when known; a report known only from a mirror site is named and said to be unlinked.
import type { ReportSource } from '../../lib/public/sources';
import SourceLink from './SourceLink';
import styles from './public.module.css';

export default function SourcesList({ sources }: { sources: ReportSource[] }) {
  return (
    <section aria-labelledby="sources" className={styles.sources}>
      <h2 id="sources">数据来源</h2>
      <ul>
        {sources.map((s) => (
          <li key={s.reportId}>
            <SourceLink source={s} />
            {s.href ? null : <span className={styles.muted}>{s.mirrorOnly ? '（只找到转载的副本，不提供链接）' : '（没有已知的网址）'}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
