// The report's normalised text, one numbered line per line (#L1 …), the lines that figures
// come from marked; or, for a bundled report shipped without its text, where to find it.
import SourceFocus from './SourceFocus';
import styles from './report.module.css';

export interface SourceTextProps {
  /** the normalised lines (line i + 1 at index i), or null when the text is not stored */
  lines: string[] | null;
  /** the file the text was extracted from */
  fileName: string | null;
  /** where the report was published */
  url: string | null;
  /** lines some figure comes from */
  figureLines: ReadonlySet<number>;
}

export default function SourceText({ lines, fileName, url, figureLines }: SourceTextProps) {
  if (lines === null) {
    return (
      <div className={styles.noText} data-source="absent">
        <p>
          本报告随附的只有数字，没有原文。每个数字都记有它在原文（规范化后）中的行号：点击表中的数字即可看到行号。
        </p>
        {url ? (
          <p>
            原文来源：
            <a href={url} rel="noreferrer" className={styles.breakUrl}>
              {url}
            </a>
          </p>
        ) : (
          <p>没有记录原文来源。</p>
        )}
        <SourceFocus hasText={false} url={url} />
      </div>
    );
  }
  return (
    <div className={styles.sourceScroll} data-source-scroll data-source="text">
      <p className={styles.sourceNote}>
        {fileName ? `${fileName} · ` : ''}规范化文本，共 {lines.length} 行。标出的行有被提取的数字。
      </p>
      <div className={styles.sourceLines}>
        {lines.map((line, i) => {
          const n = i + 1;
          return (
            <div key={n} id={`L${n}`} className={figureLines.has(n) ? `${styles.line} ${styles.figureLine}` : styles.line}>
              <a href={`#L${n}`} className={styles.lineNo} aria-label={`第 ${n} 行`}>
                {n}
              </a>
              <span className={styles.lineText}>{line || '\u00a0'}</span>
            </div>
          );
        })}
      </div>
      <SourceFocus hasText url={url} />
    </div>
  );
}
