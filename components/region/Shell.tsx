// The frame of the region and report pages (inside the site header of app/layout.tsx): a
// breadcrumb trail, then the page.
import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './region.module.css';

export interface Crumb {
  label: string;
  href?: string;
}

export default function Shell({ crumbs, wide = false, children }: { crumbs: Crumb[]; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? `${styles.shell} ${styles.wide}` : styles.shell}>
      <nav className={styles.topbar} aria-label="导航">
        <ol className={styles.crumbs}>
          <li>
            <Link prefetch={false} href="/regions">地区</Link>
          </li>
          {crumbs.map((c, i) => (
            <li key={i}>{c.href ? <Link prefetch={false} href={c.href}>{c.label}</Link> : <span aria-current="page">{c.label}</span>}</li>
          ))}
        </ol>
      </nav>
      <main>{children}</main>
    </div>
  );
}
