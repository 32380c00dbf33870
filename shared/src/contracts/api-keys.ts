import * as z from 'zod';
import { Id } from '../common';
import { ApiKeyInput, ApiKeyView } from '../policy/api-keys';
import { RegisterView, Reservation, ReservationRequest } from './commendations';
import { defineRoute } from './kernel';

/**
 * The API keys of document-management systems (ADR 0034): the administrator's routes to issue, list and
 * revoke them, and the only routes a key opens (`auth: 'api_key'`, header `X-Api-Key`). They run in the
 * `commendations` Lambda beside the register they reach.
 */
export const createApiKey = defineRoute({
  method: 'POST',
  path: '/commendations/api-keys',
  group: 'commendations',
  auth: 'user',
  operationId: 'createApiKey',
  summary: 'Tạo khóa API cho hệ thống quản lý văn bản',
  description:
    'Khóa chỉ được trả về MỘT lần, trong câu trả lời này; hệ thống chỉ lưu mã băm SHA-256 của nó. ' +
    'Chỉ quản trị viên cấp tỉnh.',
  idempotencyPrecheck: true,
  body: ApiKeyInput,
  response: z.object({ key: ApiKeyView, secret: z.string() }),
  status: 201,
  errors: [403, 404],
});

export const listApiKeys = defineRoute({
  method: 'GET',
  path: '/commendations/api-keys',
  group: 'commendations',
  auth: 'user',
  operationId: 'listApiKeys',
  summary: 'Các khóa API của tỉnh',
  response: z.object({ items: z.array(ApiKeyView) }),
  errors: [404],
});

export const revokeApiKey = defineRoute({
  method: 'POST',
  path: '/commendations/api-keys/{keyId}/revocation',
  group: 'commendations',
  auth: 'user',
  operationId: 'revokeApiKey',
  summary: 'Thu hồi khóa API',
  description: 'Từ lúc thu hồi, mọi yêu cầu mang khóa này bị từ chối (401).',
  params: z.object({ keyId: Id }),
  response: ApiKeyView,
  errors: [403, 404, 409],
});

/** What a key's register routes answer: the same shapes as the secretariat's routes. */
const KEY_ROUTE =
  'Gọi bằng khóa API (tiêu đề `X-Api-Key`), không dùng tài khoản người dùng. Gửi kèm `Idempotency-Key` ' +
  'để gửi lại an toàn khi mất câu trả lời. Mỗi lần dùng được ghi nhật ký kiểm tra với tên khóa.';

export const reserveRegisterNumberByKey = defineRoute({
  method: 'POST',
  path: '/integrations/register/reservations',
  group: 'commendations',
  auth: 'api_key',
  operationId: 'reserveRegisterNumberByKey',
  summary: 'Hệ thống quản lý văn bản giữ số trong sổ đăng ký',
  description: `${KEY_ROUTE} Cần quyền \`register:reserve\`.`,
  idempotencyPrecheck: true,
  body: ReservationRequest,
  response: Reservation,
  status: 201,
  errors: [403, 404, 409, 422],
});

export const getRegisterByKey = defineRoute({
  method: 'GET',
  path: '/integrations/register',
  group: 'commendations',
  auth: 'api_key',
  operationId: 'getRegisterByKey',
  summary: 'Hệ thống quản lý văn bản đọc sổ đăng ký của năm',
  description: `${KEY_ROUTE} Cần quyền \`register:read\`.`,
  query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
  response: RegisterView,
  errors: [403],
});

export const apiKeyContracts = {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  reserveRegisterNumberByKey,
  getRegisterByKey,
};
