import type { Translate } from '../i18n';
import { type HttpError, isHttpError } from './errors';

/**
 * One plain-words sentence for any failure, in the UI language. Rule refusals (422) carry the API's own
 * Vietnamese reason (the workflow explains itself: "window closed", "four eyes"…), so that is shown.
 */
export function describeError(error: unknown, t: Translate): string {
  if (!isHttpError(error)) return t('errors.unexpected');
  const e: HttpError = error;
  if (e.kind === 'timeout') return t('errors.timeout');
  if (e.kind === 'network') return t('errors.network');
  if (e.kind === 'invalid_response') return t('errors.invalidResponse');
  switch (e.status) {
    case 400:
      return t('errors.validation');
    case 401:
      return t('errors.unauthorized');
    case 403:
    case 404:
      return t('errors.forbidden');
    case 409:
      return t('errors.conflict');
    case 413:
      return t('errors.tooLarge');
    case 422:
      if (e.code === 'classified') return t('errors.classified');
      return t('errors.rule', { message: e.message });
    default:
      return e.status >= 500 ? t('errors.server') : t('errors.unexpected');
  }
}
