// The <option>s of a report-scope select, in the one order and with the one set of names.
import { SCOPE_LABEL } from '../../lib/dashboard/labels';
import { SCOPES, type Scope } from '../../lib/dashboard/url-state';

export default function ScopeOptions({ labels = SCOPE_LABEL }: { labels?: Record<Scope, string> }) {
  return SCOPES.map((s) => (
    <option key={s} value={s}>
      {labels[s]}
    </option>
  ));
}
