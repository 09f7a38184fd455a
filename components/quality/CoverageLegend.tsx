// What each mark of the coverage matrix means: symbol, word and colour together.
import { STATUS_ORDER, STATUS_VIEW } from '../../lib/quality/coverage-view';
import styles from './quality.module.css';

export default function CoverageLegend() {
  return (
    <ul className={styles.legend} aria-label="图例">
      {STATUS_ORDER.map((s) => (
        <li key={s}>
          <span className={`${styles.cell} ${styles[s]}`}>{STATUS_VIEW[s].label}</span>
          {STATUS_VIEW[s].hint}
        </li>
      ))}
    </ul>
  );
}
