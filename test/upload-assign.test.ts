// What staff set in an upload's preview (region, year, scope), how it is applied to a report,
// how an upload is summed up in its list row, and where sign-in may send a user back to.
import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInErrorHref, isSignInError } from '../lib/auth/sign-in';
import type { Report } from '../lib/report/contract';
import { assignIdentity, parseAssignedYear, resolveAssignedRegion, type IdentityAssignment } from '../lib/upload/assign';
import { assignmentFromForm } from '../lib/upload/assign-form';
import { describeUpload } from '../lib/upload/describe';
import { missingIdentity, previewSummary } from '../lib/upload/preview';
import { publishedKind } from '../lib/upload/publish-labels';

const report = (over: Partial<Report> = {}): Report =>
  ({
    schema: 'nianbao.report/1',
    region: { name: null, city: null, province: null },
    issuer: null,
    scope: 'jurisdiction',
    year: 2020,
    template: '2019',
    tables: ['proactive', 'applications', 'appeals'],
    checks: [{ id: 'applications.total', ok: false, severity: 'hard' }],
    warnings: [{ code: 'cell-blank', message: '空白', line: 3 }],
    sources: {},
    ...over,
  }) as Report;

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

const NOW = new Date('2026-11-29T10:00:00Z');

describe('resolveAssignedRegion', () => {
  it('finds a county by name, short name or code, with its city and province', () => {
    const huitong = { code: '431225', name: '会同县', city: '怀化市', province: '湖南省' };
    expect(resolveAssignedRegion('会同县')).toEqual(huitong);
    expect(resolveAssignedRegion(' 会同 ')).toEqual(huitong);
    expect(resolveAssignedRegion('431225')).toEqual(huitong);
  });

  it('asks for the code when a name means several places, and says when none', () => {
    const gulou = resolveAssignedRegion('鼓楼区');
    expect('error' in gulou && gulou.error).toMatch(/^「鼓楼区」对应多个地区：.*（350102）.*请填写行政区划代码$/u);
    expect(resolveAssignedRegion('不存在县')).toEqual({ error: expect.stringContaining('找不到地区「不存在县」') });
    expect(resolveAssignedRegion('999999')).toEqual({ error: '没有行政区划代码为 999999 的地区' });
    expect(resolveAssignedRegion('  ')).toEqual({ error: '请填写地区名称或 6 位行政区划代码' });
  });
});

describe('parseAssignedYear', () => {
  it('takes a four-digit year from 2008 to this year', () => {
    expect(parseAssignedYear('2023', NOW)).toBe(2023);
    expect(parseAssignedYear('2026', NOW)).toBe(2026);
    expect(parseAssignedYear('2027', NOW)).toEqual({ error: '年度应在 2008 至 2026 之间' });
    expect(parseAssignedYear('2007', NOW)).toEqual({ error: '年度应在 2008 至 2026 之间' });
    expect(parseAssignedYear('23', NOW)).toEqual({ error: '年度应为四位数字，如 2023' });
  });
});

describe('assignIdentity', () => {
  const assignment: IdentityAssignment = { region: { code: '431225', name: '会同县', city: '怀化市', province: '湖南省' }, year: 2021, scope: 'government', by: 'alice', at: NOW.toISOString() };

  it('sets what was assigned and says so in a warning; the rest of the report is untouched', () => {
    const before = report();
    const after = assignIdentity(before, assignment);
    expect(after.region).toEqual({ name: '会同县', city: '怀化市', province: '湖南省' });
    expect(after.year).toBe(2021);
    expect(after.scope).toBe('government');
    expect(after.checks).toBe(before.checks);
    expect(after.warnings).toEqual([...before.warnings, { code: 'identity-assigned', message: '地区为会同县（431225），年度为2021年，范围为政府本级：由工作人员于 2026-11-29 上传时指定', line: null }]);
    expect(before.region.name).toBeNull();
  });

  it('applied twice gives one warning, and nothing assigned changes nothing', () => {
    const twice = assignIdentity(assignIdentity(report(), assignment), assignment);
    expect(twice.warnings.filter((w) => w.code === 'identity-assigned')).toHaveLength(1);
    const r = report();
    expect(assignIdentity(r, null)).toBe(r);
    expect(assignIdentity(r, { by: 'alice', at: NOW.toISOString() })).toBe(r);
  });
});

describe('assignmentFromForm', () => {
  const found = { region: { name: '会同县', city: '怀化市', province: '湖南省' }, year: 2020, scope: 'jurisdiction' as const };

  it('records only what differs from what the parser found', () => {
    expect(assignmentFromForm(form({ region: '会同县', year: '2020', scope: 'jurisdiction' }), found, 'alice', NOW)).toEqual({ assignment: undefined });
    expect(assignmentFromForm(form({ region: '会同县', year: '2021', scope: 'jurisdiction' }), found, 'alice', NOW)).toEqual({ assignment: { year: 2021, by: 'alice', at: NOW.toISOString() } });
    expect(assignmentFromForm(form({ region: '通道', year: '2020', scope: '' }), found, 'alice', NOW)).toEqual({
      assignment: { region: { code: '431230', name: '通道侗族自治县', city: '怀化市', province: '湖南省' }, by: 'alice', at: NOW.toISOString() },
    });
  });

  it('fills in a region the report does not give, and refuses what cannot be read', () => {
    const none = { region: { name: null, city: null, province: null }, year: null, scope: 'unknown' as const };
    const ok = assignmentFromForm(form({ region: '431225', year: '2020', scope: 'township' }), none, 'bob', NOW);
    expect('assignment' in ok && ok.assignment).toMatchObject({ region: { code: '431225' }, year: 2020, scope: 'township', by: 'bob' });
    expect(assignmentFromForm(form({ region: '火星县', year: '2020' }), none, 'bob', NOW)).toEqual({ error: expect.stringContaining('找不到地区') });
    expect(assignmentFromForm(form({ region: '431225', year: 'abcd' }), none, 'bob', NOW)).toEqual({ error: '年度应为四位数字，如 2023' });
    expect(assignmentFromForm(form({ region: '431225', scope: 'everything' }), none, 'bob', NOW)).toEqual({ error: '请选择统计范围' });
  });
});

describe('upload summaries', () => {
  it('say what was found, what failed and what must be filled in', () => {
    expect(missingIdentity(report())).toEqual(['地区']);
    expect(missingIdentity(report({ year: null, region: { name: null, city: '怀化市', province: null } }))).toEqual(['年度']);
    const parsed = { format: 'text' as const, text: '', report: report() };
    const summary = previewSummary({ id: 7, name: 'mirror.txt', size: 100, createdAt: NOW, parsed, error: null });
    expect(summary).toMatchObject({ id: 7, region: null, year: 2020, tables: 3, failedChecks: 1, warnings: 1, missing: ['地区'], error: null });
    expect(describeUpload(summary)).toBe('未识别地区 · 2020年 · 全域，3 张表，1 项核对未通过，请填写地区');
    const found = previewSummary({ id: 8, name: 'a.pdf', size: 1, createdAt: NOW, parsed: { ...parsed, report: report({ region: { name: '洪泽区', city: '淮安市', province: '江苏省' }, checks: [] }) }, error: null });
    expect(describeUpload(found)).toBe('江苏省淮安市洪泽区 · 2020年 · 全域，3 张表，核对通过');
    const failed = previewSummary({ id: 9, name: 'x.pdf', size: 1, createdAt: NOW, parsed: null, error: 'not a PDF' });
    expect(describeUpload(failed)).toBe('无法解析：not a PDF');
  });

  it('name a publishing result only when it is one', () => {
    expect(publishedKind('stored')).toBe('stored');
    expect(publishedKind('copy')).toBe('copy');
    expect(publishedKind('toString')).toBeNull();
    expect(publishedKind(['stored'])).toBeNull();
  });
});

describe('sign-in return paths and messages', () => {
  it('returns only to an admin path of this site', () => {
    expect(safeReturnPath('/admin/upload')).toBe('/admin/upload');
    expect(safeReturnPath('/admin/uploads/3?x=1')).toBe('/admin/uploads/3?x=1');
    expect(safeReturnPath('/admin')).toBe('/admin');
    for (const bad of ['//evil.example/admin', 'https://evil.example/admin', '/administrator', '/public', '/admin\\@evil', '/admin/ x', null, 3]) expect(safeReturnPath(bad), String(bad)).toBe('/admin');
  });

  it('sends errors back by code, never by text', () => {
    expect(signInErrorHref('rate', '/admin/upload', 61_000)).toBe('/admin/sign-in?error=rate&next=%2Fadmin%2Fupload&minutes=2');
    expect(signInErrorHref('invalid', '/admin')).toBe('/admin/sign-in?error=invalid');
    expect(isSignInError('invalid')).toBe(true);
    expect(isSignInError('constructor')).toBe(false);
  });
});
