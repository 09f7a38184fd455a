// The query parameter of a search, checked before any search: present, not blank, not longer
// than MAX_QUERY_LENGTH characters.
import { MAX_QUERY_LENGTH } from './limits';

export type QueryCheck = { ok: true; q: string } | { ok: false; error: string };

export function checkQuery(raw: string | null | undefined): QueryCheck {
  if (raw === null || raw === undefined) return { ok: false, error: '缺少查询参数 q（地区名称、拼音或区划代码）' };
  const q = raw.trim();
  if (!q) return { ok: false, error: '查询内容为空：请输入地区名称、拼音或区划代码' };
  if ([...q].length > MAX_QUERY_LENGTH) return { ok: false, error: `查询内容过长：最多 ${MAX_QUERY_LENGTH} 个字符` };
  return { ok: true, q };
}
