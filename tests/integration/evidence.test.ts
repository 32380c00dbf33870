import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  concat,
  docx,
  pdfWithXref,
  peExecutable,
  polyglots,
} from '@thidua/functions/features/attachments/evidence-samples';
import { createAttachmentRepository } from '@thidua/functions/features/attachments/repository';
import { recordScanResult } from '@thidua/functions/features/attachments/scan';
import { evidenceKey } from '@thidua/functions/features/attachments/storage';
import { attachmentEntity } from '@thidua/functions/kernel/data/keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DEMO_TENANT, emulatorClients } from '../support/platform';
import {
  type ApiWorld,
  act,
  asSubmission,
  createReport,
  expectStatus,
  type SubmissionBody,
  startApiWorld,
  uploadWithPresignedPost,
  validReport,
} from './api-world';

/**
 * Issue 12, finding 1: evidence could be swapped after confirm (the presigned POST stayed valid and
 * wrote the key that was served), polyglots passed the magic-byte check, and the audit check hashed the
 * reference, not the bytes. Each attack is replayed here against the local platform.
 */
let w: ApiWorld;
let clients: ReturnType<typeof emulatorClients>;
beforeAll(async () => {
  w = await startApiWorld();
  clients = emulatorClients(w.platform);
});
afterAll(async () => {
  clients?.destroy();
  await w?.stop();
});

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const errorOf = (b: Record<string, unknown>) => b.error as { code: string; message: string };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Upload {
  url: string;
  fields: Record<string, string>;
}
interface AttachmentBody {
  id: string;
  status: string;
  sha256: string | null;
  scanState: string;
}

/** Starts an upload, posts `bytes`, confirms; returns the confirm answer and the upload grant. */
const attach = async (
  who: Api,
  s: SubmissionBody,
  bytes: Uint8Array,
  contentType: string,
  fileName = 'minh-chung.pdf',
) => {
  const started = expectStatus(
    await who.post(`/submissions/${s.id}/attachments`, { fileName, contentType, size: bytes.byteLength }),
    201,
  );
  const attachment = started.attachment as AttachmentBody;
  const upload = started.upload as Upload;
  expect(await uploadWithPresignedPost(upload, bytes, contentType)).toBeLessThan(300);
  const confirm = await who.post(`/submissions/${s.id}/attachments/${attachment.id}/confirm`);
  return { attachment, upload, confirm };
};

const download = async (who: Api, s: SubmissionBody, attachmentId: string): Promise<Uint8Array> => {
  const link = expectStatus(await who.get(`/submissions/${s.id}/attachments/${attachmentId}/download`), 200);
  const file = await fetch(String(link.url));
  expect(file.status).toBe(200);
  return new Uint8Array(await file.arrayBuffer());
};

const withFile = (attachmentId: string) => ({
  ...validReport(),
  evidence: { files: [{ attachmentId, name: 'x.pdf', size: 1, contentType: PDF }] },
});

describe('evidence cannot be swapped after confirm', () => {
  let s: SubmissionBody;
  let attachmentId: string;
  let upload: Upload;
  const pdf = pdfWithXref();

  it('a checked PDF is stored with its SHA-256, which enters the audit chain', async () => {
    s = await createReport(w.as.departmentSubmitter, '2026-Q3');
    const r = await attach(w.as.departmentSubmitter, s, pdf, PDF);
    const confirmed = expectStatus(r.confirm, 200) as unknown as AttachmentBody;
    attachmentId = r.attachment.id;
    upload = r.upload;
    expect(confirmed).toMatchObject({ status: 'ready', sha256: sha256(pdf), scanState: 'not_scanned' });
    expect(JSON.stringify(confirmed)).not.toMatch(/objectKey|storedKey|upload\//);
    const history = expectStatus(await w.as.departmentSubmitter.get(`/submissions/${s.id}/history`), 200);
    const events = history.events as { action: string; attachment?: { id: string; sha256: string } }[];
    expect(events.map((e) => e.action)).toEqual(['create', 'attach']);
    expect(events[1]?.attachment).toMatchObject({ id: attachmentId, sha256: sha256(pdf) });
  });

  it('re-sending the presigned POST after the province approved does not change the served bytes', async () => {
    // Confirm does not change the submission's version: the draft the browser holds is still current.
    const saved = expectStatus(
      await w.as.departmentSubmitter.put(`/submissions/${s.id}`, {
        data: withFile(attachmentId),
        expectedVersion: s.version,
      }),
      200,
    );
    s = asSubmission(saved);
    s = await act(w.as.departmentSubmitter, s, { type: 'submit' });
    s = await act(w.as.provinceReviewer, s, { type: 'approve' });
    expect(s.state).toBe('approved');

    // The attack: the same grant, within its 10 minutes, with an executable of the same size.
    const evil = concat(peExecutable(), new Uint8Array(pdf.byteLength - peExecutable().byteLength));
    await uploadWithPresignedPost(upload, evil, PDF);
    expect(await download(w.as.provinceReviewer, s, attachmentId)).toEqual(pdf);
    // Confirming again changes nothing either.
    const again = expectStatus(
      await w.as.departmentSubmitter.post(`/submissions/${s.id}/attachments/${attachmentId}/confirm`),
      200,
    );
    expect(again.sha256).toBe(sha256(pdf));
    expect(await download(w.as.provinceReviewer, s, attachmentId)).toEqual(pdf);
    const audit = expectStatus(await w.as.secretariat.get(`/submissions/${s.id}/audit`), 200);
    expect(audit).toMatchObject({ valid: true, problems: [] });
  });

  it('the audit check catches a changed stored hash and bytes replaced directly in the bucket', async () => {
    const doc = DynamoDBDocumentClient.from(clients.dynamo);
    const key = attachmentEntity.key({ tenantId: DEMO_TENANT, submissionId: s.id, id: attachmentId });
    await doc.send(
      new UpdateCommand({
        TableName: w.platform.tableName,
        Key: key,
        UpdateExpression: 'SET sha256 = :forged',
        ExpressionAttributeValues: { ':forged': 'f'.repeat(64) },
      }),
    );
    const forged = expectStatus(await w.as.secretariat.get(`/submissions/${s.id}/audit`), 200);
    expect(forged.valid).toBe(false);
    expect(JSON.stringify(forged.problems)).toContain('Mã băm của tệp');
    await doc.send(
      new UpdateCommand({
        TableName: w.platform.tableName,
        Key: key,
        UpdateExpression: 'SET sha256 = :real',
        ExpressionAttributeValues: { ':real': sha256(pdf) },
      }),
    );
    expect(expectStatus(await w.as.secretariat.get(`/submissions/${s.id}/audit`), 200).valid).toBe(true);

    // Someone with bucket access replaces the stored object itself.
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: w.platform.bucketName,
        Key: evidenceKey({ tenantId: DEMO_TENANT, submissionId: s.id, attachmentId }),
        Body: concat(pdf, '% changed\n'),
      }),
    );
    const replaced = expectStatus(await w.as.secretariat.get(`/submissions/${s.id}/audit`), 200);
    expect(replaced.valid).toBe(false);
    expect(JSON.stringify(replaced.problems)).toContain('đã bị thay đổi sau khi xác nhận');
  });
});

describe('polyglots and executables are refused at confirm', () => {
  let s: SubmissionBody;
  beforeAll(async () => {
    s = await createReport(w.as.departmentSubmitter, '2026-Q4');
  });

  const cases: [string, () => Uint8Array, string, string][] = [
    ['%PDF- followed by an executable', polyglots.pdfThenExe, PDF, 'executable'],
    ['a PDF with an executable after %%EOF', polyglots.pdfWithTail, PDF, 'executable'],
    ['PK\\x03\\x04 + MZ + word/document.xml', polyglots.zipHeaderExe, DOCX, 'executable'],
    ['a DOCX with an executable appended', polyglots.docxWithTail, DOCX, 'executable'],
    ['a DOCX with a macro project', polyglots.docxWithMacros, DOCX, 'office_macros'],
    ['a ZIP without [Content_Types].xml', polyglots.zipWithoutContentTypes, DOCX, 'not_office'],
    ['a PNG with an executable after IEND', polyglots.pngWithTail, 'image/png', 'executable'],
  ];
  for (const [name, bytes, type, code] of cases) {
    it(`refuses ${name} (422 ${code}); nothing can be downloaded or referenced`, async () => {
      const r = await attach(w.as.departmentSubmitter, s, bytes(), type, 'tep');
      expect(errorOf(expectStatus(r.confirm, 422)).code).toBe(code);
      expect(
        (await w.as.departmentSubmitter.get(`/submissions/${s.id}/attachments/${r.attachment.id}/download`))
          .status,
      ).toBe(409);
    });
  }

  it('a real DOCX passes', async () => {
    const file = docx();
    const r = await attach(w.as.departmentSubmitter, s, file, DOCX, 'Báo cáo.docx');
    expect(expectStatus(r.confirm, 200)).toMatchObject({ status: 'ready', sha256: sha256(file) });
  });
});

describe('malware scan verdicts (GuardDuty Malware Protection for S3 events)', () => {
  const scanEvent = (objectKey: string, status: string, bucketName = w.platform.bucketName) => ({
    'detail-type': 'GuardDuty Malware Protection Object Scan Result',
    source: 'aws.guardduty',
    detail: {
      scanStatus: 'COMPLETED',
      resourceType: 'S3_OBJECT',
      s3ObjectDetails: { bucketName, objectKey, eTag: 'x', versionId: null },
      scanResultDetails: { scanResultStatus: status, threats: null },
    },
  });

  it('records clean and infected on the attachment; an infected file is neither served nor usable', async () => {
    const repo = createAttachmentRepository({
      table: w.platform.tableName,
      client: DynamoDBDocumentClient.from(clients.dynamo),
    });
    let s = await createReport(w.as.departmentSubmitter, '2026-H1');
    const r = await attach(w.as.departmentSubmitter, s, pdfWithXref(), PDF);
    expectStatus(r.confirm, 200);
    const ref = { tenantId: DEMO_TENANT, submissionId: s.id, attachmentId: r.attachment.id };
    const bucket = w.platform.bucketName;

    // EventBridge invokes the attachments function itself (infra/src/malware.ts): the same entry as the API.
    const { handler } = await import('@thidua/functions/handlers/attachments');
    expect(await handler(scanEvent(evidenceKey(ref), 'NO_THREATS_FOUND'))).toEqual({
      recorded: true,
      verdict: 'clean',
    });
    const listed = expectStatus(await w.as.departmentSubmitter.get(`/submissions/${s.id}/attachments`), 200);
    expect((listed.items as AttachmentBody[])[0]?.scanState).toBe('clean');

    // Verdicts on anything else change nothing: the upload key, another bucket, a failed scan.
    const upload = `upload/${DEMO_TENANT}/submissions/${s.id}/${r.attachment.id}`;
    expect(await recordScanResult(repo, bucket, scanEvent(upload, 'THREATS_FOUND'))).toMatchObject({
      recorded: false,
    });
    expect(
      await recordScanResult(repo, bucket, scanEvent(evidenceKey(ref), 'THREATS_FOUND', 'other-bucket')),
    ).toMatchObject({ recorded: false, why: 'other_bucket' });
    expect(await recordScanResult(repo, bucket, scanEvent(evidenceKey(ref), 'FAILED'))).toMatchObject({
      recorded: false,
      why: 'no_verdict',
    });

    expect(await recordScanResult(repo, bucket, scanEvent(evidenceKey(ref), 'THREATS_FOUND'))).toEqual({
      recorded: true,
      verdict: 'infected',
    });
    const download = expectStatus(
      await w.as.departmentSubmitter.get(`/submissions/${s.id}/attachments/${r.attachment.id}/download`),
      409,
    );
    expect(errorOf(download).code).toBe('infected');
    const refused = expectStatus(
      await w.as.departmentSubmitter.put(`/submissions/${s.id}`, {
        data: withFile(r.attachment.id),
        expectedVersion: s.version,
      }),
      422,
    );
    expect(JSON.stringify(refused)).toContain('nhiễm mã độc');
    s = asSubmission(expectStatus(await w.as.departmentSubmitter.get(`/submissions/${s.id}`), 200));
    expect(s.version).toBe(1);
  });
});
