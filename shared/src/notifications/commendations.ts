import type { CouncilSession } from '../commendation/council';
import type { Batch, Disclosure, ListEntry, PublicComment } from '../commendation/records';
import { addDays, startOfDayInVietnam } from '../common';
import type { Role } from '../org';
import type {
  Audience,
  NotificationDetail,
  NotificationIntent,
  NotificationKind,
  NotificationSubject,
} from './schema';
import { unitRoles } from './submissions';

/**
 * The commendation events that put work in someone's hands (issue 16): a tờ trình reached the province, a
 * council session opened for a member's ballot, a decision awaits its signer, the public commented on a
 * disclosure. Each is an intent written in the SAME transaction as the act (the outbox); its id is made
 * from the act's own ids, so a replayed request writes nothing new. Pure: the use cases pass what they
 * loaded (the province's unit, the campaign's title).
 */

/** Who reviews a tờ trình at the province: the policy's `decide` on a batch. */
export const batchReviewerRoles: readonly Role[] = ['reviewer', 'secretariat'];
/** Who signs a council decision: the policy's `act` on a decision, held at the province. */
export const decisionSignerRoles: readonly Role[] = ['chair'];
/** Who keeps a disclosure's comments: the policy's `disclosure` (the administrator keeps the system, not them). */
export const commentKeeperRoles: readonly Role[] = ['secretariat'];

/** What the province's work is about: the campaign, as people name it ("Phong trào … năm 2026"). */
export interface CommendationNaming {
  campaignId: string;
  campaignTitle: string;
}

/** The app page of a commendation list, with the campaign chosen and the item as its anchor. */
const pageOf = (page: string, naming: CommendationNaming, anchor: string): string =>
  `/commendations/${page}?campaign=${encodeURIComponent(naming.campaignId)}#${anchor}`;

/** One line of particulars (the value cut to what the intent keeps). */
const line = (label: string, value: string): NotificationDetail => ({ label, value: value.slice(0, 500) });
const CAMPAIGN = 'Phong trào';
const BODY = 'Cơ quan ban hành';
const ABOUT = 'Trường hợp được góp ý';

/** At most four distinct names, then how many more. */
const few = (xs: readonly string[]): string => {
  const distinct = [...new Set(xs)];
  const shown = distinct.slice(0, 4).join('; ');
  return distinct.length > 4 ? `${shown} và ${distinct.length - 4} nơi khác` : shown;
};

/** "3 trường hợp" and the distinct award types, the units: what a list carries, in a few words. */
const listFacts = (
  entries: readonly Pick<ListEntry, 'unitName' | 'awardTypeName'>[],
): NotificationDetail[] => [
  line('Số trường hợp', String(entries.length)),
  line('Hình thức khen thưởng', few(entries.map((e) => e.awardTypeName))),
  line('Đơn vị', few(entries.map((e) => e.unitName))),
];

const intent = (
  id: string,
  tenantId: string,
  kind: NotificationKind,
  audience: Audience,
  subject: NotificationSubject,
  at: string,
  more: Partial<Pick<NotificationIntent, 'reason' | 'dueAt' | 'details'>> = {},
): NotificationIntent => ({
  id,
  tenantId,
  kind,
  audience,
  subject: { ...subject, title: subject.title.slice(0, 300) },
  reason: more.reason ?? null,
  dueAt: more.dueAt ?? null,
  createdAt: at,
  ...(more.details ? { details: more.details } : {}),
});

/** A district's tờ trình sent to the province: its reviewers and secretariat decide on it. */
export function batchAwaitingIntent(input: {
  batch: Pick<Batch, 'tenantId' | 'id' | 'unitName' | 'reference' | 'entries' | 'version'>;
  provinceUnitId: string;
  naming: CommendationNaming;
  at: string;
}): NotificationIntent {
  const { batch: b, naming } = input;
  const reference = b.reference ? ` số ${b.reference}` : '';
  return intent(
    `batch#${b.id}#v${b.version}#batch_awaiting`,
    b.tenantId,
    'batch_awaiting',
    unitRoles(input.provinceUnitId, batchReviewerRoles),
    {
      type: 'batch',
      id: b.id,
      title: `Tờ trình${reference} của ${b.unitName}`,
      path: pageOf('batches', naming, `batch-${b.id}`),
    },
    input.at,
    {
      details: [
        line('Đơn vị trình', b.unitName),
        line(CAMPAIGN, naming.campaignTitle),
        ...listFacts(b.entries),
      ],
    },
  );
}

/** A council session opened: each member it names is asked for a ballot (one item for all of them). */
export function ballotOpenIntent(input: {
  session: Pick<CouncilSession, 'tenantId' | 'id' | 'title' | 'members' | 'agenda'>;
  issuingBodyName: string;
  naming: CommendationNaming;
  at: string;
}): NotificationIntent {
  const { session: s, naming } = input;
  return intent(
    `session#${s.id}#ballot_open`,
    s.tenantId,
    'ballot_open',
    { type: 'users', userIds: s.members.map((m) => m.userId) },
    { type: 'council_session', id: s.id, title: s.title, path: `/commendations/vote#session-${s.id}` },
    input.at,
    {
      details: [
        line(BODY, input.issuingBodyName),
        line(CAMPAIGN, naming.campaignTitle),
        ...listFacts(s.agenda),
      ],
    },
  );
}

/**
 * A session's vote counted: its decision awaits the signature of the issuing body's head (the province's
 * chair, or the deputy the signing step names — both hold the `chair` role at the province; office holders
 * are names on the unit, not accounts, so the role is how the product knows the signer).
 */
export function decisionToSignIntent(input: {
  session: Pick<CouncilSession, 'tenantId' | 'id' | 'title' | 'agenda' | 'results' | 'minutesNumber'>;
  signerUnitId: string;
  /** Who signs at that unit: the province's chair; a unit's own council's decision, its head (ADR 0037). */
  signerRoles?: readonly Role[];
  issuingBodyName: string;
  naming: CommendationNaming;
  at: string;
}): NotificationIntent {
  const { session: s, naming } = input;
  const results = s.results ?? [];
  const passed = new Set(results.filter((r) => r.passed).map((r) => r.nominationId));
  const awarded = s.agenda.filter((a) => passed.has(a.nominationId));
  return intent(
    `session#${s.id}#decision_to_sign`,
    s.tenantId,
    'decision_to_sign',
    unitRoles(input.signerUnitId, input.signerRoles ?? decisionSignerRoles),
    {
      type: 'council_session',
      id: s.id,
      title: `Quyết định khen thưởng theo phiên họp: ${s.title}`,
      path: pageOf('sign', naming, `session-${s.id}`),
    },
    input.at,
    {
      details: [
        line(BODY, input.issuingBodyName),
        line(CAMPAIGN, naming.campaignTitle),
        line('Kết quả bỏ phiếu', `${awarded.length}/${s.agenda.length} trường hợp đạt`),
        ...(s.minutesNumber ? [line('Biên bản', `Số ${s.minutesNumber}`)] : []),
        ...listFacts(awarded).slice(1),
      ],
    },
  );
}

/**
 * The public commented on a disclosure: the secretariat reads it (and answers the contact, which the
 * notice never carries). The comment's text is the reason, as written; the deadline is the window's end.
 */
export function publicCommentIntent(input: {
  disclosure: Pick<Disclosure, 'tenantId' | 'id' | 'title' | 'entries' | 'closesOn'>;
  comment: Pick<PublicComment, 'id' | 'nominationId' | 'body' | 'receivedAt'>;
  provinceUnitId: string;
  naming: CommendationNaming;
}): NotificationIntent {
  const { disclosure: x, comment: c, naming } = input;
  const about = c.nominationId ? x.entries.find((e) => e.nominationId === c.nominationId) : undefined;
  return intent(
    `comment#${x.id}#${c.id}#public_comment`,
    x.tenantId,
    'public_comment',
    unitRoles(input.provinceUnitId, commentKeeperRoles),
    {
      type: 'disclosure',
      id: x.id,
      title: x.title,
      path: pageOf('disclosures', naming, `disclosure-${x.id}`),
    },
    c.receivedAt,
    {
      reason: c.body.slice(0, 2000),
      // Comments are received until the end of the window's last day, in Vietnam.
      dueAt: startOfDayInVietnam(addDays(x.closesOn, 1)),
      details: [
        line(CAMPAIGN, naming.campaignTitle),
        line(
          ABOUT,
          about ? `${about.nomineeName} (${about.unitName}) — ${about.awardTypeName}` : 'Cả danh sách',
        ),
      ],
    },
  );
}
