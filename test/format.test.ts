// Chinese number formats: grouped digits, 万 and 亿, percentages, signed changes; a missing
// value is 暂无数据, never 0.
import { describe, expect, it } from 'vitest';
import { NO_DATA, formatAxis, formatNumber, formatPercent, formatPoints, formatSigned } from '../lib/format/number';
import { changeText } from '../components/ui/ChangeBadge';

describe('numbers', () => {
  it('groups digits below 10万 and switches to 万 and 亿 above', () => {
    expect(formatNumber(183)).toBe('183');
    expect(formatNumber(7352)).toBe('7,352');
    expect(formatNumber(99_999)).toBe('99,999');
    expect(formatNumber(123_456)).toBe('12.35万');
    expect(formatNumber(1_234_567)).toBe('123.5万');
    expect(formatNumber(250_000_000)).toBe('2.5亿');
    expect(formatNumber(-123_456)).toBe('-12.35万');
    expect(formatNumber(25.1)).toBe('25.1');
  });

  it('says 暂无数据 for missing values, and prints 0 as 0', () => {
    expect(formatNumber(null)).toBe(NO_DATA);
    expect(formatNumber(undefined)).toBe(NO_DATA);
    expect(formatNumber(Number.NaN)).toBe(NO_DATA);
    expect(formatNumber(0)).toBe('0');
    expect(formatPercent(null)).toBe(NO_DATA);
  });

  it('shortens axis labels from 1万', () => {
    expect(formatAxis(5000)).toBe('5,000');
    expect(formatAxis(20_000)).toBe('2万');
    expect(formatAxis(100_000_000)).toBe('1亿');
  });

  it('prints ratios as percentages with up to two decimals', () => {
    expect(formatPercent(7346 / 7352)).toBe('99.92%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.123456, 1)).toBe('12.3%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatPercent(1, 0)).toBe('100%');
  });

  it('signs changes with a true minus and percentage points', () => {
    expect(formatSigned(1728)).toBe('+1,728');
    expect(formatSigned(-3)).toBe('−3');
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(null)).toBe(NO_DATA);
    expect(formatPoints(0.015)).toBe('+1.5个百分点');
    expect(formatPoints(-0.0025)).toBe('-0.25个百分点');
  });
});

describe('change badges', () => {
  it('print counts with the relative change and ratios in points', () => {
    expect(changeText({ change: 1728, changePct: 1728 / 1226, direction: 'up', kind: 'count', unit: '条' })).toBe('+1,728 条（+140.9%）');
    expect(changeText({ change: -10, changePct: -0.1, direction: 'down', kind: 'count' })).toBe('−10（−10%）');
    expect(changeText({ change: 3, changePct: null, direction: 'up', kind: 'count' })).toBe('+3');
    expect(changeText({ change: 0.05, changePct: null, direction: 'up', kind: 'ratio' })).toBe('+5个百分点');
    expect(changeText({ change: 0, changePct: 0, direction: 'flat', kind: 'count' })).toBe('持平');
    expect(changeText({ change: null, changePct: null, direction: null, kind: 'count' })).toBeNull();
  });
});
