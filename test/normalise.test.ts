import { describe, expect, it } from 'vitest';
import { normaliseLine, normaliseText, stripPinyinGlosses } from '../lib/text/normalise';

const norm = (s: string) => normaliseText(s).lines;

describe('normaliseText', () => {
  it('removes pinyin glosses and converts traditional to simplified', () => {
    expect(norm('會(huì)同縣2020年政府信息公開工作年度報(bào)告')).toEqual(['会同县2020年政府信息公开工作年度报告']);
  });

  it('removes toneless glosses too', () => {
    expect(norm('文(wen)章(zhang)來源')).toEqual(['文章来源']);
  });

  it('keeps real brackets: article items, outcome groups, URLs', () => {
    expect(norm('第二十條第(一)項(xiàng)')).toEqual(['第二十条第(一)项']);
    expect(norm('（六）其他處(chù)理')).toEqual(['(六)其他处理']);
    expect(norm('門戶網站(www.example.gov.cn)')).toEqual(['门户网站(www.example.gov.cn)']);
    expect(stripPinyinGlosses('12345熱線(APP)')).toBe('12345熱線(APP)');
  });

  it('finishes a partial conversion (規范性文件)', () => {
    expect(norm('規范性文件')).toEqual(['规范性文件']);
  });

  it('applies NFKC: full-width digits and punctuation', () => {
    expect(norm('共計１２２６條，辦結率９９．９２％')).toEqual(['共计1226条,办结率99.92%']);
  });

  it('removes stray spaces inside labels but keeps the spaces between cells', () => {
    expect(norm('只计这一情 形，不 计其他情形')).toEqual(['只计这一情形,不计其他情形']);
    expect(norm('规章 0 0 0')).toEqual(['规章 0 0 0']);
    expect(norm('1. 属于国家秘密 0 0')).toEqual(['1.属于国家秘密 0 0']);
    expect(norm('采购总金额 26966.28 万元')).toEqual(['采购总金额 26966.28万元']);
  });

  it('blanks page footers but keeps the line count', () => {
    expect(norm('正文\n- 3 -\n— 12 —\n第 3 页 共 10 页\n续')).toEqual(['正文', '', '', '', '续']);
  });

  it('keeps line numbers: never merges or splits lines', () => {
    const raw = 'a\r\nb\rc\n\nd';
    expect(norm(raw)).toHaveLength(5);
  });

  it('drops a byte-order mark and zero-width characters', () => {
    expect(normaliseLine('\u200b规章')).toBe('规章');
    expect(norm('\ufeff标题')).toEqual(['标题']);
  });
});
