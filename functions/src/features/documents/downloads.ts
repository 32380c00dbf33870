import { documentContracts as c } from '@thidua/shared/contracts';
import { NotFound } from '../../kernel/http/errors';
import { ok, redirect } from '../../kernel/http/response';
import { publicRoute, type RouteImpl, userRoute } from '../../kernel/http/route';
import type { DocModel } from '../../kernel/pdf/model';
import { loadBatch } from '../commendations/batches';
import type { CommendationDeps } from '../commendations/context';
import { loadSession } from '../commendations/council';
import { draftDecision } from '../commendations/decisions';
import { loadDecision } from '../commendations/decisions-read';
import { awardeesXlsx } from '../commendations/documents/awardees-xlsx';
import { DOCX_TYPE, type DocumentStore, modelKeyOf, XLSX_TYPE } from '../commendations/documents-store';

/** The model a commendation transition stored for the document whose DOCX goes under `docxKey`. */
export const storedModel = async (
  store: DocumentStore,
  docxKey: string,
  missing: string,
): Promise<DocModel> => {
  const model = await store.get(modelKeyOf(docxKey));
  if (!model) throw new NotFound(missing);
  return JSON.parse(new TextDecoder().decode(model.bytes)) as DocModel;
};

/**
 * A file made on its first download and kept: a conditional write, so racing first readers keep one file
 * and the bytes a reader gets never change (docx and the XLSX writer stamp the time they ran). A DOCX
 * written by a transition before this group rendered them (ADR 0028) is simply there.
 */
const keptOnce = async (
  store: DocumentStore,
  key: string,
  contentType: string,
  make: () => Promise<Uint8Array>,
): Promise<void> => {
  if (!(await store.exists(key))) await store.putOnce(key, await make(), contentType);
};

const fileSafe = (s: string): string => s.replace(/[/\\]/g, '-');

/** docx (~230 KB) is evaluated on the first DOCX made, not at this group's cold start (PDF routes). */
const toDocx = async (model: DocModel): Promise<Uint8Array> =>
  (await import('../commendations/documents/docx-render')).toDocx(model);

/** A presigned GET of a commendation document's DOCX, rendered from its stored model the first time. */
const docxUrl = async (d: CommendationDeps, docxKey: string | null, fileName: string): Promise<string> => {
  if (!docxKey) throw new NotFound('Chưa có văn bản');
  await keptOnce(d.documents, docxKey, DOCX_TYPE, async () =>
    toDocx(await storedModel(d.documents, docxKey, 'Không tìm thấy văn bản')),
  );
  return d.documents.downloadUrl(docxKey, fileName);
};

const download = (url: string, fileName: string) => ok({ url, fileName });

/**
 * The DOCX and XLSX downloads of commendation documents. The commendations group stores each document's
 * model when it writes a tờ trình, a biên bản or a decision; the files are made here, where the document
 * engines already live, so the commendations bundle carries no docx (docs/adr/0028).
 */
export const officeDownloadRoutes = (d: CommendationDeps): RouteImpl[] => [
  userRoute(c.getBatchDocument, async ({ params, identity }) => {
    const b = await loadBatch(d, identity, params.batchId);
    const fileName = `To-trinh-${fileSafe(b.unitName)}.docx`;
    return download(await docxUrl(d, b.documentKey, fileName), fileName);
  }),
  userRoute(c.getMinutesDocument, async ({ params, identity }) => {
    const s = await loadSession(d, identity, params.sessionId);
    const fileName = `Bien-ban-${fileSafe(s.minutesNumber ?? s.id)}.docx`;
    return download(await docxUrl(d, s.minutesKey, fileName), fileName);
  }),
  userRoute(c.getDraftDecision, async ({ params, identity, now }) => {
    const s = await loadSession(d, identity, params.sessionId);
    // A draft is made on every request (today's date, the entries as they stand): it replaces the last one.
    const draft = await draftDecision(d, identity.tenantId, s, now);
    await d.documents.put(draft.key, await toDocx(draft.model), DOCX_TYPE);
    const fileName = `Du-thao-quyet-dinh-${fileSafe(s.id)}.docx`;
    return download(await d.documents.downloadUrl(draft.key, fileName), fileName);
  }),
  userRoute(c.getDecisionDocument, async ({ params, query, identity }) => {
    const x = await loadDecision(d, identity, identity.tenantId, params.decisionId);
    if (query.format === 'docx') {
      const fileName = `Quyet-dinh-${fileSafe(x.numberText)}.docx`;
      return download(await docxUrl(d, x.documentKey, fileName), fileName);
    }
    // The awardees' list is the decision's own lines: made from the decision item, once.
    await keptOnce(d.documents, x.xlsxKey, XLSX_TYPE, async () => awardeesXlsx(x));
    const fileName = `Danh-sach-${fileSafe(x.numberText)}.xlsx`;
    return download(await d.documents.downloadUrl(x.xlsxKey, fileName), fileName);
  }),
  publicRoute(c.downloadPublicDecision, async ({ params }) => {
    const x = await loadDecision(d, null, params.tenantId, params.decisionId);
    return redirect(await docxUrl(d, x.documentKey, `Quyet-dinh-${fileSafe(x.numberText)}.docx`));
  }),
];
