// A name several regions bear (鼓楼区): the reader picks one.
import styles from './public.module.css';

export default function RegionCandidates({ name, candidates }: { name: string; candidates: { name: string; place: string; href: string }[] }) {
  return (
    <>
      <h1>有 {candidates.length} 个地区叫“{name}”</h1>
      <ul className={styles.regionList}>
        {candidates.map((c) => (
          <li key={c.href}>
            <a href={c.href}>{c.name}</a> <span className={styles.muted}>{c.place}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
