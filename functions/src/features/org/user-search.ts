import { foldText } from '@thidua/shared/admin';
import type { User } from '@thidua/shared/org';
import type { Page } from '../../kernel/data/pagination';
import type { PageRequest, UserRepository } from './repository';

/**
 * The administrator's user list, never a table scan: a unit's users are one Query of its partition (a
 * search within the unit filters that bounded list); a search across the province is two Queries with
 * `begins_with`, one on the names folded without accents (gsi2) and one on the e-mails (gsi3), merged.
 * Every partition starts with the caller's tenant, so no search reaches another province.
 */
export async function findUsers(
  users: UserRepository,
  tenantId: string,
  { unitId, q }: { unitId?: string | undefined; q?: string | undefined },
  page: PageRequest,
): Promise<Page<User>> {
  if (unitId !== undefined && q === undefined) return users.byUnit(tenantId, unitId, page);
  const folded = foldText(q ?? '');
  const email = (q ?? '').trim().toLowerCase();
  if (unitId !== undefined) {
    const matches = (await users.allOfUnit(tenantId, unitId)).filter(
      (u) => foldText(u.name).includes(folded) || u.email.toLowerCase().includes(email),
    );
    return { items: matches.slice(0, page.limit), nextCursor: null };
  }
  const [byName, byEmail] = await Promise.all([
    users.byNamePrefix(tenantId, folded, page.limit),
    users.byEmailPrefix(tenantId, email, page.limit),
  ]);
  const found = new Map([...byName, ...byEmail].map((u) => [u.id, u]));
  const items = [...found.values()].sort((a, b) => foldText(a.name).localeCompare(foldText(b.name)));
  return { items: items.slice(0, page.limit), nextCursor: null };
}
