'use client';
// The forms of a region's list of expected bodies: add one, change one, import a CSV, and add a
// body that reported without being listed. Each shows what its server action answered; the
// actions check everything again on the server.
import { useActionState, useState } from 'react';
import { addBody, importBodies, renameBody, type BodyFormState } from '../../../app/(admin)/admin/regions/[region]/bodies/actions';
import { MAX_CSV_BYTES, MAX_CSV_LABEL } from '../../../lib/expected/limits';
import { BODY_KINDS, KIND_LABELS, MAX_BODY_NAME_LENGTH, type BodyKind } from '../../../lib/expected/names';
import styles from '../admin.module.css';
import own from './expected.module.css';

const EMPTY: BodyFormState = { error: null, message: null, lines: [] };

function Outcome({ state }: { state: BodyFormState }) {
  if (state.error) {
    return (
      <div className={styles.error} role="alert">
        <p className={own.plain}>{state.error}</p>
        {state.lines.length > 0 && (
          <ul className={own.lines} data-csv-errors>
            {state.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (state.message) {
    return (
      <p className={own.done} role="status">
        {state.message}
      </p>
    );
  }
  return null;
}

function KindSelect({ defaultValue }: { defaultValue?: BodyKind | '' }) {
  return (
    <select name="kind" defaultValue={defaultValue ?? ''}>
      {defaultValue === undefined || defaultValue === '' ? <option value="">按名称判断</option> : null}
      {BODY_KINDS.map((k) => (
        <option key={k} value={k}>
          {KIND_LABELS[k]}
        </option>
      ))}
    </select>
  );
}

export function AddBodyForm({ regionId }: { regionId: number }) {
  const [state, action, pending] = useActionState(addBody, EMPTY);
  return (
    <form action={action} className={own.rowForm} data-add-body>
      <input type="hidden" name="region" value={regionId} />
      <div className={styles.fields}>
        <label>
          名称
          <input name="name" required maxLength={MAX_BODY_NAME_LENGTH} placeholder="如 会同县财政局 或 林城镇" />
        </label>
        <label>
          类型
          <KindSelect />
        </label>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? '添加中…' : '添加'}
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function EditBodyForm({ regionId, id, name, kind }: { regionId: number; id: number; name: string; kind: BodyKind }) {
  const [state, action, pending] = useActionState(renameBody, EMPTY);
  return (
    <form action={action} className={own.rowForm}>
      <input type="hidden" name="region" value={regionId} />
      <input type="hidden" name="id" value={id} />
      <div className={styles.fields}>
        <label>
          名称
          <input name="name" required maxLength={MAX_BODY_NAME_LENGTH} defaultValue={name} />
        </label>
        <label>
          类型
          <KindSelect defaultValue={kind} />
        </label>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? '保存中…' : '保存'}
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function ImportBodiesForm({ regionId }: { regionId: number }) {
  const [state, action, pending] = useActionState(importBodies, EMPTY);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  return (
    <form action={action} className={styles.form} data-import-bodies>
      <input type="hidden" name="region" value={regionId} />
      <label>
        CSV 文件（最大 {MAX_CSV_LABEL}）
        <input
          type="file"
          name="file"
          accept=".csv,.txt,text/csv,text/plain"
          required
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Next refuses a server action's body over 1 MiB before the action runs: say so here
            setTooLarge(file && file.size > MAX_CSV_BYTES ? `文件过大：CSV 最大 ${MAX_CSV_LABEL}` : null);
          }}
        />
      </label>
      <fieldset className={own.modes}>
        <legend>导入方式</legend>
        <label>
          <input type="radio" name="mode" value="merge" defaultChecked /> 合并：把文件中的单位加入名单，名单中已有的保留
        </label>
        <label>
          <input type="radio" name="mode" value="replace" /> 替换：名单改为与文件一致，文件中没有的单位移出名单
        </label>
      </fieldset>
      {tooLarge && (
        <p className={styles.error} role="alert">
          {tooLarge}
        </p>
      )}
      <button type="submit" disabled={pending || tooLarge !== null} className={own.start}>
        {pending ? '导入中…' : '导入'}
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** 加入名单: a body that reported but is not on the list. */
export function ListBodyButton({ regionId, name, kind }: { regionId: number; name: string; kind: BodyKind }) {
  const [state, action, pending] = useActionState(addBody, EMPTY);
  if (state.message) return <span className={own.done}>已加入名单</span>;
  return (
    <form action={action} className={own.inlineForm}>
      <input type="hidden" name="region" value={regionId} />
      <input type="hidden" name="name" value={name} />
      <input type="hidden" name="kind" value={kind} />
      <button type="submit" disabled={pending} className={own.small}>
        加入名单
      </button>
      {state.error && (
        <span className={styles.bad} role="alert">
          {state.error}
        </span>
      )}
    </form>
  );
}
