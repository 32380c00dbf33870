import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isHttpError } from '../api/errors';
import { useT } from '../i18n';

/**
 * Shown when a page fails to load or render. The usual cause on a phone is a lost connection while a
 * page's code was downloading, so that case says so and offers a reload.
 */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const chunkFailed = error instanceof TypeError && /import|fetch|module/i.test(error.message);
  const offline = chunkFailed || (isHttpError(error) && error.isNetwork);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="page-narrow">
      <section className="card">
        <h1>{notFound ? t('notFound.title') : offline ? t('errors.offlineTitle') : t('errors.pageTitle')}</h1>
        <p>{notFound ? t('notFound.body') : offline ? t('errors.network') : t('errors.unexpected')}</p>
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </button>
          <Link className="btn" to="/">
            {t('notFound.back')}
          </Link>
        </div>
      </section>
    </main>
  );
}
