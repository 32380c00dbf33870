import {
  createUser,
  importOrganisation,
  listUnits,
  listUsers,
  putTenantContact,
  type RequestOf,
  resendInvitation,
  resetUserPassword,
  updateOfficeHolders,
  updateUser,
} from '@thidua/shared/contracts';
import type { Unit } from '@thidua/shared/org';
import type { ApiClient } from '../../api/client';

type UsersQuery = NonNullable<RequestOf<typeof listUsers>['query']>;

/** The administration API as typed calls of its contracts (answers parsed with the documented schemas). */
export const adminService = (api: ApiClient) => ({
  /** Every unit of the province, page by page (a province has a few hundred at most). */
  async units(): Promise<Unit[]> {
    const all: Unit[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call(listUnits, { query: { limit: 100, ...(cursor ? { cursor } : {}) } });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },
  users: (query: Omit<UsersQuery, 'limit'> & { limit?: number }) =>
    api.call(listUsers, { query: { limit: 50, ...query } }),
  createUser: (body: RequestOf<typeof createUser>['body'], idempotencyKey: string) =>
    api.call(createUser, { body, idempotencyKey }),
  updateUser: (userId: string, body: RequestOf<typeof updateUser>['body'], idempotencyKey: string) =>
    api.call(updateUser, { params: { userId }, body, idempotencyKey }),
  resetPassword: (userId: string, idempotencyKey: string) =>
    api.call(resetUserPassword, { params: { userId }, idempotencyKey }),
  resendInvitation: (userId: string, idempotencyKey: string) =>
    api.call(resendInvitation, { params: { userId }, idempotencyKey }),
  officeHolders: (
    unitId: string,
    body: RequestOf<typeof updateOfficeHolders>['body'],
    idempotencyKey: string,
  ) => api.call(updateOfficeHolders, { params: { unitId }, body, idempotencyKey }),
  contact: (body: RequestOf<typeof putTenantContact>['body'], idempotencyKey: string) =>
    api.call(putTenantContact, { body, idempotencyKey }),
  importFile: (body: RequestOf<typeof importOrganisation>['body'], idempotencyKey?: string) =>
    api.call(importOrganisation, { body, ...(idempotencyKey ? { idempotencyKey } : {}) }),
});

export type AdminService = ReturnType<typeof adminService>;
