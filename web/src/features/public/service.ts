import {
  COMMENT_MAX_CHARS,
  PublicDecisionView,
  PublicDisclosureView,
  publicPageOf,
} from '@thidua/shared/commendation';
import { z } from 'zod';

/**
 * The public pages read the API without a token: only the `public` routes, which answer published
 * lists and decisions and nothing else.
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

const ErrorBody = z.object({
  error: z.object({
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

const call = async <T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> => {
  let res: Response;
  try {
    res = await fetch(url, init);
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
  return schema.parse(json);
};

export const publicService = (apiUrl: string, tenantId: string) => {
  const base = `${apiUrl.replace(/\/+$/, '')}/public/${encodeURIComponent(tenantId)}`;
  return {
    disclosures: () => call(`${base}/disclosures`, publicPageOf(PublicDisclosureView)),
    decisions: () => call(`${base}/decisions`, publicPageOf(PublicDecisionView)),
    comment: (
      disclosureId: string,
      body: { nominationId: string | null; authorName: string; contact: string; body: string },
    ) =>
      call(
        `${base}/disclosures/${disclosureId}/comments`,
        z.object({ id: z.string(), receivedAt: z.string() }),
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      ),
    /** A plain link: the API answers 303 to a short-lived download of the signed decision. */
    documentUrl: (decisionId: string) => `${base}/decisions/${decisionId}/document`,
  };
};

export { COMMENT_MAX_CHARS };
