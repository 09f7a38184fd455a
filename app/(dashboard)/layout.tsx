import type { ReactNode } from 'react';
import Link from 'next/link';
import SearchBox from '../../components/search/SearchBox';
import NavLinks from '../../components/ui/NavLinks';
import ShareButton from '../../components/export/ShareButton';

// The dashboard's frame: its sections and the region search. The public pages (app/(public))
// have their own, with no internal links.
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <Link prefetch={false} href="/" className="site-brand">
            年报通
          </Link>
          <NavLinks />
          <SearchBox />
          <ShareButton />
        </div>
      </header>
      {children}
    </>
  );
}
