// Find a region by name, pinyin or code: a plain GET form, no JavaScript needed.
import { MAX_QUERY_LENGTH } from '../../lib/search/limits';
import styles from './public.module.css';

export default function SearchForm({ q = '' }: { q?: string }) {
  return (
    <form action="/public/find" method="get" role="search" className={styles.search}>
      <label htmlFor="public-q">查找地区（名称、拼音或六位区划代码）</label>
      <input id="public-q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} placeholder="如 会同县、huitong、431225" autoComplete="off" />
      <button type="submit">查找</button>
    </form>
  );
}
