import { describe, expect, it } from 'vitest';
import { classifyCell, groupRows, tokenizeLines } from '../lib/parse/cells';

const value = (raw: string) => {
  const t = classifyCell(raw, 1);
  return t.kind === 'value' ? { value: t.value, status: t.status, unit: t.unit } : { text: t.text };
};

describe('classifyCell', () => {
  it('reads plain, signed, thousands-separated and decimal numbers', () => {
    expect(value('183')).toEqual({ value: 183, status: 'ok', unit: undefined });
    expect(value('+58')).toMatchObject({ value: 58, status: 'ok' });
    expect(value('-181')).toMatchObject({ value: -181, status: 'ok' });
    expect(value('3,119')).toMatchObject({ value: 3119 });
    expect(value('7730.28')).toMatchObject({ value: 7730.28 });
  });

  it('keeps units printed in the cell', () => {
    expect(value('26966.28万元')).toMatchObject({ value: 26966.28, unit: '万元' });
    expect(value('251000元')).toMatchObject({ value: 251000, unit: '元' });
  });

  it('reads dashes and 无 as 0, empty as blank, mirror damage as damaged', () => {
    for (const d of ['/', '—', '-', '——', '无']) expect(value(d)).toMatchObject({ value: 0, status: 'dash' });
    expect(value('')).toMatchObject({ value: null, status: 'blank' });
    expect(value('?')).toMatchObject({ value: null, status: 'damaged' });
    expect(value('\ufffd')).toMatchObject({ value: null, status: 'damaged' });
    expect(value('? 0')).toMatchObject({ value: 0, status: 'repaired' });
  });

  it('leaves labels as text', () => {
    expect(value('规章')).toEqual({ text: '规章' });
    expect(value('2021年')).toEqual({ text: '2021年' });
  });
});

describe('tokenizeLines and groupRows', () => {
  const rowsOf = (text: string) =>
    groupRows(tokenizeLines(text.split('\n'), 0, text.split('\n').length)).map((r) => ({ label: r.label, values: r.values.map((v) => v.value), line: r.labelLine }));

  it('one cell per line', () => {
    expect(rowsOf('规章\n\n0\n\n 0\n0 \n规范性文件\n15\n15\n126')).toEqual([
      { label: '规章', values: [0, 0, 0], line: 1 },
      { label: '规范性文件', values: [15, 15, 126], line: 7 },
    ]);
  });

  it('cells ending in " |"', () => {
    expect(rowsOf('规章 |\n0 |\n |\n2 |')).toEqual([{ label: '规章', values: [0, null, 2], line: 1 }]);
  });

  it('pipe rows: leading and trailing pipes, empty cells, merged trailing cells', () => {
    expect(rowsOf('| 规章 | 0 |  | 3 |')).toEqual([{ label: '规章', values: [0, null, 3], line: 1 }]);
    expect(rowsOf('行政许可 | 0 | ||')).toEqual([{ label: '行政许可', values: [0, null, null], line: 1 }]);
  });

  it('whitespace-separated rows, with list numbers kept in labels', () => {
    expect(rowsOf('1. 属于国家秘密 1 0 0 0 0 0 1')).toEqual([{ label: '1.属于国家秘密', values: [1, 0, 0, 0, 0, 0, 1], line: 1 }]);
  });

  it('labels wrapped over lines with the numbers on the last', () => {
    const rows = rowsOf('1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请\n67 3 0 0 1 0 71');
    expect(rows).toEqual([{ label: '1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', values: [67, 3, 0, 0, 1, 0, 71], line: 1 }]);
  });
});
