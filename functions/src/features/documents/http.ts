import { documentContracts as c } from '@thidua/shared/contracts';
import { requireAllowed } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { NotFound, RuleViolation } from '../../kernel/http/errors';
import type { HttpResult } from '../../kernel/http/response';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { renderCertificatesPdf } from '../../kernel/pdf/certificate';
import { certificatesFromPem } from '../../kernel/pdf/cms';
import type { DocModel } from '../../kernel/pdf/model';
import { verifySignedPdf } from '../../kernel/pdf/pades-verify';
import { PDF_TYPE, renderPdf } from '../../kernel/pdf/render';
import { hiddenAttachments } from '../attachments/http';
import { loadBatch } from '../commendations/batches';
import { type CertificatePrint, decisionCertificates, testPrint } from '../commendations/certificates';
import type { CommendationDeps } from '../commendations/context';
import { provinceResource } from '../commendations/context';
import { loadSession } from '../commendations/council';
import { loadDecision } from '../commendations/decisions-read';
import { modelKeyOf } from '../commendations/documents-store';
import { nomineeImportRoutes } from '../commendations/nominee-import';
import { loadReadableWithOrigin, templateOf } from '../submissions/use-cases';
import { submissionView } from '../submissions/views';
import { submissionDocument } from './submission-doc';

/** The commendation loaders (who may print a decision, a tờ trình, minutes) and a submission's files. */
type DocumentDeps = CommendationDeps & Pick<Deps, 'attachments' | 'files'>;

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

/**
 * The deployment's trusted roots for digital signatures (e.g. the Government CA): a PEM bundle stored in
 * the bucket at this key by the operator (docs/deploy.md), read once per instance for five minutes.
 */
export const SIGNING_ROOTS_KEY = 'config/signing-roots.pem';
const ROOTS_TTL_MS = 5 * 60_000;
const rootsCache = new WeakMap<object, { at: number; pem: string }>();
const trustedRoots = async (d: DocumentDeps, now: Date) => {
  const cached = rootsCache.get(d);
  if (cached && now.getTime() - cached.at < ROOTS_TTL_MS) return certificatesFromPem(cached.pem);
  const pem = new TextDecoder().decode((await d.documents.get(SIGNING_ROOTS_KEY))?.bytes ?? new Uint8Array());
  rootsCache.set(d, { at: now.getTime(), pem });
  return certificatesFromPem(pem);
};

const fileSafe = (s: string): string => s.replace(/[/\\]/g, '-');

/**
 * A commendation document's PDF, made once from the model stored beside its DOCX and kept (a conditional
 * write: racing first readers keep one file): what a signer downloads is the very file the verifier
 * compares with.
 */
const storedPdf = async (d: DocumentDeps, docxKey: string, now: Date) => {
  const key = docxKey.replace(/\.docx$/u, '.pdf');
  const stored = await d.documents.get(key);
  if (stored) return { key, ...stored };
  const model = await d.documents.get(modelKeyOf(docxKey));
  if (!model) throw new NotFound('Văn bản này được tạo trước khi có bản PDF; hãy dùng bản DOCX');
  const bytes = await renderPdf(JSON.parse(new TextDecoder().decode(model.bytes)) as DocModel, {
    createdAt: now,
  });
  await d.documents.putOnce(key, bytes, PDF_TYPE);
  const kept = await d.documents.get(key);
  if (!kept) throw new Error(`${key} vanished after writing`);
  return { key, ...kept };
};

const pdfDownload = async (d: DocumentDeps, docxKey: string | null, fileName: string, now: Date) => {
  if (!docxKey) throw new NotFound('Chưa có văn bản');
  const { key } = await storedPdf(d, docxKey, now);
  return ok({ url: await d.documents.downloadUrl(key, fileName), fileName });
};

const certificatesPdf = async (p: CertificatePrint, fileName: string, now: Date) =>
  pdfResult(await renderCertificatesPdf(p.blank, p.pages, { ...p, createdAt: now }), fileName);

export const documentRoutes = (d: DocumentDeps): RouteImpl[] => [
  ...nomineeImportRoutes(d),
  userRoute(c.getDecisionCertificatesPdf, async ({ identity, params, query, now }) =>
    certificatesPdf(
      await decisionCertificates(d, identity, params.decisionId, query.blankId, query.nominationId),
      `bang-khen-${params.decisionId}.pdf`,
      now,
    ),
  ),
  userRoute(c.getCertificateTestPrintPdf, async ({ identity, params, now }) =>
    certificatesPdf(
      await testPrint(d, identity, params.campaignId, params.blankId),
      `in-thu-${params.blankId}.pdf`,
      now,
    ),
  ),
  userRoute(c.getDecisionPdf, async ({ identity, params, now }) => {
    const x = await loadDecision(d, identity, identity.tenantId, params.decisionId);
    return pdfDownload(d, x.documentKey, `Quyet-dinh-${fileSafe(x.numberText)}.pdf`, now);
  }),
  userRoute(c.getBatchPdf, async ({ identity, params, now }) => {
    const b = await loadBatch(d, identity, params.batchId);
    return pdfDownload(d, b.documentKey, `To-trinh-${fileSafe(b.unitName)}.pdf`, now);
  }),
  userRoute(c.getMinutesPdf, async ({ identity, params, now }) => {
    const s = await loadSession(d, identity, params.sessionId);
    return pdfDownload(d, s.minutesKey, `Bien-ban-${fileSafe(s.minutesNumber ?? s.id)}.pdf`, now);
  }),

  userRoute(c.checkDecisionSignature, async ({ identity, params, body, now }) => {
    const x = await loadDecision(d, identity, identity.tenantId, params.decisionId);
    // Who may sign a decision may check a signed copy of it.
    requireAllowed(identity, 'act', await provinceResource(d, identity.tenantId, 'decision'));
    const generated = await storedPdf(d, x.documentKey, now);
    const v = await verifySignedPdf({
      signed: new Uint8Array(Buffer.from(body.pdf, 'base64')),
      generated: generated.bytes,
      generatedAt: generated.lastModified,
      trustedRoots: await trustedRoots(d, now),
      now,
    });
    if (!v.ok) throw new RuleViolation(v.message, [{ path: 'body.pdf', message: v.message }], v.code);
    return ok(v.facts);
  }),

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
