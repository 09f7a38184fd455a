// A name that several regions bear (鼓楼区): every candidate with its province and city, those
// with reports first.
import Link from 'next/link';
import type { RegionSummary } from '../../db/queries/region';
import { regionHref } from '../../lib/region/href';
import styles from './region.module.css';

const LEVEL_LABELS: Record<RegionSummary['level'], string> = { province: '省级', city: '市级', county: '县级', body: '部门或乡镇' };

/** `page`: a page under each candidate's address (`/bodies`), instead of the region page itself */
export default function Candidates({ name, candidates, page = '' }: { name: string; candidates: RegionSummary[]; page?: string }) {
  return (
    <section className={styles.candidates}>
      <h1>“{name}”对应 {candidates.length} 个地区</h1>
      <p className={styles.muted}>同名的地区不止一个，请选择：</p>
      <ul data-candidates={candidates.length}>
        {candidates.map((c) => (
          <li key={`${c.id ?? ''}-${c.code ?? c.name}`}>
            <Link prefetch={false} href={`${regionHref(c)}${page}`} className={styles.candidateLink}>
              <span className={styles.candidatePlace}>{[c.province, c.city].filter((x, i, a) => x && x !== c.name && a.indexOf(x) === i).join(' · ') || '—'}</span>
              <strong>{c.name}</strong>
            </Link>
            <span className={styles.muted}>
              {c.parent ? `${c.parent.name} · ` : ''}
              {LEVEL_LABELS[c.level]}
              {c.code ? ` · 区划代码 ${c.code}` : ' · 不在区划名录'}
            </span>
            {c.reports > 0 ? <span className={`${styles.tag} ${styles.tag_complete}`}>{c.reports} 份报告</span> : <span className={styles.tagPlain}>暂无报告</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
