// A submitted GET form reaches the page as yearsFrom/yearsTo and empty fields; the page sends
// it on to its canonical address (years=2019..2024, empty fields left out), so that the URL
// reads like any other and can be shared.

import { parseYear, type SearchParams } from '../dashboard/url-state';
import { parseQualityState, type QualityState } from './url-state';

function entries(params: SearchParams): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  return Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])));
}

/** The state a submitted form asks for, or null when the address is not a form submission. */
export function formSubmission(params: SearchParams): QualityState | null {
  const all = entries(params);
  const isForm = all.some(([k, v]) => k === 'yearsFrom' || k === 'yearsTo' || v.trim() === '');
  if (!isForm) return null;
  const kept = new URLSearchParams(all.filter(([k, v]) => k !== 'yearsFrom' && k !== 'yearsTo' && v.trim() !== ''));
  const from = parseYear(all.find(([k]) => k === 'yearsFrom')?.[1]);
  const to = parseYear(all.find(([k]) => k === 'yearsTo')?.[1]);
  if (from !== null || to !== null) {
    const a = from ?? to!;
    const b = to ?? from!;
    kept.set('years', `${Math.min(a, b)}..${Math.max(a, b)}`);
  }
  return parseQualityState(kept);
}
