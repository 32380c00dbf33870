import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createApiClient } from './api/client';
import { loadWebConfig } from './app/config';
import { createQueryClient } from './app/queryClient';
import { createRouter } from './app/router';
import { ServicesProvider } from './app/services';
import { SessionStore } from './auth/session';
import { I18nProvider, translate } from './i18n';
import { ToastProvider } from './ui';
import './ui/ui.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
const root = createRoot(container);

async function start(): Promise<void> {
  const config = await loadWebConfig();
  const session = new SessionStore(config, window.localStorage);
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key === 'thidua.session') session.syncFromStorage();
  });
  const router = createRouter();
  const api = createApiClient({
    baseUrl: config.apiUrl,
    getToken: () => session.getIdToken(),
    onUnauthorized: () => {
      // The token was refused (revoked, or the user disabled): sign-in again, then come back.
      session.signOut();
      const next = `${window.location.pathname}${window.location.search}`;
      router.navigate(`/sign-in?next=${encodeURIComponent(next)}`).catch(() => undefined);
    },
  });
  const queryClient = createQueryClient();
  root.render(
    <StrictMode>
      <I18nProvider>
        <ServicesProvider value={{ config, session, api }}>
          <QueryClientProvider client={queryClient}>
            <ToastProvider>
              <RouterProvider router={router} />
            </ToastProvider>
          </QueryClientProvider>
        </ServicesProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  // No config, no app: say so plainly, in Vietnamese first.
  const lang = localStorage.getItem('thidua.lang') === 'en' ? 'en' : 'vi';
  root.render(
    <main id="main" className="page-narrow">
      <section className="card" role="alert">
        <h1>{translate(lang, 'errors.startTitle')}</h1>
        <p>{translate(lang, 'errors.start')}</p>
        <p className="muted">{String(error)}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {translate(lang, 'common.reload')}
        </button>
      </section>
    </main>,
  );
});
