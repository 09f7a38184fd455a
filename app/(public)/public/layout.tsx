import type { ReactNode } from 'react';
import styles from '../../../components/public/public.module.css';

// The public pages' own frame: no dashboard sections, no internal notes, nothing that needs
// JavaScript. A skip link leads keyboard and screen-reader users past the header.
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className={styles.frame}>
      <a href="#main" className={styles.skip}>
        跳到正文
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <a href="/public" className={styles.brand}>
            政府信息公开数据
          </a>
          <nav aria-label="公开页面" className={styles.nav}>
            <a href="/public">地区</a>
            <a href="/public/glossary">术语解释</a>
          </nav>
        </div>
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
      <footer className={styles.footer}>
        <p>
          数字摘自各地政府发布的《政府信息公开工作年度报告》，由年报通逐项提取并核对加总关系；报告印错的数字照原样保留并注明。
          没有报告或报告没有写明的，显示为“无报告”或“未载明”，从不按 0 处理。
        </p>
      </footer>
    </div>
  );
}
