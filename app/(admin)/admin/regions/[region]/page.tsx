import Link from 'next/link';
import { filesOfRegion } from '../../../../../db/queries/admin';
import { stagedCount } from '../../../../../db/uploads';
import { regionHref } from '../../../../../lib/region/href';
import { requireRegionPage } from '../../../_lib/region-page';
import FileRows from '../../../../../components/admin/FileRows';
import styles from '../../../../../components/admin/admin.module.css';

// A region's internal page: every stored file of it and of its bodies, every version, who
// uploaded each and what was set by hand. A region outside the account's own is not found.
export default async function AdminRegionPage({ params }: { params: Promise<{ region: string }> }) {
  const { region: segment } = await params;
  const { account, db, region } = await requireRegionPage(segment, `/admin/regions/${segment}`);
  const files = await filesOfRegion(db, region.id);
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
