// The guard against cross-site requests for every write (POST, PUT, PATCH, DELETE …): a page on
// another site must not be able to make a signed-in browser upload, publish or sign out. The
// session cookie is SameSite=Strict already; this is the second, independent check.
//
// GET and HEAD are always allowed: they change nothing. A write is allowed only when
//   - Sec-Fetch-Site is `same-origin` (every current browser sends it, and a page cannot forge
//     it), or
//   - there is no Sec-Fetch-Site and the Origin header's host (with port) equals the Host header,
//     or X-Forwarded-Host when a proxy set it (a cross-site page cannot set that header without a
//     CORS preflight, which this app never grants).
// A write with neither Origin nor Sec-Fetch-Site is refused: browsers send at least one of them
// on every POST, so only other tools send neither, and a tool that writes must send
// `Origin: <the app's own origin>`. `Origin: null` (sandboxed frames, some redirects) is refused.

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The first value of a header a proxy may have appended to ("a.example, b.example"). */
function firstValue(value: string | null): string | null {
  const first = value?.split(',', 1)[0].trim();
  return first ? first : null;
}

export function isSameOriginRequest(headers: Headers, method: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;

  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null) return fetchSite.trim().toLowerCase() === 'same-origin';

  const origin = headers.get('origin');
  if (!origin || origin.trim() === 'null') return false;
  const host = firstValue(headers.get('x-forwarded-host')) ?? firstValue(headers.get('host'));
  if (!host) return false;
  let from: URL;
  let expected: URL;
  try {
    from = new URL(origin.trim());
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    // read the host through the origin's scheme, so that `example.org:443` equals `https://example.org`
    expected = new URL(`${from.protocol}//${host}`);
  } catch {
    return false;
  }
  return from.host !== '' && from.host === expected.host;
}
