// One printed figure: a link to its line of the report's text (#L123), marked when a failed
// check points at it, with what the check expected (or, for a prose check, what the prose
// says). Its id comes from its contract path, so that a failed check can link to it.
import { figureAnchor } from '../../lib/quality/cell-anchor';
import { claimWord } from './check-names';
import type { LayoutCell } from './layout';
import { exact, exactSigned, statedPercent } from './format';
import styles from './report.module.css';

export interface FigureProps {
  cell: LayoutCell;
  /** how the value reads: a count, a signed change, a stated percentage */
  as?: 'count' | 'signed' | 'percent';
}

function show(value: number, as: FigureProps['as']): string {
  if (as === 'percent') return statedPercent(value);
  if (as === 'signed') return exactSigned(value);
  return exact(value);
}

export default function Figure({ cell, as }: FigureProps) {
  if (cell.value === undefined) return <span className={styles.absent} title="报告未印此项">·</span>;
  const text = cell.value === null ? '空' : show(cell.value, as ?? (cell.signed ? 'signed' : 'count'));
  const failed = cell.failures.length > 0;
  const hard = cell.failures.some((f) => f.severity === 'hard');
  const expected = [...new Set(cell.failures.map((f) => f.expected))];
  const word = claimWord(cell.failures.map((f) => f.checkId));
  const where = cell.line ? `原文第 ${cell.line} 行` : '原文行号不详';
  const fix = cell.corrected;
  const printedText = fix ? (fix.printed === null ? '空' : show(fix.printed, as ?? (cell.signed ? 'signed' : 'count'))) : '';
  const fixNote = fix ? `；已更正：印为 ${printedText}，原因：${fix.reason}` : '';
  const title = (failed ? `${where}；核对未通过：${word} ${expected.map((e) => show(e, as)).join(' 或 ')}，${fix ? '现为' : '印为'} ${text}` : where) + fixNote;
  const className = [styles.figure, cell.value === null ? styles.blank : '', failed ? (hard ? styles.failedHard : styles.failedSoft) : '', fix ? styles.corrected : ''].filter(Boolean).join(' ');
  const content = (
    <>
      <span className={styles.value}>{text}</span>
      {fix && <span className={styles.correctedNote}>已更正，印为 {printedText}</span>}
      {failed && (
        <span className={styles.expected}>
          {word} {expected.map((e) => show(e, as)).join(' 或 ')}
        </span>
      )}
    </>
  );
  if (!cell.line) {
    return (
      <span id={figureAnchor(cell.path)} className={className} title={title} data-path={cell.path} data-failed={failed || undefined} data-corrected={fix ? true : undefined}>
        {content}
      </span>
    );
  }
  return (
    <a id={figureAnchor(cell.path)} href={`#L${cell.line}`} className={className} title={title} data-path={cell.path} data-line={cell.line} data-failed={failed || undefined} data-corrected={fix ? true : undefined}>
      {content}
    </a>
  );
}
