// A report named as the source of figures: linked to the government's own page when known.
// A copy known only from a mirror site is named, not linked.
import type { ReportSource } from '../../lib/public/sources';

export default function SourceLink({ source, short = false }: { source: ReportSource; short?: boolean }) {
  const text = short ? `${source.year}年报告` : source.title;
  if (source.href) {
    return (
      <a href={source.href} rel="noopener noreferrer" title={short ? source.title : undefined}>
        {text}
      </a>
    );
  }
  return <span title={short ? source.title : undefined}>{text}</span>;
}
