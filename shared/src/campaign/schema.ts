import * as z from 'zod';
import { CalendarDate, Id, Instant, TenantId } from '../common';
import { ChainConfig } from '../org/chain';
import { UnitKind } from '../org/schema';
import { Period } from '../workflow/types';

export const CampaignKind = z.enum(['regular', 'thematic']);
export type CampaignKind = z.infer<typeof CampaignKind>;

export const CampaignStatus = z.enum(['draft', 'active', 'closed']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** One of the emulation contents (nội dung thi đua) units work on and report against. */
export const CampaignContent = z.object({
  no: z.number().int().min(1).max(50),
  /** A short title for lists and form sections. */
  title: z.string().min(1).max(300),
  /** The text of the plan, verbatim. */
  text: z.string().min(1).max(5000),
});
export type CampaignContent = z.infer<typeof CampaignContent>;

/**
 * When units may enter data for a form and period. `period: null` applies to every period of the form.
 * `closesAt` is exclusive.
 */
export const EntryWindow = z.object({
  period: Period.nullable(),
  opensAt: Instant,
  closesAt: Instant,
});
export type EntryWindow = z.infer<typeof EntryWindow>;

/** A per-unit exception to a closed window (DHIS2's lock exception): the unit may enter data until `closesAt`. */
export const LockException = z.object({
  unitId: Id,
  period: Period.nullable(),
  closesAt: Instant,
  reason: z.string().max(500).default(''),
});
export type LockException = z.infer<typeof LockException>;

/**
 * A deadline of one stage: the author's submission (`submit`), the unit head's sign-off, or the review at
 * levels of a kind (`review` with `reviewerKind`; without it, every level). A deadline marks a submission
 * overdue (`dueAt`); what stops late entry is the window.
 */
export const DeadlineStage = z.enum(['submit', 'sign_off', 'review']);
export type DeadlineStage = z.infer<typeof DeadlineStage>;
export const Deadline = z.object({
  period: Period.nullable(),
  stage: DeadlineStage,
  reviewerKind: UnitKind.optional(),
  dueAt: Instant,
});
export type Deadline = z.infer<typeof Deadline>;

/** Which form units file in the campaign, on which template, for which periods and until when. */
export const FormAssignment = z.object({
  /** The form kind key within the campaign: `registration`, `periodic_report`, ... */
  formKey: Id,
  templateId: Id,
  /** The template version new drafts are created on; drafts already created keep theirs. */
  templateVersion: z.number().int().min(1),
  periods: z.array(Period).min(1),
  /**
   * The reporting cut-off day of each month (số liệu tính đến ngày …): figures from the day after the
   * cut-off in the month before to the cut-off day (`periodRange`). Absent: calendar months.
   */
  cutOffDay: z.number().int().min(1).max(31).optional(),
  /** Kinds of units that file this form (empty: every participating unit). */
  unitKinds: z.array(UnitKind).default([]),
  deadlines: z.array(Deadline).default([]),
  entryWindows: z.array(EntryWindow).default([]),
  lockExceptions: z.array(LockException).default([]),
});
export type FormAssignment = z.infer<typeof FormAssignment>;

export const Participants = z.object({
  /** Every unit of these kinds takes part... */
  unitKinds: z.array(UnitKind).default([]),
  /** ...plus these units... */
  unitIds: z.array(Id).default([]),
  /** ...except these. */
  excludedUnitIds: z.array(Id).default([]),
});
export type Participants = z.infer<typeof Participants>;

export const Campaign = z.object({
  tenantId: TenantId,
  id: Id,
  /** Number and symbol of the launching plan: `38/KH-UBND`. */
  number: z.string().min(1).max(50),
  /** Date the plan was signed. */
  issuedOn: CalendarDate,
  year: z.number().int().min(2000).max(2100),
  title: z.string().min(1).max(500),
  kind: CampaignKind,
  /** Who issued the plan (the signer's body). */
  issuer: z.string().max(300).default(''),
  /** Who signed it, with the title. */
  signer: z.string().max(300).default(''),
  /** "Căn cứ ..." lines. */
  legalBasis: z.array(z.string().min(1).max(1000)).default([]),
  contents: z.array(CampaignContent).min(1),
  participants: Participants,
  periods: z.array(Period).min(1),
  forms: z.array(FormAssignment).min(1),
  /** Award types offered (defined in `commendation/`). */
  awardTypeIds: z.array(Id).default([]),
  /** Approval chains, effective-dated; the one in force when a draft is created is snapshotted into it. */
  chainConfigs: z.array(ChainConfig).min(1),
  /** Submissions wait for the author unit's head to sign off before they leave the unit. */
  requireUnitSignOff: z.boolean().default(false),
  status: CampaignStatus.default('active'),
  /**
   * When units that have not filed are reminded (issue 16): days before the submission deadline, then
   * escalation days after it (unit head, then the reviewing level). Absent: 3 and 1 days, then 2 and 5
   * (`defaultReminderPolicy` in shared/src/notifications, which also checks the order).
   */
  reminders: z
    .object({
      daysBefore: z.array(z.number().int().min(1).max(60)).max(5),
      escalateAfterDays: z.tuple([z.number().int().min(1).max(60), z.number().int().min(1).max(90)]),
    })
    .optional(),
});
export type Campaign = z.infer<typeof Campaign>;
export type CampaignInput = z.input<typeof Campaign>;
