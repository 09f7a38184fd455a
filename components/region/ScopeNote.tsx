// Which scope of report the page shows, and the region's reports of other scopes (figures of
// different scopes are never added up or charted together).
import Link from 'next/link';
import type { ScopeCount } from '../../lib/region/scope';
import { SCOPE_HINTS, SCOPE_LABELS } from '../../lib/region/scope';
import type { Scope } from '../../lib/report/contract';
import styles from './region.module.css';

export default function ScopeNote({ href, scope, scopes }: { href: string; scope: Scope; scopes: ScopeCount[] }) {
  const others = scopes.filter((s) => s.scope !== scope);
  return (
    <p className={styles.scopeNote} data-scope={scope}>
      本页显示<strong>「{SCOPE_LABELS[scope]}」</strong>报告（{SCOPE_HINTS[scope]}）。
      {others.length > 0 && (
        <>
          该地区另有
          {others.map((o, i) => (
            <span key={o.scope}>
              {i > 0 ? '、' : ''}
              <Link prefetch={false} href={`${href}?scope=${o.scope}`}>
                「{SCOPE_LABELS[o.scope]}」报告 {o.reports} 份
              </Link>
            </span>
          ))}
          ，口径不同，分开显示。
        </>
      )}
    </p>
  );
}
