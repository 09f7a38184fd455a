'use client';
// Clicking a figure (a link to #L123) highlights its line of the report's text and scrolls the
// text to it, without scrolling the page away from the table; #L123 in the address works too.
// When the text is not stored, it says which line the figure is on and where the report is.
import { useCallback, useEffect, useState } from 'react';
import styles from './report.module.css';

const LINE = /^#L(\d{1,7})$/u;

function scrollToLine(el: HTMLElement) {
  const box = el.closest<HTMLElement>('[data-source-scroll]');
  const scrollsItself = box !== null && box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY !== 'visible';
  if (box && scrollsItself) {
    box.scrollTop = el.offsetTop - box.offsetTop - box.clientHeight / 2 + el.clientHeight / 2;
    const rect = box.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > window.innerHeight) box.scrollIntoView({ block: 'nearest' });
  } else {
    el.scrollIntoView({ block: 'center' });
  }
}

export default function SourceFocus({ hasText, url }: { hasText: boolean; url: string | null }) {
  const [line, setLine] = useState<number | null>(null);

  const focus = useCallback(
    (n: number | null) => {
      setLine(n);
      for (const el of document.querySelectorAll('[data-active-line]')) el.removeAttribute('data-active-line');
      for (const el of document.querySelectorAll('[data-focused]')) el.removeAttribute('data-focused');
      if (n === null) return;
      for (const el of document.querySelectorAll(`[data-line="${n}"]`)) el.setAttribute('data-focused', '');
      const target = hasText ? document.getElementById(`L${n}`) : null;
      if (target) {
        target.setAttribute('data-active-line', '');
        scrollToLine(target);
      }
    },
    [hasText],
  );

  useEffect(() => {
    const fromHash = () => {
      const m = LINE.exec(window.location.hash);
      focus(m ? Number(m[1]) : null);
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href^="#L"]');
      const m = link ? LINE.exec(link.getAttribute('href') ?? '') : null;
      if (!m) return;
      event.preventDefault();
      window.history.replaceState(null, '', `#L${m[1]}`);
      focus(Number(m[1]));
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('hashchange', fromHash);
      document.removeEventListener('click', onClick);
    };
  }, [focus]);

  if (hasText || line === null) return null;
  return (
    <div className={styles.lineNotice} role="status" data-line-notice={line}>
      该数字在报告原文（规范化后）第 <strong>{line}</strong> 行。原文未随附
      {url ? (
        <>
          ，可到<a href={url} rel="noreferrer">原文来源</a>查看。
        </>
      ) : (
        '。'
      )}
      <button type="button" className={styles.closeNotice} onClick={() => focus(null)} aria-label="关闭">
        ×
      </button>
    </div>
  );
}
