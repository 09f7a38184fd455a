// The compared regions ranked by a metric in one year. Only comparable figures are ranked (equal
// values share a rank: 1, 1, 3); the others follow, unranked, with their marks: marked figures
// largest first, then the regions without a figure, in the order they were named.

import { isComparable } from './comparability';
import type { CompareCell, CompareRegion, CompareTable } from './table';

export interface RankEntry {
  /** null: not ranked (see the cell's marks) */
  rank: number | null;
  region: CompareRegion;
  cell: CompareCell;
  /** the value as a share of the largest ranked value (0–1), for a bar; null when not ranked */
  share: number | null;
}

export interface YearRanking {
  year: number;
  ranked: RankEntry[];
  others: RankEntry[];
}

export function rankYear(table: CompareTable, year: number): YearRanking {
  const index = table.years.indexOf(year);
  const entries = index < 0 ? [] : table.rows.map((row, order) => ({ order, region: row.region, cell: row.cells[index] }));
  const comparable = entries.filter((e) => isComparable(e.cell)).sort((a, b) => b.cell.value! - a.cell.value! || a.order - b.order);
  const max = comparable.length ? Math.max(...comparable.map((e) => e.cell.value!)) : 0;
  const ranked: RankEntry[] = comparable.map((e, i) => {
    const rank = i > 0 && comparable[i - 1].cell.value === e.cell.value ? null : i + 1;
    return { region: e.region, cell: e.cell, rank, share: max > 0 ? e.cell.value! / max : 0 };
  });
  // a tie keeps the rank of the first of its equals
  for (let i = 1; i < ranked.length; i++) if (ranked[i].rank === null) ranked[i].rank = ranked[i - 1].rank;
  const others = entries
    .filter((e) => !isComparable(e.cell))
    .sort((a, b) => (b.cell.value ?? -Infinity) - (a.cell.value ?? -Infinity) || a.order - b.order)
    .map((e) => ({ region: e.region, cell: e.cell, rank: null, share: null }));
  return { year, ranked, others };
}
