import * as z from 'zod';
import type { Attachment, AttachmentRepository } from './repository';
import { parseEvidenceKey } from './storage';

/**
 * Malware scanning of evidence. GuardDuty Malware Protection for S3 scans every object written under the
 * protected prefix (`evidence/`) and publishes its result on EventBridge ("GuardDuty Malware Protection
 * Object Scan Result"); the infrastructure routes those events to `recordScanResult`. Without a scanner
 * (local platform, small deployments) attachments stay `not_scanned` and the UI says so.
 */

/** Whether an attachment may be used as evidence (referenced from form data, downloaded). */
export const attachmentCounts = (a: Attachment, scanning: boolean): boolean =>
  a.status === 'ready' && a.scanState !== 'infected' && (!scanning || a.scanState === 'clean');

/** The scan state a freshly confirmed attachment starts in. */
export const initialScanState = (scanning: boolean): Attachment['scanState'] =>
  scanning ? 'pending' : 'not_scanned';

/**
 * The fields of the EventBridge event this code relies on (detail-type "GuardDuty Malware Protection
 * Object Scan Result"; see the GuardDuty user guide, "Monitoring S3 object scans with Amazon EventBridge").
 */
export const GuardDutyScanResult = z.object({
  'detail-type': z.literal('GuardDuty Malware Protection Object Scan Result'),
  detail: z.object({
    scanStatus: z.string(),
    s3ObjectDetails: z.object({ bucketName: z.string(), objectKey: z.string() }),
    scanResultDetails: z.object({
      scanResultStatus: z.enum([
        'NO_THREATS_FOUND',
        'THREATS_FOUND',
        'UNSUPPORTED',
        'ACCESS_DENIED',
        'FAILED',
      ]),
    }),
  }),
});
export type GuardDutyScanResult = z.infer<typeof GuardDutyScanResult>;

/** An EventBridge event from GuardDuty (an API Gateway event has `requestContext` and no `source`). */
export const isScanResultEvent = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && (event as { source?: unknown }).source === 'aws.guardduty';

export type ScanOutcome =
  | { recorded: true; verdict: 'clean' | 'infected' }
  | { recorded: false; why: 'not_evidence' | 'other_bucket' | 'no_verdict' | 'no_attachment' };

/**
 * Records one scan result on its attachment. Only NO_THREATS_FOUND makes a file clean; THREATS_FOUND makes
 * it infected; a scan that could not run (UNSUPPORTED, ACCESS_DENIED, FAILED) leaves it pending, so with
 * a scanner configured the file never counts until someone looks (the alarm is the infrastructure's).
 */
export const recordScanResult = async (
  attachments: Pick<AttachmentRepository, 'recordScan'>,
  bucket: string,
  event: unknown,
): Promise<ScanOutcome> => {
  const e = GuardDutyScanResult.parse(event).detail;
  if (e.s3ObjectDetails.bucketName !== bucket) return { recorded: false, why: 'other_bucket' };
  const ref = parseEvidenceKey(e.s3ObjectDetails.objectKey);
  if (!ref) return { recorded: false, why: 'not_evidence' };
  const status = e.scanResultDetails.scanResultStatus;
  if (status !== 'NO_THREATS_FOUND' && status !== 'THREATS_FOUND')
    return { recorded: false, why: 'no_verdict' };
  const verdict = status === 'THREATS_FOUND' ? 'infected' : 'clean';
  const stored = await attachments.recordScan({ ...ref, storedKey: e.s3ObjectDetails.objectKey }, verdict);
  return stored ? { recorded: true, verdict } : { recorded: false, why: 'no_attachment' };
};
