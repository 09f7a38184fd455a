// One line in Chinese about an upload's parse, for its row in the lists. Pure.
import { SCOPE_LABELS } from '../region/scope';
import type { UploadSummary } from './preview';

export function describeUpload(u: UploadSummary): string {
  if (u.error) return `无法解析：${u.error}`;
  const parts = [u.region ?? '未识别地区', u.year ? `${u.year}年` : '未识别年度', u.scope && u.scope !== 'unknown' ? SCOPE_LABELS[u.scope] : null, u.issuer && u.scope !== 'jurisdiction' ? u.issuer : null];
  const found = parts.filter(Boolean).join(' · ');
  const tables = u.tables ? `${u.tables} 张表` : '无统计表';
  const checks = u.failedChecks ? `${u.failedChecks} 项核对未通过` : u.tables ? '核对通过' : null;
  const missing = u.missing.length ? `请填写${u.missing.join('和')}` : null;
  return [found, tables, checks, missing].filter(Boolean).join('，');
}
