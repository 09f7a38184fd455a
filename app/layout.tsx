import type { ReactNode } from 'react';
import './globals.css';

// inline, so that no request is made for it (and none for /favicon.ico)
const ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><rect x="7" y="17" width="4" height="8" fill="#fff"/><rect x="14" y="11" width="4" height="14" fill="#fff"/><rect x="21" y="7" width="4" height="18" fill="#fff"/></svg>',
  );

export const metadata = {
  title: '年报通 Nianbao · 政府信息公开工作年度报告数据',
  description: '把政府信息公开工作年度报告变成可信的数字与图表',
  icons: { icon: ICON },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
