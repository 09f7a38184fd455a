// Figures the report states in prose (mostly 一、总体情况): items published, hotlines and
// mailboxes with their rates, and what the prose says about applications.
import Figure from './Figure';
import type { ActivityLayout } from './layout';
import styles from './report.module.css';

const CHANNEL_COLUMNS = [
  { key: 'received', label: '受理（件）', as: 'count' },
  { key: 'resolved', label: '办结（件）', as: 'count' },
  { key: 'resolutionRate', label: '办结率', as: 'percent' },
  { key: 'callbackRate', label: '回访率', as: 'percent' },
  { key: 'satisfactionRate', label: '满意率', as: 'percent' },
] as const;

export default function ActivityFigures({ layout }: { layout: ActivityLayout }) {
  const { publishedItems, channels, applications } = layout;
  const facts = [
    publishedItems && { label: '主动公开信息', unit: '条', cell: publishedItems },
    applications.received && { label: '正文所述收到申请', unit: '件', cell: applications.received },
    applications.carriedOver && { label: '正文所述上年结转申请', unit: '件', cell: applications.carriedOver },
  ].filter((f): f is NonNullable<typeof f> => Boolean(f));
  return (
    <div className={styles.activity}>
      {facts.length > 0 && (
        <dl className={styles.facts}>
          {facts.map((f) => (
            <div key={f.cell.path}>
              <dt>{f.label}</dt>
              <dd>
                <Figure cell={f.cell} /> {f.unit}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {channels.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.channels}`} data-table="正文">
            <thead>
              <tr>
                <th scope="col">热线、信箱</th>
                {CHANNEL_COLUMNS.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {channels.map((ch) => (
                <tr key={`${ch.kind}-${ch.name}`} data-row={ch.name}>
                  <th scope="row">{ch.name}</th>
                  {CHANNEL_COLUMNS.map((c) => (
                    <td key={c.key}>
                      <Figure cell={ch.cells[c.key]} as={c.as} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {facts.length === 0 && channels.length === 0 && <p className={styles.muted}>正文中没有可提取的数字。</p>}
    </div>
  );
}
