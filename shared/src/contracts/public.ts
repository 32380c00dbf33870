import * as z from 'zod';
import { PublicCommentInput, PublicDecisionView, PublicDisclosureView, publicPageOf } from '../commendation';
import { Id } from '../common';
import { defineRoute } from './kernel';

/** The `public` routes: no sign-in, the tenant in the path, only what the public may read. */
const TenantParam = z.object({ tenantId: Id });
const PublicPage = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const listPublicDisclosures = defineRoute({
  method: 'GET',
  path: '/public/{tenantId}/disclosures',
  group: 'public',
  auth: 'public',
  operationId: 'listPublicDisclosures',
  summary: 'Danh sách đang và đã công khai',
  params: TenantParam,
  query: PublicPage,
  response: publicPageOf(PublicDisclosureView),
  errors: [],
});

export const getPublicDisclosure = defineRoute({
  method: 'GET',
  path: '/public/{tenantId}/disclosures/{disclosureId}',
  group: 'public',
  auth: 'public',
  operationId: 'getPublicDisclosure',
  summary: 'Một danh sách công khai',
  params: TenantParam.extend({ disclosureId: Id }),
  response: PublicDisclosureView,
  errors: [404],
});

export const postPublicComment = defineRoute({
  method: 'POST',
  path: '/public/{tenantId}/disclosures/{disclosureId}/comments',
  group: 'public',
  auth: 'public',
  operationId: 'postPublicComment',
  summary: 'Gửi ý kiến góp ý',
  params: TenantParam.extend({ disclosureId: Id }),
  body: PublicCommentInput,
  response: z.object({ id: Id, receivedAt: z.string() }),
  status: 201,
  errors: [404, 413, 422, 429],
  description:
    'Góp ý của người dân trong thời gian công khai: tối đa 2.000 ký tự, 5 ý kiến mỗi địa chỉ mỗi ngày (429 khi vượt).',
});

export const listPublicDecisions = defineRoute({
  method: 'GET',
  path: '/public/{tenantId}/decisions',
  group: 'public',
  auth: 'public',
  operationId: 'listPublicDecisions',
  summary: 'Quyết định khen thưởng đã công bố',
  params: TenantParam,
  query: PublicPage,
  response: publicPageOf(PublicDecisionView),
  errors: [],
});

export const getPublicDecision = defineRoute({
  method: 'GET',
  path: '/public/{tenantId}/decisions/{decisionId}',
  group: 'public',
  auth: 'public',
  operationId: 'getPublicDecision',
  summary: 'Một quyết định đã công bố',
  params: TenantParam.extend({ decisionId: Id }),
  response: PublicDecisionView,
  errors: [404],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const publicContracts = {
  listPublicDisclosures,
  getPublicDisclosure,
  postPublicComment,
  listPublicDecisions,
  getPublicDecision,
};
