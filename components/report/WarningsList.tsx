// The parser's warnings: cells printed as a dash or left blank, loosely matched labels, mixed
// templates, approximate figures … each with its line.
import type { StoredWarning } from '../../db/queries/report';
import { ASSIGNED_WARNING } from '../../lib/upload/assign';
import styles from './report.module.css';

const CODE_LABELS: Record<string, string> = {
  'cell-dash': '单元格为“/”或“—”，按 0 计',
  'cell-blank': '单元格空白',
  'cell-damaged': '单元格损坏',
  'template-mixed': '表格版本混用',
  'count-is-percent': '数量处印为百分比',
  approximate: '约数',
  'unit-missing': '金额缺单位',
  'unit-converted': '金额已换算为万元',
  'label-variant': '标签有异写',
  'identity-failed': '勾稽关系不成立',
  'line-truncated': '行过长被截断',
  [ASSIGNED_WARNING]: '人工指定',
};

export default function WarningsList({ warnings }: { warnings: StoredWarning[] }) {
  if (warnings.length === 0) return <p className={styles.muted}>没有提示。</p>;
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  return (
    <>
      <p className={styles.muted}>
        {[...counts].map(([code, n]) => `${CODE_LABELS[code] ?? code} ${n} 处`).join('；')}
      </p>
      <details className={styles.warningDetails} open={warnings.length <= 12}>
        <summary>全部提示（{warnings.length}）</summary>
        <ul className={styles.warnings} data-warnings={warnings.length}>
        {warnings.map((w, i) => (
          <li key={i}>
            <span className={styles.code}>{CODE_LABELS[w.code] ?? w.code}</span> {w.message}
            {w.line !== null && (
              <>
                {' '}
                <a href={`#L${w.line}`} data-line={w.line} className={styles.lineLink}>
                  第 {w.line} 行
                </a>
              </>
            )}
          </li>
        ))}
        </ul>
      </details>
    </>
  );
}
