// The latest year's headline figures, each with its change from the year before and its report.
import { formatNumber, formatPercent, NOT_STATED } from '../../lib/format/number';
import type { KeyFigure } from '../../lib/public/key-figures';
import type { ReportSource } from '../../lib/public/sources';
import SourceLink from './SourceLink';
import TermLink from './TermLink';
import styles from './public.module.css';

const formatted = (f: KeyFigure, value: number) => (f.kind === 'ratio' ? formatPercent(value / 100, 1) : `${formatNumber(value)}${f.unit}`);

function valueText(f: KeyFigure): string {
  return f.value === null ? NOT_STATED : formatted(f, f.value);
}

function changeText(f: KeyFigure): string | null {
  if (f.change === null || f.previousYear === null) return null;
  // as shown: a ratio to a tenth of a point, a count whole
  const shown = f.kind === 'ratio' ? Math.round(f.change * 10) / 10 : f.change;
  if (shown === 0) return `与${f.previousYear}年持平`;
  const up = shown > 0;
  if (f.kind === 'ratio') return `比${f.previousYear}年${up ? '提高' : '降低'}${Math.abs(shown)}个百分点`;
  const pct = f.changePct !== null ? `（${up ? '+' : '−'}${formatPercent(Math.abs(f.changePct) / 100, 1)}）` : '';
  return `比${f.previousYear}年${up ? '增加' : '减少'}${formatNumber(Math.abs(f.change))}${f.unit}${pct}`;
}

/** the reports the cards quote: the year's own, and each earlier one a card falls back on */
function quoted(figures: KeyFigure[], sources: ReportSource[]): ReportSource[] {
  const years = new Set(figures.flatMap((f) => [f.year, ...(f.lastStated ? [f.lastStated.year] : [])]));
  return sources.filter((s) => years.has(s.year)).sort((a, b) => b.year - a.year);
}

export default function KeyFigures({ figures, sources }: { figures: KeyFigure[]; sources: ReportSource[] }) {
  const used = quoted(figures, sources);
  return (
    <section aria-labelledby="key-figures" className={styles.keySection}>
      <h2 id="key-figures">{figures[0]?.year}年主要数字</h2>
      <ul className={styles.keyList}>
        {figures.map((f) => {
          const change = changeText(f);
          return (
            <li key={f.metric} className={styles.keyCard}>
              <span className={styles.keyLabel}>
                <TermLink label={f.term}>{f.label}</TermLink>
              </span>
              <span className={f.value === null ? styles.keyMissing : styles.keyValue}>{valueText(f)}</span>
              {change && <span className={styles.keyChange}>{change}</span>}
              {f.lastStated && (
                <span className={styles.keyChange}>
                  {f.year}年报告没有写明；{f.lastStated.year}年为 {formatted(f, f.lastStated.value)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {used.length > 0 && (
        <p className={styles.source}>
          来源：
          {used.map((s, i) => (
            <span key={s.reportId}>
              {i > 0 && '；'}
              <SourceLink source={s} />
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
