import { getDatabase } from '../../../../db/server';
import { stagedUploadsOf } from '../../../../db/uploads';
import { uploadMaxBytes } from '../../../../lib/upload/limits';
import { requireAccount } from '../../_lib/session';
import Uploader from '../../../../components/admin/Uploader';
import styles from '../../../../components/admin/admin.module.css';

export default async function UploadPage() {
  const account = await requireAccount('/admin/upload');
  const { db } = await getDatabase();
  const staged = await stagedUploadsOf(db, account.id);
  return (
    <>
      <h1>上传年度报告</h1>
      <p className={styles.muted}>
        文件先在服务器上解析，列出识别到的地区、年度和核对结果；核对无误后再发布。发布后，报告出现在数据看板和公开页面上。
        {account.regionName && ` 您只能发布${account.regionName}及其下级的报告。`}
      </p>
      <Uploader initial={staged} maxMb={Math.floor(uploadMaxBytes() / 1024 / 1024)} />
    </>
  );
}
