import { z } from 'zod';
import { CalendarDate, Id } from '../common';
import { DossierPart, NomineeKind } from './award-types';

/**
 * A nomination is a Submission with formKey `nomination`; its dossier lives in `submission.data`, filled
 * through the nomination form template. This module reads the facts the commendation rules need out of
 * that data. The field keys are listed once here so the template and the rules cannot drift apart.
 */
export const NOMINATION_FORM_KEY = 'nomination';

export const nominationFields = {
  nomineeKind: 'nomineeKind',
  nomineeName: 'nomineeName',
  nomineeTitle: 'nomineeTitle',
  nomineeUnitName: 'nomineeUnitName',
  awardTypeId: 'awardTypeId',
  achievementSummary: 'achievementSummary',
  toTrinh: 'toTrinh',
  baoCaoThanhTich: 'baoCaoThanhTich',
  bienBan: 'bienBan',
  evidence: 'evidence',
  meetingDate: 'meetingDate',
  meetingMembers: 'meetingMembers',
  meetingVotesFor: 'meetingVotesFor',
  meetingVotesAgainst: 'meetingVotesAgainst',
  priorAwards: 'priorAwards',
} as const;

/** Which data field holds which dossier part. */
export const dossierPartFields: Record<DossierPart, string> = {
  to_trinh: nominationFields.toTrinh,
  bao_cao_thanh_tich: nominationFields.baoCaoThanhTich,
  bien_ban: nominationFields.bienBan,
  evidence: nominationFields.evidence,
};

export const PriorAward = z.object({
  year: z.coerce.number().int().min(1945).max(2100),
  titleId: Id,
});
export type PriorAward = z.infer<typeof PriorAward>;

/** What the rules and documents need to know about one nomination. */
export const NominationFacts = z.object({
  id: Id,
  campaignId: Id,
  /** The proposing (author) unit. */
  unitId: Id,
  unitName: z.string(),
  nomineeKind: NomineeKind,
  nomineeName: z.string().trim().min(2).max(200),
  /** Position of an individual ("Phó Trưởng Công an xã"); empty for a collective. */
  nomineeTitle: z.string().max(200).default(''),
  /** Where the nominee works; for a collective, usually the proposing unit. */
  nomineeUnitName: z.string().max(200).default(''),
  awardTypeId: Id,
  achievementSummary: z.string().max(20_000).default(''),
  dossierParts: z.array(DossierPart),
  priorAwards: z.array(PriorAward).default([]),
  /** The unit's own review meeting (bình xét) — its votes are part of the dossier. */
  meeting: z
    .object({
      date: CalendarDate.nullable(),
      members: z.number().int().min(0).nullable(),
      votesFor: z.number().int().min(0).nullable(),
      votesAgainst: z.number().int().min(0).nullable(),
    })
    .default({ date: null, members: null, votesFor: null, votesAgainst: null }),
  /** The day the dossier was opened: selects the rule set it keeps. */
  openedOn: CalendarDate,
});
export type NominationFacts = z.infer<typeof NominationFacts>;

/** A file field counts as present when it holds at least one attachment (id string, object or list). */
const present = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.some(present);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return false;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

export interface SubmissionLike {
  id: string;
  campaignId: string;
  unitId: string;
  unitName: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export type FactsResult = { ok: true; facts: NominationFacts } | { ok: false; issues: z.core.$ZodIssue[] };

/** Reads the nomination facts from a submission; the opening day is its creation day in Vietnam. */
export const nominationFacts = (s: SubmissionLike): FactsResult => {
  const d = s.data;
  const f = nominationFields;
  const priorRaw = Array.isArray(d[f.priorAwards]) ? (d[f.priorAwards] as unknown[]) : [];
  const meetingDate = str(d[f.meetingDate]);
  const parsed = NominationFacts.safeParse({
    id: s.id,
    campaignId: s.campaignId,
    unitId: s.unitId,
    unitName: s.unitName,
    nomineeKind: d[f.nomineeKind],
    nomineeName: str(d[f.nomineeName]),
    nomineeTitle: str(d[f.nomineeTitle]),
    nomineeUnitName: str(d[f.nomineeUnitName]) || s.unitName,
    awardTypeId: d[f.awardTypeId],
    achievementSummary: str(d[f.achievementSummary]),
    dossierParts: (Object.entries(dossierPartFields) as [DossierPart, string][])
      .filter(([, key]) => present(d[key]))
      .map(([part]) => part),
    priorAwards: priorRaw.filter((r) => PriorAward.safeParse(r).success),
    meeting: {
      date: /^\d{4}-\d{2}-\d{2}$/.test(meetingDate) ? meetingDate : null,
      members: num(d[f.meetingMembers]),
      votesFor: num(d[f.meetingVotesFor]),
      votesAgainst: num(d[f.meetingVotesAgainst]),
    },
    openedOn: vnDay(s.createdAt),
  });
  return parsed.success ? { ok: true, facts: parsed.data } : { ok: false, issues: parsed.error.issues };
};

const vnDay = (instant: string): string =>
  new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * Who a nominee is, for "one achievement, one award": a collective by its normalised name within the
 * proposing unit, an individual by normalised name and workplace. Never shown anywhere.
 */
export const nomineeKey = (
  n: Pick<NominationFacts, 'nomineeKind' | 'nomineeName' | 'nomineeUnitName' | 'unitId'>,
): string => {
  const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  return n.nomineeKind === 'collective'
    ? `collective|${norm(n.nomineeName)}`
    : `individual|${norm(n.nomineeName)}|${norm(n.nomineeUnitName)}`;
};
