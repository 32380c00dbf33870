import * as z from 'zod';
import { Decision, Download, OcspFacts } from '../commendation';
import { Id } from '../common';
import { NomineeImportReport } from '../nominee-import/report';
import { DecisionParams, defineRoute } from './kernel';
import { SubmissionParams } from './submissions';

/**
 * The `documents` group: PDF generation (pdf-lib with an embedded font, ~1 MB of bundle) in a Lambda of
 * its own, so the other groups stay within their budgets and cold starts (docs/adr/0024).
 */

export const getSubmissionPdf = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}/pdf',
  group: 'documents',
  auth: 'user',
  operationId: 'getSubmissionPdf',
  summary: 'A submission as PDF for the paper archive (national header, figures, evidence with SHA-256)',
  params: SubmissionParams,
  response: {
    mediaType: 'application/pdf',
    description:
      'Bản in của báo cáo: quốc hiệu, đơn vị, biểu mẫu, kỳ báo cáo, số liệu (ô nhạy cảm bị ẩn với người không được xem), danh sách tệp minh chứng kèm mã SHA-256, khối chữ ký',
  },
  errors: [404],
});

export const getDecisionPdf = defineRoute({
  method: 'GET',
  path: '/commendations/decisions/{decisionId}/pdf',
  group: 'documents',
  auth: 'user',
  operationId: 'getDecisionPdf',
  summary: 'The decision as PDF (the file the signer signs), made once from the stored document',
  params: DecisionParams,
  response: Download,
  errors: [404],
});

export const getBatchPdf = defineRoute({
  method: 'GET',
  path: '/commendations/batches/{batchId}/pdf',
  group: 'documents',
  auth: 'user',
  operationId: 'getBatchPdf',
  summary: 'The tờ trình as PDF (same content and layout as its DOCX)',
  params: z.object({ batchId: Id }),
  response: Download,
  errors: [404],
});

export const getMinutesPdf = defineRoute({
  method: 'GET',
  path: '/commendations/sessions/{sessionId}/minutes/pdf',
  group: 'documents',
  auth: 'user',
  operationId: 'getMinutesPdf',
  summary: "The council session's biên bản as PDF (same content and layout as its DOCX)",
  params: z.object({ sessionId: Id }),
  response: Download,
  errors: [404],
});

/**
 * The DOCX and XLSX downloads of commendation documents. A transition stores a document's model; this
 * group renders the file from it on its first download and keeps it create-only, like the PDF, so the
 * bytes of a document never change and the commendations bundle carries no docx (docs/adr/0028).
 */
export const getBatchDocument = defineRoute({
  method: 'GET',
  path: '/commendations/batches/{batchId}/document',
  group: 'documents',
  auth: 'user',
  operationId: 'getBatchDocument',
  summary: 'Tải tờ trình (DOCX)',
  params: z.object({ batchId: Id }),
  response: Download,
  errors: [404],
});

export const getMinutesDocument = defineRoute({
  method: 'GET',
  path: '/commendations/sessions/{sessionId}/minutes',
  group: 'documents',
  auth: 'user',
  operationId: 'getMinutesDocument',
  summary: 'Tải biên bản (DOCX)',
  params: z.object({ sessionId: Id }),
  response: Download,
  errors: [404],
});

export const getDraftDecision = defineRoute({
  method: 'GET',
  path: '/commendations/sessions/{sessionId}/draft-decision',
  group: 'documents',
  auth: 'user',
  operationId: 'getDraftDecision',
  summary: 'Dự thảo quyết định (DOCX, chưa ký)',
  params: z.object({ sessionId: Id }),
  response: Download,
  errors: [404, 409, 422],
  description:
    'Dự thảo quyết định (DOCX, chưa ký, chưa lấy số) của phiên họp đã kiểm phiếu: đọc trước khi ký.',
});

export const getDecisionDocument = defineRoute({
  method: 'GET',
  path: '/commendations/decisions/{decisionId}/document',
  group: 'documents',
  auth: 'user',
  operationId: 'getDecisionDocument',
  summary: 'Tải quyết định (DOCX) hoặc danh sách (XLSX)',
  params: DecisionParams,
  query: z.object({ format: z.enum(['docx', 'xlsx']).default('docx') }),
  response: Download,
  errors: [404],
});

export const downloadPublicDecision = defineRoute({
  method: 'GET',
  path: '/public/{tenantId}/decisions/{decisionId}/document',
  group: 'documents',
  auth: 'public',
  operationId: 'downloadPublicDecision',
  summary: 'Tải quyết định (DOCX)',
  params: z.object({ tenantId: Id, decisionId: Id }),
  response: {
    mediaType: 'application/json',
    description: 'Chuyển hướng (303) tới liên kết tải tệp DOCX có thời hạn',
  },
  status: 303,
  errors: [404],
});

/** A signed PDF as uploaded, base64 (the API's 256 KB body limit: a signed decision of up to ~190 KB). */
export const SignedPdfBody = z.object({
  pdf: z
    .string()
    .min(8)
    .max(256 * 1024)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/u, 'Tệp PDF phải được mã hóa base64'),
});

export const SignatureCheck = z.object({
  signerName: z.string(),
  signerSubject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  signedAt: z.string(),
  /** The signing time is a verified RFC 3161 time-stamp's (not the signer's claim). */
  timestamped: z.boolean().optional(),
  ...OcspFacts,
  sha256: z.string(),
});

export const checkDecisionSignature = defineRoute({
  method: 'POST',
  path: '/commendations/decisions/{decisionId}/signature-check',
  group: 'documents',
  auth: 'user',
  operationId: 'checkDecisionSignature',
  summary:
    "Verify a signed PDF of the decision: PAdES signature, certificate valid at signing time, chain to the deployment's trusted roots, signed content = the generated PDF",
  params: DecisionParams,
  body: SignedPdfBody,
  response: SignatureCheck,
  errors: [403, 404, 422],
  description:
    'Từ chối (422) với mã: not_signed, malformed_signature, not_generated_document, modified_after_signing, tampered, bad_signature, signing_time_invalid, certificate_expired, certificate_revoked, timestamp_invalid, untrusted_root. Chỉ kiểm tra, không ghi gì.',
});

export const issueSignedDecision = defineRoute({
  method: 'POST',
  path: '/commendations/decisions/{decisionId}/signed-pdf',
  group: 'documents',
  auth: 'user',
  operationId: 'issueSignedDecision',
  summary: 'Upload the signed PDF of a numbered decision; verified, it issues the decision (ADR 0032)',
  params: DecisionParams,
  body: SignedPdfBody,
  response: Decision,
  errors: [403, 404, 409, 422],
  description: '422: mã như signature-check, không ghi gì. 409: already_issued, not_digital.',
});

export const signDecisionOnServer = defineRoute({
  method: 'POST',
  path: '/commendations/decisions/{decisionId}/server-signature',
  group: 'documents',
  auth: 'user',
  operationId: 'signDecisionOnServer',
  summary: "Sign a numbered decision with the deployment's key (AWS KMS) and issue it (its signer only)",
  params: DecisionParams,
  response: Decision,
  errors: [403, 404, 409, 422],
  description: '409 no_server_signer: triển khai không có khóa ký.',
});

export const downloadSignedDecision = defineRoute({
  method: 'GET',
  path: '/public/{tenantId}/decisions/{decisionId}/signed-pdf',
  group: 'documents',
  auth: 'public',
  operationId: 'downloadSignedDecision',
  summary: 'Tải quyết định có chữ ký số (PDF)',
  params: z.object({ tenantId: Id, decisionId: Id }),
  response: {
    mediaType: 'application/json',
    description: 'Chuyển hướng (303) tới tệp PDF có chữ ký số (đúng từng byte đã tải lên)',
  },
  status: 303,
  errors: [404],
});

const CertificatePdf = {
  mediaType: 'application/pdf',
  description:
    'Tệp PDF in lên phôi: mỗi trang một khổ phôi, mỗi trường ở đúng ô đã cấu hình (mm, cộng độ lệch máy in); in ở tỷ lệ 100 % ("Kích thước thực")',
} as const;

export const getDecisionCertificatesPdf = defineRoute({
  method: 'GET',
  path: '/commendations/decisions/{decisionId}/certificates/pdf',
  group: 'documents',
  auth: 'user',
  operationId: 'getDecisionCertificatesPdf',
  summary:
    'Certificates (bằng khen, giấy khen) of a signed decision as PDF on a pre-printed blank: one page per awardee',
  params: DecisionParams,
  query: z.object({ blankId: Id, nominationId: Id.optional() }),
  response: CertificatePdf,
  errors: [403, 404, 422],
});

export const getCertificateTestPrintPdf = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/certificate-blanks/{blankId}/test-print/pdf',
  group: 'documents',
  auth: 'user',
  operationId: 'getCertificateTestPrintPdf',
  summary: "A blank's test print as PDF: sample text in every box, the boxes, the paper's edge and mm rulers",
  params: z.object({ campaignId: Id, blankId: Id }),
  response: CertificatePdf,
  errors: [403, 404],
});

/**
 * The Excel import of a nominee list: here, not in `commendations`, because this group is the one that
 * processes uploaded files and has the bundle room (docs/adr/0033); it writes nomination drafts.
 */
export const importNominees = defineRoute({
  method: 'POST',
  path: '/commendations/campaigns/{campaignId}/nominee-imports',
  group: 'documents',
  auth: 'user',
  operationId: 'importNominees',
  summary:
    "Import a nominee list (.xlsx, collective and individual) as nomination drafts of the caller's unit (or, for the province secretariat, of the unit it picks)",
  description:
    'Đọc và kiểm tra toàn bộ tệp trước khi ghi: `dryRun` chỉ trả báo cáo (dòng, cột, lỗi). Có lỗi: 422, chi tiết `rows.<dòng>.<cột>`, không ghi gì. Không lỗi: mỗi đối tượng một hồ sơ đề nghị (bản nháp) của đơn vị, ghi theo từng giao dịch cùng một bản ghi lần nhập; bắt buộc Idempotency-Key — gửi lại cùng khóa chỉ ghi một lần (tiếp tục nếu lần trước bị ngắt).',
  idempotencyPrecheck: true,
  params: z.object({ campaignId: Id }),
  body: z.object({
    /** The .xlsx file, base64 (the API's body limit: ~190 KB of workbook, thousands of rows). */
    file: z
      .string()
      .min(1)
      .max(256_000)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Tệp phải được mã hóa base64'),
    /** The nomination form's period when it has several (otherwise its only one). */
    period: z.string().min(1).max(32).optional(),
    /**
     * The unit whose list it is, when not the caller's own: the province secretariat imports on behalf
     * of a unit it picks (policy `import`; audited as its act for that unit).
     */
    unitId: Id.optional(),
    dryRun: z.boolean().default(false),
  }),
  response: NomineeImportReport,
  errors: [400, 403, 404, 422],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const documentContracts = {
  getSubmissionPdf,
  getDecisionPdf,
  getBatchPdf,
  getMinutesPdf,
  checkDecisionSignature,
  getDecisionCertificatesPdf,
  getCertificateTestPrintPdf,
  importNominees,
  issueSignedDecision,
  signDecisionOnServer,
  downloadSignedDecision,
  getBatchDocument,
  getMinutesDocument,
  getDraftDecision,
  getDecisionDocument,
  downloadPublicDecision,
};
