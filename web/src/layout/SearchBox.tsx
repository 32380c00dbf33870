import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n';

/**
 * The one search box, in the header of every page: units, reports, nominees, decisions (what the caller
 * may read). Typed with or without diacritics; Enter opens the results page.
 */
export function SearchBox() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);
  return (
    <search className="shell-search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const text = q.trim();
          if (text) navigate(`/search?q=${encodeURIComponent(text)}`);
        }}
      >
        <label htmlFor="shell-search-input" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="shell-search-input"
          className="input input-sm"
          type="search"
          value={q}
          placeholder={t('search.placeholder')}
          onChange={(e) => setQ(e.target.value)}
          enterKeyHint="search"
        />
      </form>
    </search>
  );
}
