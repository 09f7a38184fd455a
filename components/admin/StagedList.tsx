import Link from 'next/link';
import type { UploadSummary } from '../../lib/upload/preview';
import { describeUpload } from '../../lib/upload/describe';
import styles from './admin.module.css';

/** Waiting uploads, each linked to its preview. */
export default function StagedList({ uploads }: { uploads: UploadSummary[] }) {
  return (
    <ul className={styles.staged}>
      {uploads.map((u) => (
        <li key={u.id}>
          <Link prefetch={false} href={`/admin/uploads/${u.id}`}>
            {u.name}
          </Link>{' '}
          <span className={u.error || u.missing.length ? styles.bad : styles.muted}>{describeUpload(u)}</span>
        </li>
      ))}
    </ul>
  );
}
