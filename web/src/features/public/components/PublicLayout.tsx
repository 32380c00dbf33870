import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import '../public.css';

/** The frame of the public pages: the province's name, the two public sections, no account menu. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { tenantId = '' } = useParams();
  return (
    <div className="public-page">
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="public-header">
        <p className="public-brand">Thi đua – Khen thưởng · Trang công khai</p>
        <nav aria-label="Trang công khai">
          <Link to={`/public/${tenantId}/disclosures`}>Danh sách lấy ý kiến</Link>
          <Link to={`/public/${tenantId}/decisions`}>Quyết định khen thưởng</Link>
        </nav>
      </header>
      <main id="main" className="public-main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
