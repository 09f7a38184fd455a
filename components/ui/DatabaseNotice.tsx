// What a page shows when the database cannot be opened (another process holds PGlite's lock,
// or DATABASE_URL is wrong) instead of an error page.
import { DatabaseInUseError } from '../../db/lock';

export function isDatabaseInUse(err: unknown): boolean {
  return err instanceof DatabaseInUseError || (err instanceof Error && err.name === 'DatabaseInUseError');
}

export default function DatabaseNotice({ error }: { error: unknown }) {
  const inUse = isDatabaseInUse(error);
  return (
    <section className="notice">
      <h2>{inUse ? '数据库正被另一个进程使用' : '无法打开数据库'}</h2>
      <p>{inUse ? '请先结束占用数据库的进程（例如正在运行的导入命令），再刷新本页。' : '请检查数据目录或 DATABASE_URL 设置。'}</p>
      <pre className="error">{error instanceof Error ? error.message : String(error)}</pre>
    </section>
  );
}
