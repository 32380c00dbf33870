import * as z from 'zod';
import { ImportIssue } from '../admin/issue';
import { NomineeGender, NomineeKind } from '../commendation/award-types';

/**
 * The schemas of the nominee import's answer, apart from the reader and checks (./index.ts): the route's
 * contract needs them, and contracts are in every bundle; the checks are only in the one that imports.
 */
/** A problem of the file: row as the program shows it, the column's header ('' for a row or the file). */
export const NomineeImportIssue = ImportIssue;
export type NomineeImportIssue = z.infer<typeof NomineeImportIssue>;

export const NomineeImportRow = z.object({
  row: z.number().int().min(1),
  kind: NomineeKind,
  name: z.string().min(1).max(200),
  gender: NomineeGender.optional(),
  birthDate: z.string().optional(),
  position: z.string().max(200),
  unitId: z.string(),
  unitName: z.string(),
  awardTypeId: z.string(),
  awardTypeName: z.string(),
  achievement: z.string().max(4000),
});
export type NomineeImportRow = z.infer<typeof NomineeImportRow>;

/** A row as it will be imported (what the report shows before anyone confirms). */
export const NomineeImportLine = NomineeImportRow.pick({
  row: true,
  kind: true,
  name: true,
  unitName: true,
  awardTypeName: true,
});

export const NomineeImportReport = z.object({
  rowCount: z.number().int().min(0),
  issues: z.array(NomineeImportIssue),
  lines: z.array(NomineeImportLine),
  written: z.boolean(),
  importId: z.string().nullable(),
  /** The nomination drafts created (in row order), once written. */
  nominationIds: z.array(z.string()),
});
export type NomineeImportReport = z.infer<typeof NomineeImportReport>;
