import Link from 'next/link';
import type { StoredFile } from '../../db/queries/admin';
import { formatBytes } from '../../lib/upload/limits';
import { SCOPE_LABELS } from '../../lib/region/scope';
import { reportHref } from '../../lib/region/href';
import type { Scope } from '../../lib/report/contract';
import styles from './admin.module.css';

const STATUS: Record<StoredFile['status'], string> = { parsed: '已解析', checks_failed: '核对未通过', failed: '无法解析' };

const dateTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

/** Stored files as a table: report, version, status, uploader. */
export default function FileRows({ files, showRegion = false }: { files: StoredFile[]; showRegion?: boolean }) {
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">文件</th>
          {showRegion && <th scope="col">地区</th>}
          <th scope="col">年度</th>
          <th scope="col">范围</th>
          <th scope="col">版本</th>
          <th scope="col">状态</th>
          <th scope="col">上传</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.fileId}>
            <td>
              {f.reportId ? (
                <Link prefetch={false} href={reportHref(f.reportId)}>
                  {f.name}
                </Link>
              ) : (
                f.name
              )}
              <span className={styles.muted}> · {formatBytes(f.size)}</span>
              {f.assigned && <span className={styles.tag}>地区/年度由人工指定</span>}
              {f.reportId && f.role === 'original' && (
                <>
                  {' '}
                  <Link prefetch={false} href={`/admin/reports/${f.reportId}`} className={styles.small}>
                    更正数字
                  </Link>
                </>
              )}
            </td>
            {showRegion && <td>{f.regionName ?? '—'}</td>}
            <td>{f.year ?? '—'}</td>
            <td>{f.scope ? SCOPE_LABELS[f.scope as Scope] : '—'}</td>
            <td>
              {f.version ? `第 ${f.version} 版${f.isCurrent ? '（当前）' : ''}` : '—'}
              {f.role === 'copy' && '（副本）'}
            </td>
            <td className={f.status === 'parsed' ? undefined : styles.bad}>
              {STATUS[f.status]}
              {f.failedHard > 0 && `：${f.failedHard} 项`}
            </td>
            <td>
              {f.uploadedBy ?? '命令行或内置数据'}
              <span className={styles.muted}> · {dateTime(f.ingestedAt)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
