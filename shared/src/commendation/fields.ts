// Plain constants and one reader, without zod: the submissions data layer reads a nominee's name for
// the search box (ADR 0023) without pulling the commendation schemas into every Lambda.

/**
 * A nomination is a Submission with formKey `nomination`; its dossier lives in `submission.data`, filled
 * through the nomination form template. This module reads the facts the commendation rules need out of
 * that data. The field keys are listed once here so the template and the rules cannot drift apart.
 */
export const NOMINATION_FORM_KEY = 'nomination';

/** Where a nomination names its nominee (a person's full name, a collective's name). */
export const NOMINEE_NAME_FIELDS = ['nominee.fullName', 'nominee.collectiveName'] as const;

export const nominationFields = {
  nomineeKind: 'nominee.kind',
  collectiveName: NOMINEE_NAME_FIELDS[1],
  fullName: NOMINEE_NAME_FIELDS[0],
  gender: 'nominee.gender',
  birthDate: 'nominee.birthDate',
  nomineeTitle: 'nominee.position',
  nomineeUnitName: 'nominee.unitName',
  awardTypeId: 'nominee.awardTypeId',
  achievementSummary: 'achievement.summary',
  priorAwards: 'achievement.previousAwards',
  toTrinh: 'dossier.toTrinh',
  baoCaoThanhTich: 'dossier.achievementReport',
  bienBan: 'dossier.minutes',
  evidence: 'dossier.evidence',
  meetingDate: 'meeting.date',
  meetingMembers: 'meeting.members',
  meetingVotesFor: 'meeting.votesFor',
  meetingVotesAgainst: 'meeting.votesAgainst',
} as const;

/** The value at a `section.field` path of form data (data is keyed by section, then field). */
export const fieldValue = (data: Record<string, unknown>, path: string): unknown => {
  let cur: unknown = data;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
};
