'use client';
// The preview's 地区, 年度 and 范围, filled with what the parser found and editable, and the
// button that publishes. A field left as found is not recorded as set by hand.
import { useActionState } from 'react';
import { publishUpload, type PublishState } from '../../app/(admin)/admin/uploads/[id]/actions';
import { ASSIGNABLE_SCOPES } from '../../lib/upload/assign';
import { SCOPE_LABELS } from '../../lib/region/scope';
import type { Scope } from '../../lib/report/contract';
import styles from './admin.module.css';

export interface FoundIdentity {
  region: string | null;
  city: string | null;
  year: number | null;
  scope: Scope;
  issuer: string | null;
}

export default function AssignForm({ id, found, missing, limitedTo }: { id: number; found: FoundIdentity; missing: string[]; limitedTo: string | null }) {
  const [state, action, pending] = useActionState<PublishState, FormData>(publishUpload, { error: null });
  return (
    <form action={action} className={styles.assign}>
      <input type="hidden" name="id" value={id} />
      {missing.length > 0 && (
        <p className={styles.warn} role="note">
          报告未载明{missing.join('和')}（转载页面常缺标题）。请填写后发布，填写的内容会标注为“人工指定”。
        </p>
      )}
      <div className={styles.fields}>
        <label>
          地区
          <input name="region" defaultValue={found.region ?? ''} placeholder="如 会同县 或 431225" maxLength={50} />
        </label>
        <label>
          年度
          <input name="year" defaultValue={found.year ?? ''} inputMode="numeric" placeholder="如 2023" maxLength={4} />
        </label>
        <label>
          统计范围
          <select name="scope" defaultValue={found.scope === 'unknown' ? '' : found.scope}>
            <option value="">{found.scope === 'unknown' ? '未注明' : '—'}</option>
            {ASSIGNABLE_SCOPES.map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {found.issuer && <p className={styles.muted}>发布机关：{found.issuer}</p>}
      {limitedTo && <p className={styles.muted}>您只能发布{limitedTo}及其下级的报告。</p>}
      {state.error && (
        <p className={styles.error} role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? '发布中…' : '确认并发布'}
      </button>
    </form>
  );
}
