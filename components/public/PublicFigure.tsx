// One public chart as a <figure>: the SVG drawn on the server, a caption, the plain sentence, the
// figures as a table (what a screen reader reads, and what print keeps), the report of each year
// and links to the terms it uses.
import { renderSvg } from '../../lib/charts/ssr';
import type { PublicChart } from '../../lib/public/charts';
import type { ChartId } from '../../lib/chart-data/request';
import type { PublicChartId } from '../../lib/public/charts';
import ChartDownloads, { type ChartParams } from '../export/ChartDownloads';
import ChartInteraction from './ChartInteraction';
import SourceLink from './SourceLink';
import TermLink from './TermLink';
import styles from './public.module.css';

/** drawn at a phone's width: scaled up on wider screens, its text stays legible on a phone */
const DRAW_WIDTH = 420;

const EXPORTED_AS: Record<PublicChartId, ChartId> = { applications: 'outcomes', hotline: 'hotline', appeals: 'appeals', proactive: 'proactive' };

export interface FigureExport {
  params: ChartParams;
  regions: string[];
  sources: string[];
}

export default function PublicFigure({ chart, exported }: { chart: PublicChart; exported: FigureExport }) {
  const captionId = `${chart.id}-caption`;
  return (
    <figure className={styles.figure} aria-labelledby={captionId} id={chart.id}>
      <figcaption id={captionId}>
        <h2 className={styles.figureTitle}>{chart.title}</h2>
        {chart.sentence && <p className={styles.sentence}>{chart.sentence}</p>}
      </figcaption>
      {chart.option ? (
        <ChartInteraction data={chart.points!}>
          <div
            className={styles.svg}
            role="img"
            aria-label={`${chart.title}图表，数字见下表`}
            dangerouslySetInnerHTML={{ __html: renderSvg(chart.option, { width: DRAW_WIDTH, height: chart.height }) }}
          />
        </ChartInteraction>
      ) : (
        <p className={styles.empty}>{chart.emptyText}</p>
      )}
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <caption>{chart.title}（逐年数字）</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              {chart.table.years.map((y, i) => (
                <th scope="col" key={y} className={chart.table.sources[i] ? undefined : styles.noReport}>
                  {y}年
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.table.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">
                  <TermLink label={row.label} />
                </th>
                {row.cells.map((cell, i) => (
                  <td key={chart.table.years[i]} className={chart.table.sources[i] ? undefined : styles.noReport}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
            <tr className={styles.sourceRow}>
              <th scope="row">来源</th>
              {chart.table.sources.map((source, i) => (
                <td key={chart.table.years[i]}>{source ? <SourceLink source={source} short /> : '—'}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {chart.option && (
        <ChartDownloads
          chart={EXPORTED_AS[chart.id]}
          params={exported.params}
          svgSelector={`#${chart.id} [role="img"]`}
          meta={{ title: chart.title, regions: exported.regions, years: chart.table.years, sources: exported.sources }}
        />
      )}
      <p className={styles.terms}>
        术语：
        {chart.terms.map((t, i) => (
          <span key={t}>
            {i > 0 && '、'}
            <TermLink label={t} />
          </span>
        ))}
      </p>
    </figure>
  );
}
