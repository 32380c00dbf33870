import * as z from 'zod';
import { CalendarDate, Id } from '../common';
import { REDACTED_TEXT } from '../forms/sensitive';
import { DossierPart, NomineeGender, NomineeKind } from './award-types';
import { fieldValue, nominationFields } from './fields';

/**
 * The nominee facts a record or a list copies out of the form data, and the fields they come from: where
 * the template marks one of those fields sensitive, a reader it does not name gets the fact redacted
 * (`redactNominee`), as it gets the field redacted in the submission.
 */
const nomineeFactSources = {
  nomineeName: [nominationFields.fullName, nominationFields.collectiveName],
  nomineeTitle: [nominationFields.nomineeTitle],
  nomineeUnitName: [nominationFields.nomineeUnitName],
  nomineeGender: [nominationFields.gender],
  nomineeBirthDate: [nominationFields.birthDate],
} as const;

/**
 * A record (or list entry) with the facts drawn from sensitive fields redacted: optional facts dropped,
 * names and titles (which every list must carry) replaced by `REDACTED_TEXT`.
 */
export function redactNominee<
  T extends { nomineeName: string; nomineeTitle: string; nomineeUnitName: string },
>(record: T, sensitive: ReadonlySet<string>): T {
  const out: Record<string, unknown> = { ...record };
  for (const [fact, sources] of Object.entries(nomineeFactSources)) {
    if (!sources.some((ref) => sensitive.has(ref)) || !(fact in out)) continue;
    if (fact === 'nomineeGender' || fact === 'nomineeBirthDate') delete out[fact];
    else out[fact] = REDACTED_TEXT;
  }
  // The nominee's identity key is made of the name and the birth date: it goes with them.
  const keySources = [...nomineeFactSources.nomineeName, ...nomineeFactSources.nomineeBirthDate];
  if ('nomineeKey' in out && keySources.some((ref) => sensitive.has(ref))) out.nomineeKey = REDACTED_TEXT;
  return out as T;
}

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
  /** An individual's gender and date of birth (documents print "Ông"/"Bà"); unknown on older dossiers. */
  nomineeGender: NomineeGender.optional(),
  nomineeBirthDate: CalendarDate.optional(),
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
export const nominationFacts = (
  s: SubmissionLike,
  matchTitle: (text: string) => string | null = () => null,
): FactsResult => {
  const f = nominationFields;
  const at = (path: string) => fieldValue(s.data, path);
  const kind = at(f.nomineeKind);
  const priorRaw = at(f.priorAwards);
  const priorAwards = (Array.isArray(priorRaw) ? priorRaw : []).flatMap((row: unknown) => {
    if (row === null || typeof row !== 'object') return [];
    const r = row as Record<string, unknown>;
    // Rows carry the title as the officer wrote it; it counts when it names a configured title.
    const titleId =
      typeof r.titleId === 'string' ? r.titleId : typeof r.award === 'string' ? matchTitle(r.award) : null;
    const parsed = PriorAward.safeParse({ year: r.year, titleId });
    return parsed.success ? [parsed.data] : [];
  });
  const meetingDate = str(at(f.meetingDate));
  const parsed = NominationFacts.safeParse({
    id: s.id,
    campaignId: s.campaignId,
    unitId: s.unitId,
    unitName: s.unitName,
    nomineeKind: kind,
    nomineeName: str(at(kind === 'individual' ? f.fullName : f.collectiveName)),
    nomineeTitle: kind === 'individual' ? str(at(f.nomineeTitle)) : '',
    nomineeUnitName: str(at(f.nomineeUnitName)) || s.unitName,
    ...(kind === 'individual' && NomineeGender.safeParse(at(f.gender)).success
      ? { nomineeGender: at(f.gender) }
      : {}),
    ...(kind === 'individual' && /^\d{4}-\d{2}-\d{2}$/.test(str(at(f.birthDate)))
      ? { nomineeBirthDate: str(at(f.birthDate)) }
      : {}),
    awardTypeId: at(f.awardTypeId),
    achievementSummary: str(at(f.achievementSummary)),
    dossierParts: (Object.entries(dossierPartFields) as [DossierPart, string][])
      .filter(([, key]) => present(at(key)))
      .map(([part]) => part),
    priorAwards,
    meeting: {
      date: /^\d{4}-\d{2}-\d{2}$/.test(meetingDate) ? meetingDate : null,
      members: num(at(f.meetingMembers)),
      votesFor: num(at(f.meetingVotesFor)),
      votesAgainst: num(at(f.meetingVotesAgainst)),
    },
    openedOn: vnDay(s.createdAt),
  });
  return parsed.success ? { ok: true, facts: parsed.data } : { ok: false, issues: parsed.error.issues };
};

const vnDay = (instant: string): string =>
  new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10);

const normKey = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

type NomineeIdentity = Pick<
  NominationFacts,
  'nomineeKind' | 'nomineeName' | 'nomineeUnitName' | 'unitId' | 'nomineeBirthDate'
>;

/**
 * Who a nominee is, for "one achievement, one award" and for prerequisites (consecutive years of a
 * title): a collective by its normalised name; an individual by normalised name and date of birth, which
 * survive a rename or merger of their workplace and a move to another unit or province (ADR 0017). No
 * national ID number is asked for or stored: name and birth date are already on every dossier. A dossier
 * without a birth date (made before the form asked for it) keeps the older name-and-workplace key. The
 * key is never shown; the table indexes a hash of it.
 */
export const nomineeKey = (n: NomineeIdentity): string => {
  if (n.nomineeKind === 'collective') return `collective|${normKey(n.nomineeName)}`;
  if (n.nomineeBirthDate) return `person|${normKey(n.nomineeName)}|${n.nomineeBirthDate}`;
  return legacyNomineeKey(n);
};

/** The key dossiers of an individual carried before birth dates identified them (name and workplace). */
const legacyNomineeKey = (n: NomineeIdentity): string =>
  `individual|${normKey(n.nomineeName)}|${normKey(n.nomineeUnitName)}`;

/** Every key a nominee's earlier records may be filed under (the current one first). */
export const nomineeKeys = (n: NomineeIdentity): string[] => {
  const key = nomineeKey(n);
  const legacy = n.nomineeKind === 'individual' ? legacyNomineeKey(n) : key;
  return legacy === key ? [key] : [key, legacy];
};
