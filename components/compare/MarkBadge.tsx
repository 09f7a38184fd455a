// A mark on a figure (口径不同, 范围不同 …): its words and a style of its own (border style as well
// as colour); the legend explains it.
import { MARKS, type Mark } from '../../lib/compare/comparability';
import styles from './compare.module.css';

export default function MarkBadge({ mark }: { mark: Mark }) {
  return (
    <span className={`${styles.mark} ${styles[`mark_${mark}`]}`}>
      {MARKS[mark].label}
    </span>
  );
}

export function MarkBadges({ marks }: { marks: readonly Mark[] }) {
  return (
    <>
      {marks.map((m) => (
        <MarkBadge key={m} mark={m} />
      ))}
    </>
  );
}
