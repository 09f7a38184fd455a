// The change of a figure against the year before: arrow, signed value and colour (blue up,
// orange down: told apart without red–green; the arrow and words carry it without colour).
//   <ChangeBadge change={12} changePct={0.07} direction="up" kind="count" />        ▲ +12（+7%）
//   <ChangeBadge change={0.015} changePct={null} direction="up" kind="ratio" />     ▲ +1.5个百分点
//   <ChangeBadge change={null} … />                                                 上年暂无数据
// Props are those of YearChange (lib/dashboard/kpi.ts) plus the value kind; `unit` is appended
// to counts.

import { formatPercent, formatPoints, formatSigned } from '../../lib/format/number';
import type { Direction, ValueKind } from '../../lib/dashboard/kpi';

export interface ChangeBadgeProps {
  change: number | null;
  /** relative change as a fraction (counts only) */
  changePct: number | null;
  direction: Direction | null;
  kind: ValueKind;
  unit?: string;
  /** shown when there is nothing to compare with (default 上年暂无数据) */
  missing?: string;
}

const ARROW: Record<Direction, string> = { up: '▲', down: '▼', flat: '—' };
const WORD: Record<Direction, string> = { up: '增加', down: '减少', flat: '持平' };

export function changeText({ change, changePct, direction, kind, unit = '' }: ChangeBadgeProps): string | null {
  if (change === null || direction === null) return null;
  if (direction === 'flat') return '持平';
  if (kind === 'ratio') return formatPoints(change);
  const pct = changePct === null ? '' : `（${changePct > 0 ? '+' : '−'}${formatPercent(Math.abs(changePct), 1)}）`;
  return `${formatSigned(change)}${unit ? ` ${unit}` : ''}${pct}`;
}

export default function ChangeBadge(props: ChangeBadgeProps) {
  const text = changeText(props);
  if (text === null || props.direction === null) return <span className="change change-none">{props.missing ?? '上年暂无数据'}</span>;
  return (
    <span className={`change change-${props.direction}`}>
      <span aria-hidden="true">{ARROW[props.direction]} </span>
      <span className="sr-only">较上年{WORD[props.direction]} </span>
      {text}
    </span>
  );
}
