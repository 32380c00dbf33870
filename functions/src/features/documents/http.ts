import { documentContracts as c } from '@thidua/shared/contracts';
import type { Deps } from '../../kernel/deps';
import type { HttpResult } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { renderPdf } from '../../kernel/pdf/render';
import { hiddenAttachments } from '../attachments/http';
import { loadReadableWithOrigin, templateOf } from '../submissions/use-cases';
import { submissionView } from '../submissions/views';
import { submissionDocument } from './submission-doc';

/** A PDF answer: the bytes base64-encoded, as API Gateway passes binary bodies (6 MB response limit). */
export const pdfResult = (bytes: Uint8Array, fileName: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': 'application/pdf',
    'cache-control': 'no-store',
    'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
  },
  body: Buffer.from(bytes).toString('base64'),
  isBase64Encoded: true,
});

/** The day in Vietnam (UTC+7) as YYYY-MM-DD: what the printed date line says. */
const vnToday = (now: Date): string => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export const documentRoutes = (d: Deps): RouteImpl[] => [
  userRoute(c.getSubmissionPdf, async ({ identity, params, now }) => {
    // Whoever may read the submission may print it, and sees in print exactly what the screen shows.
    const { submission: s, origin } = await loadReadableWithOrigin(d, identity, params.submissionId, now);
    const template = await templateOf(d, s);
    const view = submissionView(s, identity, now, template, origin);
    const [unit, campaign, attachments, hidden, author] = await Promise.all([
      d.units.get(s.tenantId, s.unitId),
      d.campaigns.get(s.tenantId, s.campaignId),
      d.attachments.list(s.tenantId, s.id),
      hiddenAttachments(d, identity, s),
      s.submittedBy ? d.users.get(s.tenantId, s.submittedBy) : Promise.resolve(undefined),
    ]);
    const parent = unit?.parentId ? await d.units.get(s.tenantId, unit.parentId) : undefined;
    const model = submissionDocument({
      data: view.data,
      redacted: view.redacted ?? [],
      template,
      campaignTitle: campaign?.title ?? s.campaignId,
      period: s.period,
      state: s.state,
      unitName: s.unitName,
      ...(parent ? { parentName: parent.name } : {}),
      attachments: attachments.filter((a) => a.status === 'ready' && !hidden.has(a.id)),
      preparedBy: author?.name ?? '',
      printedOn: vnToday(now),
      submissionId: s.id,
      version: s.version,
    });
    const bytes = await renderPdf(model, { createdAt: now });
    return pdfResult(bytes, `bao-cao-${s.id}.pdf`);
  }),
];
