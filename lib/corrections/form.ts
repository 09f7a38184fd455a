// A corrected figure as typed: a number (commas and spaces allowed), or 空 / empty for a blank cell. Pure.

export function parseCorrectionValue(typed: string): number | null | { error: string } {
  const input = typed.normalize('NFKC').trim().replace(/[,\s]/gu, '');
  if (input === '' || input === '空') return null;
  if (!/^\d+(\.\d+)?$/u.test(input)) return { error: '更正后的数字应为不小于 0 的数，或填“空”' };
  return Number(input);
}
