import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isListable, listExpectedBodies } from '../../../../../../db/expected-bodies';
import { defaultReportYear } from '../../../../../../lib/expected/deadlines';
import { KIND_LABELS } from '../../../../../../lib/expected/names';
import { regionHref } from '../../../../../../lib/region/href';
import { requireRegionPage } from '../../../../_lib/region-page';
import { AddBodyForm, EditBodyForm, ImportBodiesForm } from '../../../../../../components/admin/expected/BodyForms';
import styles from '../../../../../../components/admin/admin.module.css';
import own from '../../../../../../components/admin/expected/expected.module.css';
import { removeBody } from './actions';

const dateTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

const EXAMPLE = '名称,类型\n会同县财政局,部门\n会同县教育局,部门\n林城镇,乡镇\n"团河镇人民政府",乡镇';

// The departments and townships of a county (or city) that must publish an annual report:
// listed, added, changed and removed here, or imported from a CSV. A region outside the
// account's own is not found, and so is one whose bodies are not listed (a province, a body).
export default async function ExpectedBodiesPage({ params }: { params: Promise<{ region: string }> }) {
  const { region: segment } = await params;
  const { db, region } = await requireRegionPage(segment, `/admin/regions/${segment}/bodies`);
  const regionId = region.id;
  if (!isListable(region.level)) notFound();
  const bodies = await listExpectedBodies(db, regionId);
  const base = `/admin${regionHref(region)}`;
  const year = defaultReportYear(new Date());
  const departments = bodies.filter((b) => b.kind === 'department').length;
  return (
    <>
      <h1>{region.name} · 应报送年度报告的单位</h1>
      <p className={styles.muted}>
        {`按《政府信息公开条例》第五十条，部门应在每年 1 月 31 日前、乡镇（街道）和县级以上人民政府应在 3 月 31 日前公布上一年度的年度报告。这份名单列出${region.name}的部门和乡镇（街道），用来核对哪些单位还没有报送。`}
      </p>
      <p>
        <Link prefetch={false} href={`${base}/missing?year=${year}`} className={styles.primaryLink}>
          查看 {year} 年度未报送的单位
        </Link>{' '}
        · <Link prefetch={false} href={base}>{region.name}已存储的文件</Link>
      </p>

      <section aria-labelledby="list">
        <h2 id="list">
          名单（{bodies.length} 个：部门 {departments} 个，乡镇（街道） {bodies.length - departments} 个）
        </h2>
        {bodies.length ? (
          <table className={styles.table} data-expected-bodies>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">类型</th>
                <th scope="col">添加</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((b) => (
                <tr key={b.id} data-body={b.name}>
                  <td>{b.name}</td>
                  <td>{KIND_LABELS[b.kind]}</td>
                  <td className={styles.muted}>
                    {b.createdBy ?? '—'} · {dateTime(b.createdAt)}
                  </td>
                  <td>
                    <div className={own.actions}>
                      <details>
                        <summary>修改</summary>
                        <EditBodyForm regionId={regionId} id={b.id} name={b.name} kind={b.kind} />
                      </details>
                      <form action={removeBody}>
                        <input type="hidden" name="region" value={regionId} />
                        <input type="hidden" name="id" value={b.id} />
                        <button type="submit" className={styles.secondary} aria-label={`删除 ${b.name}`}>
                          删除
                        </button>
                      </form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className={styles.muted}>名单还是空的：可以在下面逐个添加，或从 CSV 文件导入。</p>
        )}
      </section>

      <section aria-labelledby="add">
        <h2 id="add">添加单位</h2>
        <AddBodyForm regionId={regionId} />
      </section>

      <section aria-labelledby="import">
        <h2 id="import">从 CSV 文件导入</h2>
        <p className={styles.muted}>
          {`两列：名称、类型（部门，或乡镇、街道）；第一行可以是表头；UTF-8 或 GBK 编码（Excel“另存为 CSV”即可）。类型留空时按名称判断。名称可以带也可以不带“${region.name}”，同一单位写了两次只算一个。有一行读不懂时整份文件都不导入，并列出每个有问题的行号。`}
        </p>
        <pre className={own.example}>{EXAMPLE}</pre>
        <ImportBodiesForm regionId={regionId} />
      </section>
    </>
  );
}
