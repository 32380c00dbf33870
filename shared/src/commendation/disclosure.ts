import type { Instant } from '../common';
import type { Identity } from '../org/schema';
import { addWorkingDays, vnDate, workingDaysBetween } from './calendar';
import type { LifecycleError } from './lifecycle';
import { lifecycleError, type Outcome, reasonMissing, refuse, staleOrForeign } from './lifecycle';
import type { Disclosure, EarlyEndAuthority, ListEntry } from './records';

/** The window of a disclosure opened on `opensOn` for `workingDays` working days. */
export const disclosureWindow = (
  opensOn: string,
  workingDays: number,
  holidays: readonly string[],
): { opensOn: string; closesOn: string } => ({
  opensOn,
  closesOn: addWorkingDays(opensOn, workingDays, holidays),
});

/**
 * The working days a list needs: the longest requirement among its award types, at least one day, and
 * never less than what the secretariat asked for.
 */
export const requiredWorkingDays = (perEntry: readonly number[], requested: number | null): number =>
  Math.max(1, requested ?? 0, ...perEntry);

export type DisclosureStatus = 'upcoming' | 'open' | 'ended';

/** Whether comments are received at `now` (an instant): from the opening day to the closing day inclusive. */
export const disclosureStatus = (
  d: Pick<Disclosure, 'opensOn' | 'closesOn' | 'closedEarly'>,
  now: string,
): DisclosureStatus => {
  if (d.closedEarly) return 'ended';
  const today = vnDate(now);
  if (today < d.opensOn) return 'upcoming';
  return today <= d.closesOn ? 'open' : 'ended';
};

/** What a public page may show of a listed nominee: names, titles, units and the award. Nothing else. */
export interface PublicListEntry {
  nominationId: string;
  unitName: string;
  nomineeKind: 'collective' | 'individual';
  nomineeName: string;
  nomineeTitle: string;
  nomineeUnitName: string;
  awardTypeName: string;
}

export const publicEntry = (e: ListEntry): PublicListEntry => ({
  nominationId: e.nominationId,
  unitName: e.unitName,
  nomineeKind: e.nomineeKind,
  nomineeName: e.nomineeName,
  nomineeTitle: e.nomineeTitle,
  nomineeUnitName: e.nomineeUnitName,
  awardTypeName: e.awardTypeName,
});

/**
 * What happens to a disclosure once opened: anyone comments while it is open (the count only, so
 * comments never conflict with the secretariat's change), the secretariat ends it early with a reason.
 * `ended` (by date or early) is final.
 */
export type DisclosureAction =
  | { type: 'comment' }
  | { type: 'close_early'; reason: string; authority?: EarlyEndAuthority | null };

export interface DisclosureTransitionInput {
  disclosure: Disclosure;
  action: DisclosureAction;
  /** The secretariat; null for the public's comments. */
  actor: Identity | null;
  now: Instant;
  expectedVersion?: number;
}

export type DisclosureTransition = Outcome<{ disclosure: Disclosure }>;

export function disclosureTransition(input: DisclosureTransitionInput): DisclosureTransition {
  const { disclosure: d, action, actor, now } = input;
  const status = disclosureStatus(d, now);
  switch (action.type) {
    case 'comment': {
      if (status !== 'open')
        return refuse(lifecycleError('disclosure_closed', 'Danh sách không trong thời gian nhận ý kiến'));
      return { ok: true, disclosure: { ...d, commentCount: d.commentCount + 1 } };
    }
    case 'close_early': {
      const stale = staleOrForeign(d, actor, input.expectedVersion, 'Danh sách công khai');
      if (stale) return refuse(stale);
      if (actor === null) return refuse(lifecycleError('forbidden', 'Cần đăng nhập'));
      if (status === 'ended')
        return refuse(lifecycleError('invalid_state', 'Danh sách đã hết thời gian công khai'));
      const missing = reasonMissing(action.reason);
      if (missing) return refuse(missing);
      return {
        ok: true,
        disclosure: {
          ...d,
          closedEarly: {
            at: now,
            by: actor.userId,
            reason: action.reason,
            authority: action.authority ?? null,
          },
          version: d.version + 1,
        },
      };
    }
  }
}

/**
 * Ending a disclosure early is allowed once its statutory minimum of working days has passed; before
 * that only with a recorded legal reason AND the authority that decided it (who, which document).
 * Checked before the transition (which checks state, version and the reason itself).
 */
export const earlyEndRefusal = (
  d: Pick<Disclosure, 'opensOn' | 'workingDays' | 'minimumWorkingDays'>,
  today: string,
  holidays: readonly string[],
  authority: EarlyEndAuthority | null | undefined,
): LifecycleError | null => {
  const minimum = d.minimumWorkingDays ?? d.workingDays;
  const elapsed = today < d.opensOn ? 0 : workingDaysBetween(d.opensOn, today, holidays);
  if (elapsed >= minimum) return null;
  const details = [
    ...(authority?.decidedBy?.trim()
      ? []
      : [{ path: 'body.authority.decidedBy', message: 'Cần ghi người quyết định' }]),
    ...(authority?.document?.trim()
      ? []
      : [{ path: 'body.authority.document', message: 'Cần ghi văn bản quyết định (số, ngày)' }]),
  ];
  return details.length
    ? lifecycleError(
        'early_end_not_justified',
        `Mới công khai ${elapsed}/${minimum} ngày làm việc tối thiểu: kết thúc sớm cần lý do pháp lý, người quyết định và văn bản`,
        details,
      )
    : null;
};

/**
 * A new disclosure (version 1, no comment): its window is the longest requirement of its award types
 * (`perEntryWorkingDays`), or longer if asked, counted in working days from the day it opens.
 */
export const newDisclosure = (
  input: Pick<Disclosure, 'tenantId' | 'id' | 'campaignId' | 'title' | 'entries' | 'opensOn'> & {
    perEntryWorkingDays: readonly number[];
    requestedWorkingDays: number | null;
    holidays: readonly string[];
    actor: Identity;
    now: Instant;
  },
): Disclosure => {
  const workingDays = requiredWorkingDays(input.perEntryWorkingDays, input.requestedWorkingDays);
  const minimumWorkingDays = requiredWorkingDays(input.perEntryWorkingDays, null);
  return {
    tenantId: input.tenantId,
    id: input.id,
    campaignId: input.campaignId,
    title: input.title,
    entries: [...input.entries],
    ...disclosureWindow(input.opensOn, workingDays, input.holidays),
    workingDays,
    minimumWorkingDays,
    openedBy: input.actor.userId,
    openedAt: input.now,
    closedEarly: null,
    commentCount: 0,
    version: 1,
  };
};
