import { COMMENT_MAX_CHARS } from '@thidua/shared/commendation';
import {
  downloadPublicDecision,
  downloadSignedDecision,
  ErrorBody,
  listPublicDecisions,
  listPublicDisclosures,
  pathOf,
  postPublicComment,
  type RequestOf,
} from '@thidua/shared/contracts';
import type { CallResult, JsonRoute } from '../../api/call';

/**
 * The public pages read the API without a token: only the `public` routes, which answer published
 * lists and decisions and nothing else. Paths and answers come from the routes' contracts.
 */
export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** One call of a public route (no token): its answer parsed by the contract, its error in Vietnamese. */
export const publicCall = async <C extends JsonRoute>(
  url: string,
  contract: C,
  init?: RequestInit,
): Promise<CallResult<C>> => {
  let res: Response;
  try {
    res = await fetch(url, { method: contract.method, ...init });
  } catch {
    throw new PublicApiError(0, 'Không kết nối được máy chủ, vui lòng thử lại.');
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = ErrorBody.safeParse(json);
    throw new PublicApiError(
      res.status,
      e.success ? e.data.error.message : `Lỗi ${res.status}`,
      e.success ? e.data.error.details : [],
    );
  }
  return contract.response.parse(json) as CallResult<C>;
};

export const publicService = (apiUrl: string, tenantId: string) => {
  const url = (path: string, params: Record<string, string> = {}) =>
    `${apiUrl.replace(/\/+$/, '')}${pathOf(path, { tenantId, ...params })}`;
  return {
    disclosures: () => publicCall(url(listPublicDisclosures.path), listPublicDisclosures),
    decisions: () => publicCall(url(listPublicDecisions.path), listPublicDecisions),
    comment: (disclosureId: string, body: RequestOf<typeof postPublicComment>['body']) =>
      publicCall(url(postPublicComment.path, { disclosureId }), postPublicComment, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    /** A plain link: the API answers 303 to a short-lived download of the signed decision. */
    documentUrl: (decisionId: string) => url(downloadPublicDecision.path, { decisionId }),
    /** The signed PDF (ADR 0032), served by the documents group, the one that reads signed files. */
    signedUrl: (decisionId: string) => url(downloadSignedDecision.path, { decisionId }),
  };
};

export { COMMENT_MAX_CHARS };
