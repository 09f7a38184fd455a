// The public page of one region: the latest year's headline figures, four charts drawn on the
// server as SVG with their tables and plain sentences, what is missing, and every report the
// figures come from. Static HTML, cached (ISR) and regenerated at most once a minute, so an
// ingest shows within a minute; nothing on it needs JavaScript.
import { notFound } from 'next/navigation';
import { lookupRegion, regionUpdatedAt } from '../../../../db/queries/region';
import { loadRegionPage } from '../../../../db/queries/region-page';
import { cachedRead } from '../../../../db/read-cache';
import { getDatabase } from '../../../../db/server';
import { correctionNotes, type CorrectionNote } from '../../../../db/corrections';
import KeyFigures from '../../../../components/public/KeyFigures';
import PublicFigure from '../../../../components/public/PublicFigure';
import RegionCandidates from '../../../../components/public/RegionCandidates';
import SourcesList from '../../../../components/public/SourcesList';
import UpdatedAt from '../../../../components/public/UpdatedAt';
import ShareButton from '../../../../components/export/ShareButton';
import { chartYears } from '../../../../lib/chart-data/request';
import styles from '../../../../components/public/public.module.css';
import { publicRegionModel, type PublicRegionModel } from '../../../../lib/public/model';
import { decodeSegment } from '../../../../lib/region/href';
import { publicRegionHref } from '../../../../lib/public/href';

export const revalidate = 60;
export const dynamicParams = true;

/** No page is built ahead: each is rendered on its first request, then served from the cache. */
export async function generateStaticParams(): Promise<{ region: string }[]> {
  return [];
}

type Props = { params: Promise<{ region: string }> };

type Lookup =
  | { kind: 'found'; model: PublicRegionModel | null; name: string; corrections: CorrectionNote[] }
  | { kind: 'ambiguous'; key: string; candidates: { name: string; place: string; href: string }[] }
  | { kind: 'not-found' };

async function load(key: string): Promise<Lookup> {
  const { db } = await getDatabase();
  return cachedRead(db, `public-region:${key}`, async (): Promise<Lookup> => {
    const found = await lookupRegion(db, key);
    if (found.kind === 'not-found') return { kind: 'not-found' };
    if (found.kind === 'ambiguous') {
      return {
        kind: 'ambiguous',
        key,
        candidates: found.candidates.map((c) => ({
          name: c.name,
          place: [c.province, c.city].filter((x) => x && x !== c.name).join(' · '),
          href: publicRegionHref(c),
        })),
      };
    }
    const region = found.region;
    if (region.id === null) return { kind: 'found', model: null, name: region.name, corrections: [] };
    const [data, updatedAt] = await Promise.all([loadRegionPage(db, region, null), regionUpdatedAt(db, region.id)]);
    const model = data.scope === null ? null : publicRegionModel(data, updatedAt);
    const corrections = model ? await correctionNotes(db, model.sources.map((s) => s.reportId)) : [];
    return { kind: 'found', model, name: region.name, corrections };
  });
}

export async function generateMetadata({ params }: Props) {
  const key = decodeSegment((await params).region);
  // the region's name, not the code in the address (read through the same cache as the page)
  const found = await load(key);
  const name = found.kind === 'found' ? found.name : key;
  return { title: `${name} 政府信息公开数据`, description: `${name}历年政府信息公开工作年度报告中的主要数字、图表和解释` };
}

/** Figures staff corrected: the pages show the corrected ones, and say so here. */
function Corrections({ notes }: { notes: CorrectionNote[] }) {
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="corrected" className={styles.missing}>
      <h2 id="corrected">经更正的数字</h2>
      <p>以下数字原报告印错，由本站工作人员更正；本页的图表和数字使用更正后的值，原报告保持原样。</p>
      <ul>
        {notes.map((n, i) => (
          <li key={i} data-correction>
            {n.year ? `${n.year}年报告：` : ''}
            {n.sentence}。原因：{n.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Missing({ model, correctedYears }: { model: PublicRegionModel; correctedYears: ReadonlySet<number | null> }) {
  if (model.missingYears.length === 0 && model.failedYears.length === 0) return null;
  return (
    <section aria-labelledby="missing" className={styles.missing}>
      <h2 id="missing">缺少什么</h2>
      <ul>
        {model.missingYears.length > 0 && <li>{model.missingYears.join('、')}年：还没有找到这一年的报告，图表在这些年份留空。</li>}
        {model.failedYears.map((f) => (
          <li key={f.year}>
            {f.year}年：报告中有 {f.failures} 处数字加总对不上（例如分项之和不等于总计）。
            {correctedYears.has(f.year) ? '除下文“经更正的数字”外，这里照报告原样显示。' : '这里照报告原样显示，没有改动。'}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function PublicRegionPage({ params }: Props) {
  const key = decodeSegment((await params).region);
  const found = await load(key);
  if (found.kind === 'not-found') notFound();
  if (found.kind === 'ambiguous') return <RegionCandidates name={found.key} candidates={found.candidates} />;
  const { model } = found;
  if (!model) {
    return (
      <>
        <h1>{found.name}</h1>
        <p className={styles.notice}>还没有{found.name}的政府信息公开工作年度报告。</p>
      </>
    );
  }
  return (
    <article className={styles.article}>
      <header className={styles.regionHeader}>
        {model.place && <p className={styles.place}>{model.place}</p>}
        <h1>{model.name}政府信息公开数据</h1>
        <p className={styles.lede}>
          {model.years[0] === model.latestYear ? `${model.latestYear}年` : `${model.years[0]}—${model.latestYear}年`}
          政府信息公开工作年度报告中的主要数字。
          <UpdatedAt iso={model.updatedAt} />
        </p>
        <ShareButton />
      </header>
      <KeyFigures figures={model.keyFigures} sources={model.sources} />
      <Missing model={model} correctedYears={new Set(found.corrections.map((c) => c.year))} />
      <Corrections notes={found.corrections} />
      <div className={styles.figures}>
        {model.charts.map((chart) => (
          <PublicFigure
            key={chart.id}
            chart={chart}
            exported={{
              params: { regions: [model.token], years: chartYears(model.years), scope: model.scope, metric: null, year: null },
              regions: [model.name],
              sources: [...model.sources].reverse().map((s) => s.title),
            }}
          />
        ))}
      </div>
      <SourcesList sources={model.sources} />
    </article>
  );
}
