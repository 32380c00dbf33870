/**
 * Validation limits shared by the server validator and the browser form: one place, so that what the
 * browser accepts the server accepts too.
 */
export const FORM_LIMITS = {
  keyMaxLength: 48,
  labelMaxLength: 300,
  helpMaxLength: 2000,
  textMaxLength: 500,
  longTextMaxLength: 20_000,
  /** Integers stay well inside the safe range and DynamoDB's number precision. */
  integerMin: -1_000_000_000,
  integerMax: 1_000_000_000,
  decimalMaxAbs: 1_000_000_000_000,
  decimalMaxScale: 4,
  optionsMax: 200,
  multiSelectMaxItems: 100,
  tableMaxRows: 500,
  tableMaxColumns: 30,
  filesMaxPerField: 20,
  attachmentMaxBytes: 20 * 1024 * 1024,
  attachmentNameMaxLength: 200,
  fieldsMaxPerTemplate: 400,
  sectionsMaxPerTemplate: 40,
  scoreMaxPoints: 1000,
} as const;

/** Evidence file types accepted everywhere (checked again by magic bytes on the server). */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** File extensions for the accept attribute of a file input, by content type. */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentContentType, string>> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/**
 * Malware scan state of an evidence file: `not_scanned` where the deployment has no scanner, `pending`
 * until the scanner's verdict, then `clean` or `infected`. With a scanner only `clean` files count.
 */
export const ATTACHMENT_SCAN_STATES = ['not_scanned', 'pending', 'clean', 'infected'] as const;
export type AttachmentScanState = (typeof ATTACHMENT_SCAN_STATES)[number];
