// A label that the glossary explains, linked to its entry; any other label stays plain text.
import { glossaryHref, termFor } from '../../lib/public/glossary';

export default function TermLink({ label, children }: { label: string; children?: React.ReactNode }) {
  const term = termFor(label);
  if (!term) return <>{children ?? label}</>;
  return (
    <a href={glossaryHref(term.id)} title={term.short}>
      {children ?? label}
    </a>
  );
}
