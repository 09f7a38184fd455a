// A value as the overview prints it, by kind (ratios are fractions).
import { formatNumber, formatPercent } from '../../lib/format/number';
import type { ValueKind } from '../../lib/dashboard/kpi';

export const formatValue = (value: number | null, kind: ValueKind): string => (kind === 'ratio' ? formatPercent(value) : formatNumber(value));
