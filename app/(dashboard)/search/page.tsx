// /search?q=: the regions whose name, alias, pinyin or code matches, best first, each linking
// to its page, with where it lies (namesakes such as 鼓楼区 told apart). The target of the
// header's search form; a plain page that works without JavaScript.
import Link from 'next/link';
import DatabaseNotice from '../../../components/ui/DatabaseNotice';
import { getDatabase } from '../../../db/server';
import { MAX_QUERY_LENGTH, PAGE_LIMIT } from '../../../lib/search/limits';
import { searchRegions } from '../../../lib/search/match';
import { presentHit, type RegionSuggestion } from '../../../lib/search/present';
import { checkQuery } from '../../../lib/search/request';
import { regionSearchIndex } from '../../../db/region-index';
import styles from './search.module.css';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function SearchForm({ q }: { q: string }) {
  return (
    <form action="/search" method="get" className={styles.form}>
      <label htmlFor="search-page-q">地区名称、拼音或区划代码</label>
      <div className={styles.field}>
        <input id="search-page-q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} placeholder="如 会同县、會同縣、huitong、htx、431225" autoComplete="off" />
        <button type="submit">搜索</button>
      </div>
    </form>
  );
}

function MatchedBy({ matched }: { matched: RegionSuggestion['matched'] }) {
  if (!matched) return null;
  return (
    <span className={styles.matched}>
      {matched.by === 'pinyin' ? '拼音' : '别名'} {matched.text}
    </span>
  );
}

function Results({ q, total, results }: { q: string; total: number; results: RegionSuggestion[] }) {
  if (results.length === 0) {
    return (
      <section className={styles.empty} aria-live="polite">
        <h2>没有找到与“{q}”匹配的地区</h2>
        <p>可以试试：完整或部分名称（会同、会同县），繁体字（會同縣），全拼或首字母（huitong、htx），六位区划代码（431225）。</p>
        <p>
          数据库只收录有报告的地区及其上级地区。也可以在<Link prefetch={false} href="/regions">地区列表</Link>中按省份查找。
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="search-results-title">
      <h2 id="search-results-title" className={styles.count}>
        “{q}”：找到 {total} 个地区{total > results.length ? `，列出最相关的 ${results.length} 个` : ''}
      </h2>
      <ol className={styles.results} data-results={results.length}>
        {results.map((r) => (
          <li key={r.id} className={styles.result}>
            <Link prefetch={false} href={r.href} className={styles.name}>
              {r.name}
            </Link>
            <span className={styles.within}>{r.within || '未能归入上级地区'}</span>
            <span className={styles.meta}>
              {r.level}
              {r.code ? ` · 区划代码 ${r.code}` : ''}
            </span>
            {r.reports > 0 ? <span className={`tag tag-complete ${styles.reports}`}>{r.reports} 份报告</span> : <span className={`tag tag-scope ${styles.reports}`}>暂无报告</span>}
            <MatchedBy matched={r.matched} />
          </li>
        ))}
      </ol>
      {total > results.length && <p className={styles.more}>结果较多，请输入更完整的名称，或在名称前加上所在的市、省（如 福州鼓楼）。</p>}
    </section>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const typed = typeof raw === 'string' ? raw : '';
  const checked = checkQuery(typed);
  const title = checked.ok ? `“${checked.q}”的搜索结果 · 年报通` : '搜索地区 · 年报通';

  let body;
  if (!checked.ok) {
    body = typed.trim() ? <p className={styles.problem}>{checked.error}</p> : null;
  } else {
    try {
      const index = await regionSearchIndex((await getDatabase()).db);
      const { total, hits } = searchRegions(index, checked.q, PAGE_LIMIT);
      body = <Results q={checked.q} total={total} results={hits.map(presentHit)} />;
    } catch (err) {
      body = <DatabaseNotice error={err} />;
    }
  }

  return (
    <main className={styles.page}>
      <title>{title}</title>
      <header className={styles.masthead}>
        <h1>搜索地区</h1>
        <p className={styles.lede}>按名称、别名、繁体字、拼音（全拼或首字母）或区划代码查找省、市、县和部门、乡镇。</p>
      </header>
      <SearchForm q={checked.ok ? checked.q : typed} />
      {body}
    </main>
  );
}
