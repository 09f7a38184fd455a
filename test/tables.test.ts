import { describe, expect, it } from 'vitest';
import { tokenizeLines } from '../lib/parse/cells';
import { locateTables } from '../lib/parse/sections';
import { parseAppeals } from '../lib/parse/tables/appeals';
import { parseApplications } from '../lib/parse/tables/applications';
import { parseProactive } from '../lib/parse/tables/proactive';
import { renderText, type TextLayout } from '../lib/render/report';
import { normaliseText } from '../lib/text/normalise';
import { sampleV2019, sampleV2021 } from './support/samples';

function parseTables(text: string) {
  const { lines } = normaliseText(text);
  const regions = locateTables(lines);
  const tokens = (r?: readonly [number, number]) => (r ? tokenizeLines(lines, r[0], r[1]) : []);
  return {
    proactive: regions.proactive ? parseProactive(tokens(regions.proactive)) : null,
    applications: regions.applications ? parseApplications(tokens(regions.applications)) : null,
    appeals: regions.appeals ? parseAppeals(tokens(regions.appeals)) : null,
  };
}

const LAYOUTS: TextLayout[] = ['cellPerLine', 'cellBar', 'pipe', 'spaced'];

describe.each(LAYOUTS)('text layout %s', (layout) => {
  it.each([
    ['2019', sampleV2019()],
    ['2021', sampleV2021()],
  ])('reads every figure of a %s-format report back', (version, report) => {
    const parsed = parseTables(renderText(report, layout));
    expect(parsed.proactive?.version).toBe(version);
    expect(parsed.proactive?.table).toEqual(report.proactive);
    expect(parsed.applications?.table).toEqual(report.applications);
    expect(parsed.applications?.otherShape).toBe(version === '2019' ? 'otherSingle' : 'otherSplit');
    expect(parsed.appeals?.table).toEqual(report.appeals);
  });
});

describe('table 二', () => {
  it('keeps signs of 本年增/减 and reads 万元 in the cell', () => {
    const t = parseTables(renderText(sampleV2019(), 'pipe')).proactive!;
    expect(t.table.otherServices).toEqual({ priorItems: 400, itemChange: -25, decisions: 50001 });
    expect(t.table.procurement?.amountWan).toBe(12345.67);
  });

  it('converts 元 to 万元 with a warning, and leaves out money with no unit', () => {
    const text = ['二、主动公开政府信息情况', '第二十条第(九)项', '信息内容 | 采购项目数量 | 采购总金额', '政府集中采购 | 6 | 251000元'].join('\n');
    const t = parseTables(text).proactive!;
    expect(t.table.procurement).toEqual({ projects: 6, amountWan: 25.1 });
    expect(t.warnings.map((w) => w.code)).toEqual(['unit-converted']);
    const bare = parseTables(text.replace('251000元', '15000000')).proactive!;
    expect(bare.table.procurement).toEqual({ projects: 6 });
    expect(bare.warnings).toMatchObject([{ code: 'unit-missing', line: 4 }]);
  });

  it('tells the version from a header that lost its words by the row labels', () => {
    const text = ['第二十条第(一)项', '信息内容 | 本年新 | 本年新 | 对外公开总数量', '规章 | 0 | 0 | 0'].join('\n');
    expect(parseTables(text).proactive?.version).toBe('2019');
    const v2021 = ['第二十条第(五)项', '信息内容 | 本年处理决定数量', '行政许可 | 550 | ||'].join('\n');
    const t = parseTables(v2021).proactive!;
    expect(t.version).toBe('2021');
    expect(t.table.licensing).toEqual({ decisions: 550 });
    expect(t.warnings).toEqual([]);
  });

  it('reads dashes as 0 and blanks as null, with warnings that name the row', () => {
    const text = ['第二十条第(一)项', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数', '规章 | / | / | /', '行政规范性文件 |  | 2 | ?'].join('\n');
    const t = parseTables(text).proactive!;
    expect(t.table.regulations).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(t.table.normativeDocuments).toEqual({ issued: null, repealed: 2, inForce: null });
    expect(t.warnings.map((w) => [w.code, w.line])).toEqual([
      ['cell-dash', 3],
      ['cell-blank', 4],
      ['cell-damaged', 4],
    ]);
  });
});

describe('table 三', () => {
  it('accepts the single-row (六) in a 2021 table and a truncated （六）其他', () => {
    const report = sampleV2019();
    const text = renderText(report, 'spaced').replace('(六)其他处理', '(六)其他');
    expect(parseTables(text).applications?.table.other).toEqual(report.applications!.other);
  });

  it('matches label variants: typos, 1、 numbering, spaces', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '(三)不予公开 1、属于国家秘密 1 0 0 0 0 0 1',
      '2.其他法律行政止公开 2 0 0 0 0 0 2',
      '3. 危及“三安全一稳定” 3 0 0 0 0 0 3',
    ].join('\n');
    const t = parseTables(text).applications!.table;
    expect(t['denied.stateSecret']?.[0]).toBe(1);
    expect(t['denied.prohibitedByLaw']?.[0]).toBe(2);
    expect(t['denied.securityStability']?.[0]).toBe(3);
  });

  it('warns about a short row and keeps what was printed', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量 5 0 0'].join('\n');
    const t = parseTables(text).applications!;
    expect(t.table.newReceived).toEqual([5, 0, 0, null, null, null, null]);
    expect(t.warnings.map((w) => w.code)).toEqual(['row-short']);
  });

  it('finds nothing in an excerpt that stops at the header', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '法人或其他组织'].join('\n');
    expect(parseTables(text).applications).toBeNull();
  });
});

describe('table 四', () => {
  it('reads 15 numbers under the header and ignores the prose after it', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 | 行政诉讼',
      '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉',
      '10 1 0 0 0 0 0 0 0 0 5 0 0 0 0',
      '本年度共办理行政复议案件 11 件。',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const t = parseTables(text).appeals!;
    expect(t.table).toEqual({ review: [10, 1, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [5, 0, 0, 0, 0] });
    expect(t.sources['appeals.review[0]']).toBe(4);
  });
});

describe('runaway input', () => {
  it('cuts a line of a million characters and says so, instead of scanning it', async () => {
    const { parseReportText } = await import('../lib/parse/report');
    const report = parseReportText(`示例县2020年政府信息公开工作年度报告${'共计发布信息1226条，'.repeat(100_000)}\n二、主动公开政府信息情况`);
    expect(report.warnings.find((w) => w.code === 'line-truncated')).toMatchObject({ line: 1 });
    expect(report.year).toBe(2020);
  });
});
