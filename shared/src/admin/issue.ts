import * as z from 'zod';

/**
 * One problem of an imported spreadsheet, as every Excel import reports it (units and users, nominee
 * lists): its own module so a reader of the schema does not bring the import's columns along.
 */
export const ImportIssue = z.object({
  /** The spreadsheet's row number (the header is row 1). */
  row: z.number().int().min(1),
  /** The column's header, or '' for the whole row / file. */
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;
