// The cities and counties under a city or province, each linking to its own bodies page, with
// how many of its departments and townships have reports.
import Link from 'next/link';
import type { ChildRegion } from '../../db/queries/bodies';
import { bodiesPath } from '../../lib/bodies/state';
import { regionHref } from '../../lib/region/href';
import regionStyles from '../region/region.module.css';
import styles from './bodies.module.css';

export default function ChildRegions({ regions }: { regions: ChildRegion[] }) {
  return (
    <ul className={styles.children} data-children={regions.length}>
      {regions.map((r) => (
        <li key={r.id} data-child={r.id} className={r.bodies > 0 ? styles.childWithBodies : undefined}>
          <Link prefetch={false} href={bodiesPath(regionHref(r))}>
            {r.name}
          </Link>{' '}
          {r.bodies > 0 ? <strong className={styles.childCount}>{r.bodies} 个部门、乡镇（街道）有报告</strong> : <span className={regionStyles.muted}>暂无部门、乡镇（街道）报告</span>}
        </li>
      ))}
    </ul>
  );
}
