// /public/find?q=: the public search. One match opens its page; several are listed with where
// they lie (the four 鼓楼区 told apart).
import { redirect } from 'next/navigation';
import { getDatabase } from '../../../../db/server';
import { regionSearchIndex } from '../../../../db/region-index';
import SearchForm from '../../../../components/public/SearchForm';
import styles from '../../../../components/public/public.module.css';
import { publicRegionHref } from '../../../../lib/public/href';
import { PAGE_LIMIT } from '../../../../lib/search/limits';
import { searchRegions } from '../../../../lib/search/match';
import { presentHit } from '../../../../lib/search/present';
import { checkQuery } from '../../../../lib/search/request';

export const dynamic = 'force-dynamic';
export const metadata = { title: '查找地区 · 政府信息公开数据' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PublicFind({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const typed = typeof raw === 'string' ? raw : '';
  const checked = checkQuery(typed);
  if (!checked.ok) {
    return (
      <>
        <h1>查找地区</h1>
        <SearchForm q={typed} />
        {typed.trim() && <p className={styles.notice}>{checked.error}</p>}
      </>
    );
  }
  const index = await regionSearchIndex((await getDatabase()).db);
  const { total, hits } = searchRegions(index, checked.q, PAGE_LIMIT);
  const withReports = hits.map(presentHit).filter((h) => h.reports > 0);
  if (withReports.length === 1) redirect(publicRegionHref({ id: withReports[0].id, code: withReports[0].code, name: withReports[0].name }));
  return (
    <>
      <h1>查找地区</h1>
      <SearchForm q={checked.q} />
      {withReports.length === 0 ? (
        <p className={styles.notice}>
          没有找到名称含“{checked.q}”且已有年度报告的地区{total > 0 ? `（找到 ${total} 个同名或相近的地区，但还没有它们的报告）` : ''}。
        </p>
      ) : (
        <>
          <h2>“{checked.q}”：{withReports.length} 个地区</h2>
          <ul className={styles.regionList}>
            {withReports.map((h) => (
              <li key={h.id}>
                <a href={publicRegionHref({ id: h.id, code: h.code, name: h.name })}>{h.name}</a> <span className={styles.muted}>{h.within}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
