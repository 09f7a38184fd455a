'use client';
// The forms of a report's staff page, each with its own result line.
import { useActionState } from 'react';
import { correctFigure, reparseReport, undoFigureCorrection, type ActionState } from '../../app/(admin)/admin/reports/[id]/actions';
import styles from './admin.module.css';

const INITIAL: ActionState = { error: null, done: null };

function Result({ state }: { state: ActionState }) {
  if (state.error)
    return (
      <p className={styles.error} role="alert">
        {state.error}
      </p>
    );
  if (state.done)
    return (
      <p className={styles.done} role="status">
        {state.done}
      </p>
    );
  return null;
}

export interface CorrectableFigure {
  path: string;
  label: string;
  value: number | null;
  corrected: boolean;
}

export function CorrectionForm({ reportId, figures }: { reportId: number; figures: CorrectableFigure[] }) {
  const [state, action, pending] = useActionState(correctFigure, INITIAL);
  return (
    <form action={action} className={styles.assign}>
      <input type="hidden" name="report" value={reportId} />
      <div className={styles.fields}>
        <label>
          数字
          <select name="path" required defaultValue="">
            <option value="" disabled>
              选择要更正的数字
            </option>
            {figures.map((f) => (
              <option key={f.path} value={f.path}>
                {f.label}：{f.value ?? '空'}
                {f.corrected ? '（已更正）' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          更正为
          <input name="value" inputMode="decimal" placeholder="数字，或“空”" maxLength={20} />
        </label>
      </div>
      <label className={styles.wide}>
        原因（必填，公开显示）
        <textarea name="reason" required maxLength={500} rows={2} placeholder="如：表四行政复议总计印为 0，按分项之和应为 11" />
      </label>
      <Result state={state} />
      <button type="submit" disabled={pending}>
        {pending ? '保存中…' : '保存更正'}
      </button>
    </form>
  );
}

export function UndoForm({ correctionId, label }: { correctionId: number; label: string }) {
  const [state, action, pending] = useActionState(undoFigureCorrection, INITIAL);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="correction" value={correctionId} />
      <button type="submit" className={styles.secondary} disabled={pending}>
        撤销对{label}的更正
      </button>
      <Result state={state} />
    </form>
  );
}

export function ReparseForm({ reportId }: { reportId: number }) {
  const [state, action, pending] = useActionState(reparseReport, INITIAL);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="report" value={reportId} />
      <button type="submit" disabled={pending}>
        {pending ? '解析中…' : '重新解析'}
      </button>
      <Result state={state} />
    </form>
  );
}
