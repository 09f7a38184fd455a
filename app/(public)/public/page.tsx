// The public home: what these figures are, a search, and every region with reports by province
// (a province at a time once there are too many to list on one page).
import { countByProvince, listRegionYears, type ProvinceFilter, type RegionYears } from '../../../db/queries/overview';
import { cachedRead } from '../../../db/read-cache';
import { getDatabase } from '../../../db/server';
import SearchForm from '../../../components/public/SearchForm';
import styles from '../../../components/public/public.module.css';
import { GLOSSARY_PATH, PUBLIC_HOME, publicRegionHref } from '../../../lib/public/href';

export const dynamic = 'force-dynamic';
export const metadata = { title: '政府信息公开数据', description: '各地政府信息公开工作年度报告中的数字、图表和解释' };

/** above this many regions the page lists provinces, and one province's regions at a time */
const LIST_ALL_UP_TO = 300;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** regions a citizen looks up: provinces, cities and counties (departments are on their county's dashboard) */
const isPlace = (r: RegionYears) => r.level !== 'body';

function byProvince(rows: RegionYears[]): [string, RegionYears[]][] {
  const groups = new Map<string, RegionYears[]>();
  for (const r of rows.filter(isPlace)) {
    const key = r.province ?? '其他';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups];
}

async function load(provinceId: number | null) {
  const { db } = await getDatabase();
  return cachedRead(db, `public-home:${provinceId}`, async () => {
    const provinces = await countByProvince(db);
    const total = provinces.reduce((a, p) => a + p.regions, 0);
    const filter: ProvinceFilter = provinceId !== null ? { provinceId } : null;
    const listAll = total <= LIST_ALL_UP_TO;
    const rows = listAll || filter ? await listRegionYears(db, filter) : [];
    return { provinces, listAll, groups: byProvince(rows) };
  });
}

export default async function PublicHome({ searchParams }: Props) {
  const raw = (await searchParams).province;
  const provinceId = typeof raw === 'string' && /^\d{1,9}$/u.test(raw) ? Number(raw) : null;
  const { provinces, listAll, groups } = await load(provinceId);
  return (
    <>
      <h1>政府信息公开数据</h1>
      <p>
        每个县、市政府每年都要发布《政府信息公开工作年度报告》，说明主动公开了多少信息、收到多少公开申请、怎样答复、是否因此被申请行政复议或被起诉。
        这里把这些报告里的数字整理成图表，并用通俗的话解释。不懂的词可以查看<a href={GLOSSARY_PATH}>术语解释</a>。
      </p>
      <SearchForm />
      {!listAll && (
        <nav aria-label="按省份查看" className={styles.province}>
          <h2>按省份查看</h2>
          <ul className={styles.regionGrid}>
            {provinces
              .filter((p) => p.provinceId !== null)
              .map((p) => (
                <li key={p.provinceId}>
                  <a href={`${PUBLIC_HOME}?province=${p.provinceId}`} aria-current={p.provinceId === provinceId ? 'page' : undefined}>
                    {p.name}
                  </a>{' '}
                  <span className={styles.muted}>{p.regions}</span>
                </li>
              ))}
          </ul>
        </nav>
      )}
      {groups.map(([province, rows]) => (
        <section key={province} className={styles.province} aria-label={province}>
          <h2>{province}</h2>
          <ul className={styles.regionGrid}>
            {rows.map((r) => (
              <li key={r.regionId}>
                <a href={publicRegionHref({ id: r.regionId, code: r.code, name: r.name })}>{r.name}</a>{' '}
                <span className={styles.muted}>{r.years.length === 1 ? `${r.years[0]}年` : `${r.years[0]}—${r.years.at(-1)}年`}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
