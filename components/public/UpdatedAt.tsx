// "数据更新于 2026年11月29日": when the newest report of the page was stored (Beijing time).
const DATE = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' });

export default function UpdatedAt({ iso }: { iso: string | null }) {
  if (!iso) return null;
  return (
    <span>
      数据更新于 <time dateTime={iso}>{DATE.format(new Date(iso))}</time>。
    </span>
  );
}
