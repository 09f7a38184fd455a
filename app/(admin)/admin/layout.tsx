import type { ReactNode } from 'react';
import Link from 'next/link';
import { currentAccount } from '../_lib/session';
import styles from '../../../components/admin/admin.module.css';

export const dynamic = 'force-dynamic';

export const metadata = { title: '管理 · 年报通', robots: { index: false, follow: false } };

// The staff pages' frame: who is signed in and the sign-out. Nothing here is cached or indexed.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const account = await currentAccount();
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <Link prefetch={false} href="/admin" className="site-brand">
            年报通 · 管理
          </Link>
          {account && (
            <nav className="site-nav" aria-label="管理">
              <Link prefetch={false} href="/admin">
                首页
              </Link>
              <Link prefetch={false} href="/admin/upload">
                上传报告
              </Link>
              <Link prefetch={false} href="/">
                数据看板
              </Link>
            </nav>
          )}
          {account && (
            <form className={styles.signOut} method="post" action="/api/admin/sign-out">
              <span>
                {account.name}
                {account.regionName ? `（${account.regionName}）` : ''}
              </span>
              <button type="submit">退出登录</button>
            </form>
          )}
        </div>
      </header>
      <main className={`page ${styles.admin}`}>{children}</main>
    </>
  );
}
