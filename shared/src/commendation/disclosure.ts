import { addWorkingDays, vnDate } from './calendar';
import type { Disclosure, ListEntry } from './records';

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
