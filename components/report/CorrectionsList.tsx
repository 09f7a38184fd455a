// Who corrected which figure, when and why, and what was undone. A correction whose printed
// figure has since changed (the report was re-parsed) says so.
import type { CorrectionRecord } from '../../db/corrections';
import { correctionSentence, shownFigure } from '../../lib/corrections/describe';
import type { Report } from '../../lib/report/contract';
import styles from './report.module.css';

const when = (d: Date) => new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });

export default function CorrectionsList({ corrections, printed }: { corrections: CorrectionRecord[]; printed: Report }) {
  if (corrections.length === 0) return <p className={styles.muted}>没有更正。表中数字均为报告原印。</p>;
  return (
    <ul className={styles.corrections} data-corrections={corrections.length}>
      {corrections.map((c) => (
        <li key={c.id} data-correction={c.id} data-undone={c.undoneAt ? true : undefined}>
          <span className={c.undoneAt ? styles.undone : undefined}>{correctionSentence(c, printed)}</span>。原因：{c.reason}
          <br />
          <span className={styles.muted}>
            {c.by ?? '已删除的账号'} 于 {when(c.createdAt)} 更正
            {c.undoneAt && `；${c.undoneBy ?? '已删除的账号'} 于 ${when(c.undoneAt)} 撤销`}
          </span>
          {c.printedNow !== c.printed && (
            <strong className={styles.bad}>
              {' '}
              重新解析后，原印数字已由 {shownFigure(c.printed)} 变为 {shownFigure(c.printedNow)}，请核对这条更正。
            </strong>
          )}
        </li>
      ))}
    </ul>
  );
}
