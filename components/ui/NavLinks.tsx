'use client';
// The site's sections; the current one is marked (aria-current).
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: '概览' },
  { href: '/regions', label: '地区' },
  { href: '/compare', label: '对比' },
  { href: '/quality', label: '数据质量' },
];

export default function NavLinks() {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="site-nav" aria-label="主导航">
      {LINKS.map((l) => {
        const current = l.href === '/' ? pathname === '/' : pathname.startsWith(l.href);
        return (
          <Link key={l.href} prefetch={false} href={l.href} aria-current={current ? 'page' : undefined}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
