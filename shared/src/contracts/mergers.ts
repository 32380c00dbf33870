import * as z from 'zod';
import { AuditEvent, SubmissionSummary } from '../api';
import { CalendarDate, Id, Instant, TenantId } from '../common';
import { MergerConsent, MergerInput, TenantMerger } from '../tenancy/merger';
import { Submission } from '../workflow';
import { VerificationResponse } from './audit';
import { defineRoute } from './kernel';
import { UnitParams } from './org';

/**
 * Tenant mergers (ADR 0017): the absorbed province's administrator consents, the merged province's
 * administrator merges with a unit map, and the merged province reads the absorbed one's history where
 * its units now stand. Reads of history are read-only and say where each item came from.
 */

export const MergerConsentBody = z.object({
  successorTenantId: TenantId,
  effectiveFrom: CalendarDate,
});

export const LinkVerification = z.object({ valid: z.boolean(), problems: z.array(z.string()) });

/** Where an inherited item was filed: the absorbed province and unit, and the unit that carries it now. */
export const Origin = z.object({
  tenantId: TenantId,
  tenantName: z.string(),
  unitId: Id,
  unitName: z.string(),
  successorUnitId: Id,
  successorUnitName: z.string(),
  effectiveFrom: CalendarDate,
});
export type Origin = z.infer<typeof Origin>;

/** An award of the absorbed province (a line of one of its decisions) as the merged one reads it. */
export const InheritedAward = z.object({
  decisionId: Id,
  decisionNumber: z.string(),
  signedOn: CalendarDate,
  issuer: z.string(),
  awardTypeName: z.string(),
  nomineeKind: z.enum(['collective', 'individual']),
  nomineeName: z.string(),
  nomineeTitle: z.string(),
  campaignId: Id,
});
export type InheritedAward = z.infer<typeof InheritedAward>;

export const PredecessorHistory = z.object({
  origin: Origin,
  submissions: z.array(SubmissionSummary),
  awards: z.array(InheritedAward),
});
export type PredecessorHistory = z.infer<typeof PredecessorHistory>;

export const UnitHistoryResponse = z.object({
  unitId: Id,
  /** Each absorbed unit whose history this unit carries, with what it filed and was awarded. */
  predecessors: z.array(PredecessorHistory),
});
export type UnitHistoryResponse = z.infer<typeof UnitHistoryResponse>;

export const MergerView = TenantMerger.omit({ unitMap: true }).extend({
  unitCount: z.number().int(),
  link: LinkVerification,
});
export type MergerView = z.infer<typeof MergerView>;

export const InheritedSubmissionResponse = z.object({
  origin: Origin,
  /** The form's title and its filled fields with their labels, as the absorbed province's template has them. */
  formTitle: z.string(),
  fields: z.array(z.object({ section: z.string(), label: z.string(), value: z.string() })),
  submission: Submission,
  events: z.array(AuditEvent),
  /** The submission's own chain (with the absorbed province's tenant id hashed in, never rewritten). */
  verification: VerificationResponse,
  /** The merger's link between the two provinces' ledgers. */
  link: LinkVerification,
  readAt: Instant,
});
export type InheritedSubmissionResponse = z.infer<typeof InheritedSubmissionResponse>;

export const consentToMerger = defineRoute({
  method: 'PUT',
  path: '/admin/merger-consent',
  group: 'org',
  auth: 'user',
  operationId: 'consentToMerger',
  summary: "The absorbed province's administrator agrees to be merged into another from a date",
  body: MergerConsentBody,
  response: MergerConsent,
  errors: [403, 409, 413, 422],
});

export const mergeTenant = defineRoute({
  method: 'POST',
  path: '/admin/mergers',
  group: 'org',
  auth: 'user',
  operationId: 'mergeTenant',
  summary: 'Merge a consenting province into this one from a date, with a unit map (irreversible)',
  body: MergerInput,
  response: MergerView,
  status: 201,
  errors: [403, 409, 413, 422],
  description:
    'Một giao dịch: hồ sơ hợp nhất, đánh dấu tỉnh được hợp nhất, sự kiện liên kết trong sổ của hai tỉnh. Không ghi lại dữ liệu cũ.',
});

export const listPredecessors = defineRoute({
  method: 'GET',
  path: '/history/predecessors',
  group: 'org',
  auth: 'user',
  operationId: 'listPredecessors',
  summary: 'Provinces merged into this one, each with its verified link',
  response: z.object({ items: z.array(MergerView) }),
  errors: [],
});

export const getUnitHistory = defineRoute({
  method: 'GET',
  path: '/history/units/{unitId}',
  group: 'org',
  auth: 'user',
  operationId: 'getUnitHistory',
  summary: 'What the absorbed units this unit carries filed and were awarded (read-only, with origin)',
  params: UnitParams,
  response: UnitHistoryResponse,
  errors: [404],
});

export const getInheritedSubmission = defineRoute({
  method: 'GET',
  path: '/history/{tenantId}/submissions/{submissionId}',
  group: 'org',
  auth: 'user',
  operationId: 'getInheritedSubmission',
  summary: "A submission of an absorbed province, its audit chain verified, and the merger's link",
  params: z.object({ tenantId: TenantId, submissionId: Id }),
  response: InheritedSubmissionResponse,
  errors: [404],
});

const MapUnit = z.object({ id: Id, name: z.string(), kind: z.string() });

/** What the merge screen needs to build a unit map: both sides' communes and departments. */
export const MergerCandidates = z.object({
  consent: MergerConsent,
  predecessorName: z.string(),
  /** The absorbed province's communes and departments (the rows of the map). */
  predecessorUnits: z.array(MapUnit),
  /** This province's communes, wards and departments open on the merger's date (the choices). */
  successorUnits: z.array(MapUnit),
});
export type MergerCandidates = z.infer<typeof MergerCandidates>;

export const getMergerCandidates = defineRoute({
  method: 'GET',
  path: '/admin/mergers/candidates',
  group: 'org',
  auth: 'user',
  operationId: 'getMergerCandidates',
  summary: "A consenting province's units and this province's, to build the unit map on screen",
  query: z.object({ predecessorTenantId: TenantId }),
  response: MergerCandidates,
  errors: [403, 422],
  description: 'Chỉ khi tỉnh được hợp nhất đã đồng ý hợp nhất vào tỉnh này (422 `no_consent`).',
});

export const mergerAdminContracts = { consentToMerger, mergeTenant, getMergerCandidates };
export const historyContracts = { listPredecessors, getUnitHistory, getInheritedSubmission };
