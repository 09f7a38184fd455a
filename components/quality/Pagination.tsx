// Previous and next pages of a bounded list, as plain links (keyboard reachable, no script).
import type { PageWindow } from '../../lib/quality/paging';
import styles from './quality.module.css';

export interface PaginationProps {
  window: PageWindow;
  /** the address of page n */
  href: (page: number) => string;
  label: string;
}

function Step({ page, href, text, rel }: { page: number | null; href: PaginationProps['href']; text: string; rel?: string }) {
  if (page === null) return <span aria-disabled="true">{text}</span>;
  return (
    <a href={href(page)} rel={rel}>
      {text}
    </a>
  );
}

export default function Pagination({ window: w, href, label }: PaginationProps) {
  if (w.pages <= 1) return null;
  return (
    <nav className={styles.pager} aria-label={label}>
      <Step page={w.page > 1 ? 1 : null} href={href} text="第一页" />
      <Step page={w.page > 1 ? w.page - 1 : null} href={href} text="上一页" rel="prev" />
      <span aria-current="page">
        第 {w.page} / {w.pages} 页
      </span>
      <Step page={w.page < w.pages ? w.page + 1 : null} href={href} text="下一页" rel="next" />
      <Step page={w.page < w.pages ? w.pages : null} href={href} text="最后一页" />
    </nav>
  );
}
