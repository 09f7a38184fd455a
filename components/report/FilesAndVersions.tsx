// Where the figures come from: the report's original file and its copies (the same figures
// found in other files), and the other versions of the report (the same place, year and
// scope with different figures; the newest is current).
import type { ReportVersion, SourceFileInfo } from '../../db/queries/report';
import { reportHref } from '../../lib/region/href';
import styles from './report.module.css';

const FORMAT_LABELS: Record<SourceFileInfo['format'], string> = { text: '文本', html: '网页', pdf: 'PDF', docx: 'Word', unknown: '未知格式' };

const day = (iso: string) => iso.slice(0, 10);

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

export default function FilesAndVersions({ reportId, files, versions }: { reportId: number; files: SourceFileInfo[]; versions: ReportVersion[] }) {
  return (
    <div className={styles.provenance}>
      <h3>文件</h3>
      <ul className={styles.files} data-files={files.length}>
        {files.map((f) => (
          <li key={f.id}>
            <span className={styles.tagPlain}>{f.role === 'copy' ? '副本' : '原件'}</span> {f.name}
            <span className={styles.muted}>
              {' '}
              · {FORMAT_LABELS[f.format]} · {size(f.size)} · {f.hasText ? '存有原文' : f.bundled ? '随附数据，无原文' : '无原文'} · 收录于 {day(f.ingestedAt)}
            </span>
            {f.url && (
              <>
                {' '}
                <a href={f.url} rel="noreferrer" className={styles.breakUrl}>
                  来源
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      {files.filter((f) => f.role === 'copy').length === 0 && <p className={styles.muted}>没有收录这份报告的其他副本（内容相同的其他文件会作为副本列在这里）。</p>}
      <h3>版本</h3>
      {versions.length <= 1 ? (
        <p className={styles.muted}>只有这一个版本。同一地区、年度和范围的报告如再次发布且数字不同，会作为新版本列在这里。</p>
      ) : (
        <ol className={styles.versions} data-versions={versions.length}>
          {versions.map((v) => (
            <li key={v.id}>
              {v.id === reportId ? <strong>第 {v.version} 版（本页）</strong> : <a href={reportHref(v.id)}>第 {v.version} 版</a>}
              {v.isCurrent && <span className={styles.tagCurrent}>当前版本</span>}
              <span className={styles.muted}> · 收录于 {day(v.createdAt)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
