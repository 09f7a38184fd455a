import type { ReactNode } from 'react';
import './globals.css';

export const metadata = {
  title: '年报通 Nianbao · 政府信息公开工作年度报告数据',
  description: '把政府信息公开工作年度报告变成可信的数字与图表',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
