import Link from 'next/link';
import { filesUploadedBy } from '../../../db/queries/admin';
import { getDatabase } from '../../../db/server';
import { stagedUploadsOf } from '../../../db/uploads';
import { requireAccount } from '../_lib/session';
import FileRows from '../../../components/admin/FileRows';
import StagedList from '../../../components/admin/StagedList';
import styles from '../../../components/admin/admin.module.css';

// The signed-in account's start page: what waits to be published, and what it published.
export default async function AdminHome() {
  const account = await requireAccount('/admin');
  const { db } = await getDatabase();
  const [staged, published] = await Promise.all([stagedUploadsOf(db, account.id), filesUploadedBy(db, account.id, 30)]);
  return (
    <>
      <h1>你好，{account.name}</h1>
      <p className={styles.muted}>
        管理范围：
        {account.regionName ? (
          <>
            <Link prefetch={false} href={`/admin/regions/${account.regionCode ?? `r${account.regionId}`}`}>
              {account.regionName}
            </Link>
            及其下级地区、部门和乡镇（街道）
          </>
        ) : (
          '全部地区'
        )}
      </p>
      <p>
        <Link prefetch={false} href="/admin/upload" className={styles.primaryLink}>
          上传年度报告
        </Link>
      </p>
      <section aria-labelledby="staged">
        <h2 id="staged">待发布（{staged.length}）</h2>
        {staged.length ? <StagedList uploads={staged} /> : <p className={styles.muted}>没有待发布的上传。</p>}
      </section>
      <section aria-labelledby="published">
        <h2 id="published">我发布的文件</h2>
        {published.length ? <FileRows files={published} showRegion /> : <p className={styles.muted}>还没有发布过文件。</p>}
      </section>
    </>
  );
}
