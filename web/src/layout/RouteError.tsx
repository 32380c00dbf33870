import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isHttpError } from '../api/errors';
import { type Translate, useT } from '../i18n';

/** What a failed page says: its title, its sentence, and the API's own reason for a refusal. */
export function describePageError(
  error: unknown,
  t: Translate,
): { title: string; body: string; reason?: string } {
  if (isHttpError(error) && error.status === 403) {
    // The API's refusal is already a sentence in Vietnamese ("Chỉ cấp tỉnh mới xét tờ trình").
    const reason = error.message && !/^HTTP \d+$/.test(error.message) ? error.message : undefined;
    return {
      title: t('errors.forbiddenTitle'),
      body: t('errors.forbiddenPage'),
      ...(reason ? { reason } : {}),
    };
  }
  // Out of scope, the API answers 404 so that nothing leaks: the page says no more than that.
  if (isHttpError(error) && error.status === 404)
    return { title: t('errors.forbiddenTitle'), body: t('errors.forbiddenOrMissingPage') };
  const chunkFailed = error instanceof TypeError && /import|fetch|module/i.test(error.message);
  if (chunkFailed || (isHttpError(error) && error.isNetwork))
    return { title: t('errors.offlineTitle'), body: t('errors.network') };
  if (isRouteErrorResponse(error) && error.status === 404)
    return { title: t('notFound.title'), body: t('notFound.body') };
  return { title: t('errors.pageTitle'), body: t('errors.unexpected') };
}

/** The card of a failed page: what happened, a reload (the usual cure on a phone) and the way home. */
export function PageErrorCard({ error }: { error: unknown }) {
  const t = useT();
  const d = describePageError(error, t);
  const forbidden = isHttpError(error) && (error.status === 403 || error.status === 404);
  return (
    <section className="card">
      <h1>{d.title}</h1>
      <p>{d.body}</p>
      {d.reason ? <p className="muted">{d.reason}</p> : null}
      <div className="row">
        {forbidden ? null : (
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </button>
        )}
        <Link className="btn" to="/">
          {t('notFound.back')}
        </Link>
      </div>
    </section>
  );
}

/**
 * Shown when a page fails to load or render: outside the signed-in frame as a page of its own, inside it
 * (`inShell`) as the page's content, so the menu stays. A page whose API refuses the caller (403) says
 * so instead of staying blank.
 */
export function RouteError({ inShell = false }: { inShell?: boolean }) {
  const error = useRouteError();
  const card = <PageErrorCard error={error} />;
  return inShell ? (
    card
  ) : (
    <main id="main" className="page-narrow">
      {card}
    </main>
  );
}
