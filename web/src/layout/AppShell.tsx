import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  Link,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigate,
  useNavigation,
} from 'react-router';
import { useRetrying } from '../api/retry-status';
import { navItemsFor } from '../app/extensions';
import { useServices, useSession } from '../app/services';
import { workspaceContextOf } from '../auth/workspace';
import { Bell } from '../features/notifications/components/Bell';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { SearchBox } from './SearchBox';
import { useOnline } from './useOnline';
import { useShellMe } from './useShellMe';
import './shell.css';

/** The signed-in frame: header (unit, language, sign-out), navigation by role, the page, status lines. */
export function AppShell() {
  const { t, lang } = useI18n();
  const session = useSession();
  const services = useServices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const location = useLocation();
  const online = useOnline();
  const retrying = useRetrying();
  const me = useShellMe();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const roles = session?.claims.roles ?? [];
  const items = navItemsFor(workspaceContextOf(session?.claims, me.data?.rootUnitId));

  // Close the phone menu and move focus to the page after a navigation, as a screen reader expects.
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every path change by design
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // The new page starts at its top (ScrollRestoration); focusing must not scroll it elsewhere.
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const signOut = () => {
    services.session.signOut();
    queryClient.clear();
    navigate('/sign-in', { replace: true });
  };

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <header className="shell-header">
        <div className="shell-brand">
          <span className="shell-logo" aria-hidden="true">
            ★
          </span>
          <span>
            <span className="shell-title">{t('app.name')}</span>
            <span className="shell-subtitle">{t('app.tagline')}</span>
          </span>
        </div>
        <button
          type="button"
          className="btn btn-ghost shell-menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {t('shell.menu')}
        </button>
        <div className={`shell-tools ${menuOpen ? 'open' : ''}`}>
          <span className="shell-user">
            <span className="shell-user-name">{me.data?.name || session?.claims.name}</span>
            <span className="shell-user-roles">
              {me.data?.unitName ? `${me.data.unitName} · ` : ''}
              {roles.map((r) => t(`role.${r}`)).join(', ')}
            </span>
          </span>
          <SearchBox />
          <Bell />
          <Link className="btn btn-ghost btn-sm" to={`/help?from=${encodeURIComponent(location.pathname)}`}>
            {t('shell.help')}
          </Link>
          <LanguageSwitch />
          <button type="button" className="btn btn-sm" onClick={signOut}>
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <nav id="main-nav" aria-label={t('shell.navLabel')} className={`shell-nav ${menuOpen ? 'open' : ''}`}>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>
                {typeof item.label === 'string' ? t(item.label) : item.label[lang]}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {navigation.state === 'loading' ? (
        <div className="shell-loading" role="progressbar" aria-label={t('common.loading')} />
      ) : null}
      {!online ? (
        <div className="shell-offline" role="status">
          {t('shell.offline')}
        </div>
      ) : null}
      {online && retrying ? (
        <div className="shell-offline" role="status">
          {t('shell.retrying')}
        </div>
      ) : null}
      <main id="main" ref={mainRef} tabIndex={-1} className="shell-main">
        <Outlet />
      </main>
      {/* A new page opens at its top; Back returns to where the person was. */}
      <ScrollRestoration />
    </div>
  );
}
