import { Identity, Unit, User } from '@thidua/shared/org';
import * as z from 'zod';
import { defineContract } from '../http/contract';

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({ table: z.enum(['ok', 'error']), bucket: z.enum(['ok', 'error']) }),
});

export const Me = z.object({
  identity: Identity,
  /** The user's record; null when the account exists in Cognito only. */
  user: User.nullable(),
  unit: Unit.nullable(),
});

export const systemContracts = {
  getHealth: defineContract({
    operationId: 'getHealth',
    response: Health,
    errors: [503],
    description: 'Đọc thử một khoá của bảng (GetItem) và HeadBucket; 503 nếu một trong hai không trả lời.',
  }),
  getOpenApi: defineContract({
    operationId: 'getOpenApi',
    response: { mediaType: 'application/json', description: 'Tài liệu OpenAPI 3.1 của API này' },
    errors: [],
  }),
  getMe: defineContract({
    operationId: 'getMe',
    response: Me,
    errors: [401],
  }),
};
