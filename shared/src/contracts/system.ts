import * as z from 'zod';
import { Identity, Unit, User } from '../org';
import { defineRoute } from './kernel';

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

export const getHealth = defineRoute({
  method: 'GET',
  path: '/health',
  group: 'system',
  auth: 'public',
  operationId: 'getHealth',
  summary: 'Liveness: the table and the bucket answer',
  response: Health,
  errors: [503],
  otherAnswers: { 503: Health },
  description: 'Đọc thử một khoá của bảng (GetItem) và HeadBucket; 503 nếu một trong hai không trả lời.',
});

export const getOpenApi = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  group: 'reference',
  auth: 'public',
  operationId: 'getOpenApi',
  summary: 'This API, as OpenAPI 3.1',
  response: { mediaType: 'application/json', description: 'Tài liệu OpenAPI 3.1 của API này' },
  errors: [],
});

export const getMe = defineRoute({
  method: 'GET',
  path: '/me',
  group: 'system',
  auth: 'user',
  operationId: 'getMe',
  summary: 'The caller: user, unit, roles',
  response: Me,
  errors: [401],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const systemContracts = { getHealth, getMe };

/** The API's own description: every contract, so a Lambda of its own (see `routeGroups`). */
export const referenceContracts = { getOpenApi };
