import Link from 'next/link';
import { notFound } from 'next/navigation';
import { regionInScope } from '../../../../../db/accounts';
import { filesOfRegion } from '../../../../../db/queries/admin';
import { lookupRegion } from '../../../../../db/queries/region';
import { getDatabase } from '../../../../../db/server';
import { stagedCount } from '../../../../../db/uploads';
import { decodeSegment, regionHref } from '../../../../../lib/region/href';
import { requireAccount } from '../../../_lib/session';
import FileRows from '../../../../../components/admin/FileRows';
import styles from '../../../../../components/admin/admin.module.css';

// A region's internal page: every stored file of it and of its bodies, every version, who
// uploaded each and what was set by hand. A region outside the account's own is not found.
export default async function AdminRegionPage({ params }: { params: Promise<{ region: string }> }) {
  const { region: segment } = await params;
  const account = await requireAccount(`/admin/regions/${segment}`);
  const { db } = await getDatabase();
  const found = await lookupRegion(db, decodeSegment(segment));
  if (found.kind !== 'found' || found.region.id === null) notFound();
  const region = found.region;
  if (!(await regionInScope(db, account, region.id))) notFound();
  const files = await filesOfRegion(db, region.id!);
  const waiting = await stagedCount(db, account.id);
  return (
    <>
      <h1>{region.name} · 已存储的文件</h1>
      <p className={styles.muted}>
        {[region.province, region.city].filter((n, i, all) => n && n !== region.name && all.indexOf(n) === i).join(' · ')}
        {region.code ? ` · 代码 ${region.code}` : ''} · <Link prefetch={false} href={regionHref(region)}>在数据看板中查看</Link>
        {(region.level === 'county' || region.level === 'city') && (
          <>
            {' '}
            · <Link prefetch={false} href={`/admin${regionHref(region)}/bodies`}>应报送单位名单</Link> ·{' '}
            <Link prefetch={false} href={`/admin${regionHref(region)}/missing`}>未报送情况</Link>
          </>
        )}
        {waiting > 0 && (
          <>
            {' '}
            · <Link prefetch={false} href="/admin">{waiting} 份上传待发布</Link>
          </>
        )}
      </p>
      {files.length ? <FileRows files={files} /> : <p className={styles.muted}>这个地区还没有存储的文件。</p>}
    </>
  );
}
