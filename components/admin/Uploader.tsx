'use client';
// Several files at once: each is sent on its own (two at a time) to /api/admin/uploads, parsed
// on the server and listed with what was found. Nothing is stored until 发布所选, which
// publishes the checked ones one by one; a file whose region or year is missing is published
// from its preview, where they can be filled in.
import { useRef, useState } from 'react';
import type { UploadSummary } from '../../lib/upload/preview';
import { describeUpload } from '../../lib/upload/describe';
import { PUBLISH_RESULT_LABELS, type PublishResultKind } from '../../lib/upload/publish-labels';
import styles from './admin.module.css';

type Row =
  | { key: string; name: string; state: 'waiting' | 'sending' }
  | { key: string; name: string; state: 'failed'; error: string }
  | { key: string; name: string; state: 'staged'; summary: UploadSummary; checked: boolean }
  | { key: string; name: string; state: 'publishing'; summary: UploadSummary }
  | { key: string; name: string; state: 'published'; summary: UploadSummary; kind: PublishResultKind; reportId: number | null }
  | { key: string; name: string; state: 'refused'; summary: UploadSummary; error: string };

const ACCEPT = '.txt,.htm,.html,.shtml,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PARALLEL = 2;

const publishable = (s: UploadSummary) => !s.error && s.missing.length === 0;

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // not JSON: a proxy's page, say
  }
  return res.status === 413 ? '文件过大' : `服务器返回 ${res.status}`;
}

export default function Uploader({ initial, maxMb }: { initial: UploadSummary[]; maxMb: number }) {
  const [rows, setRows] = useState<Row[]>(() => initial.map((summary) => ({ key: `s${summary.id}`, name: summary.name, state: 'staged', summary, checked: publishable(summary) })));
  const [busy, setBusy] = useState(false);
  const counter = useRef(0);
  const update = (key: string, row: Row) => setRows((all) => all.map((r) => (r.key === key ? row : r)));

  async function send(file: File, key: string) {
    update(key, { key, name: file.name, state: 'sending' });
    try {
      const res = await fetch('/api/admin/uploads', {
        method: 'POST',
        body: file,
        headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      });
      if (!res.ok) return update(key, { key, name: file.name, state: 'failed', error: await errorOf(res) });
      const summary = (await res.json()) as UploadSummary;
      update(key, { key, name: summary.name, state: 'staged', summary, checked: publishable(summary) });
    } catch {
      update(key, { key, name: file.name, state: 'failed', error: '网络错误：文件没有送达服务器' });
    }
  }

  async function addFiles(list: FileList | null) {
    if (!list?.length) return;
    const files = [...list];
    const keys = files.map(() => `u${++counter.current}`);
    setRows((all) => [...files.map((f, i): Row => (f.size > maxMb * 1024 * 1024 ? { key: keys[i], name: f.name, state: 'failed', error: `文件超过 ${maxMb} MB 的上限` } : { key: keys[i], name: f.name, state: 'waiting' })), ...all]);
    setBusy(true);
    const queue = files.map((f, i) => [f, keys[i]] as const).filter(([f]) => f.size <= maxMb * 1024 * 1024);
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await send(next[0], next[1]);
      }),
    );
    setBusy(false);
  }

  async function publishChecked() {
    const chosen = rows.filter((r): r is Extract<Row, { state: 'staged' }> => r.state === 'staged' && r.checked);
    setBusy(true);
    for (const row of chosen) {
      update(row.key, { key: row.key, name: row.name, state: 'publishing', summary: row.summary });
      try {
        const res = await fetch(`/api/admin/uploads/${row.summary.id}/publish`, { method: 'POST' });
        if (!res.ok) {
          update(row.key, { key: row.key, name: row.name, state: 'refused', summary: row.summary, error: await errorOf(res) });
          continue;
        }
        const result = (await res.json()) as { kind: PublishResultKind; reportId?: number };
        update(row.key, { key: row.key, name: row.name, state: 'published', summary: row.summary, kind: result.kind, reportId: result.reportId ?? null });
      } catch {
        update(row.key, { key: row.key, name: row.name, state: 'refused', summary: row.summary, error: '网络错误：请刷新页面查看是否已发布' });
      }
    }
    setBusy(false);
  }

  const total = rows.length;
  const settled = rows.filter((r) => r.state !== 'waiting' && r.state !== 'sending' && r.state !== 'publishing').length;
  const checked = rows.filter((r) => r.state === 'staged' && r.checked).length;

  return (
    <div className={styles.uploader}>
      <label
        className={styles.drop}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void addFiles(e.dataTransfer.files);
        }}
      >
        <span>选择文件，或把文件拖到这里</span>
        <span className={styles.muted}>txt、html、pdf、docx，可一次选择多个，每个不超过 {maxMb} MB</span>
        <input type="file" multiple accept={ACCEPT} onChange={(e) => void addFiles(e.currentTarget.files).then(() => (e.target.value = ''))} />
      </label>

      {rows.length > 0 && (
        <div className={styles.progress} role="status" aria-live="polite">
          <progress max={total} value={settled} /> 已处理 {settled} / {total}
        </div>
      )}

      {rows.length > 0 && (
        <ul className={styles.rows} aria-label="上传的文件">
          {rows.map((r) => (
            <li key={r.key} data-state={r.state}>
              {r.state === 'staged' && (
                <input
                  type="checkbox"
                  aria-label={`发布 ${r.name}`}
                  checked={r.checked}
                  disabled={!publishable(r.summary) || busy}
                  onChange={(e) => update(r.key, { ...r, checked: e.currentTarget.checked })}
                />
              )}
              <strong>{r.name}</strong>
              <span className={styles.rowNote}>
                {r.state === 'waiting' && '等待上传'}
                {r.state === 'sending' && '上传并解析中…'}
                {r.state === 'failed' && <span className={styles.bad}>{r.error}</span>}
                {(r.state === 'staged' || r.state === 'publishing' || r.state === 'refused') && describeUpload(r.summary)}
                {r.state === 'publishing' && ' · 发布中…'}
                {r.state === 'refused' && <span className={styles.bad}> · 未发布：{r.error}</span>}
                {r.state === 'published' && (
                  <>
                    {PUBLISH_RESULT_LABELS[r.kind]}
                    {r.reportId !== null && (
                      <>
                        {' '}
                        · <a href={`/reports/${r.reportId}`}>查看报告</a>
                      </>
                    )}
                  </>
                )}
              </span>
              {(r.state === 'staged' || r.state === 'refused') && (
                <a className={styles.previewLink} href={`/admin/uploads/${r.summary.id}`}>
                  {r.summary.missing.length ? '填写并发布' : '预览'}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}

      {rows.some((r) => r.state === 'staged') && (
        <p>
          <button type="button" onClick={() => void publishChecked()} disabled={busy || checked === 0}>
            发布所选（{checked}）
          </button>{' '}
          <span className={styles.muted}>发布前可点“预览”核对表格数字；未识别地区或年度的文件需在预览中填写后发布。</span>
        </p>
      )}
    </div>
  );
}
