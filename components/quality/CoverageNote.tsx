// How many regions the coverage is out of, and (nationwide) how many have no report at all and
// so are counted, not listed.
import { formatNumber } from '../../lib/format/number';

export default function CoverageNote({ selection, expected, unreported }: { selection: string; expected: number; unreported: number }) {
  return (
    <p className="section-note">
      {selection}共 {formatNumber(expected)} 个（区划名录中的地区，加上名录之外已有报告的地区），每年都应有一份报告。
      {unreported > 0 && `其中 ${formatNumber(unreported)} 个在所选年份没有任何报告，不在下表逐一列出，只计入“缺失”；选择一个省或市即可逐一列出。`}
    </p>
  );
}
