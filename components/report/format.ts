// Figures as the report prints them: every digit kept (no 万 rounding in a table of printed
// figures), a sign where the column carries one, percentages with their sign.

const exactFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function exact(value: number): string {
  return exactFormat.format(value).replace(/^-/u, '−');
}

export function exactSigned(value: number): string {
  return value > 0 ? `+${exact(value)}` : exact(value);
}

/** A percentage stated as a number (99.92 means 99.92%). */
export const statedPercent = (value: number) => `${exactFormat.format(value)}%`;
