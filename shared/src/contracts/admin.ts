import * as z from 'zod';
import { ImportIssue, importKinds } from '../admin/import';
import { pageOf } from '../api';
import { Campaign } from '../campaign';
import { CalendarDate, Id } from '../common';
import {
  FormKind,
  FormRule,
  FormTemplate,
  Section,
  TemplateDraft,
  TemplateDraftContent,
  TemplateLibraryEntry,
  TemplateWorkflow,
} from '../forms';
import { OfficeHolder, Role, Unit, UnitKind, User } from '../org';
import { TemplateParams } from './campaigns';
import { CampaignParams, defineRoute, PageQuery } from './kernel';
import { UnitParams } from './org';

export const CreateUnitBody = z.object({
  id: Id.optional().describe('mặc định: tự sinh'),
  kind: UnitKind,
  name: z.string().trim().min(1).max(200),
  parentId: Id,
  openedOn: CalendarDate,
});

export const UpdateUnitBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    closedOn: CalendarDate.nullable().optional(),
    successorId: Id.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một thay đổi' });

export const CreateUserBody = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  title: z.string().max(200).default(''),
  unitId: Id,
  roles: z.array(Role).min(1),
});

export const UpdateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    title: z.string().max(200).optional(),
    unitId: Id.optional(),
    roles: z.array(Role).min(1).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một thay đổi' });

export const CampaignBody = Campaign.omit({ tenantId: true });
export const UpdateCampaignBody = Campaign.omit({ tenantId: true, id: true });

export const TemplateVersionBody = z.object({
  kind: FormKind,
  title: z.string().min(1).max(300),
  description: z.string().max(2000).default(''),
  sections: z.array(Section).min(1),
  rules: z.array(FormRule).max(50).optional(),
  workflow: TemplateWorkflow.optional(),
  /** Roles that read the sensitive fields; absent: the policy's default (the unit and its reviewers). */
  sensitiveReaders: FormTemplate.shape.sensitiveReaders,
  /** "Mật": no data entry on this template at all. */
  classified: FormTemplate.shape.classified,
});

export const SaveTemplateDraftBody = z.object({
  content: TemplateDraftContent,
  basedOnVersion: z.number().int().min(1).nullable(),
  /** The revision the editor started from; null creates the draft. Another revision stored → 409. */
  expectedRevision: z.number().int().min(1).nullable(),
});

export const PublishTemplateDraftBody = z.object({
  /** The revision the secretariat confirmed; a newer one (another tab) → 409, nothing published. */
  expectedRevision: z.number().int().min(1),
});

export const createUnit = defineRoute({
  method: 'POST',
  path: '/admin/units',
  group: 'admin',
  auth: 'user',
  operationId: 'createUnit',
  summary: 'Create a unit (province admin)',
  body: CreateUnitBody,
  response: Unit,
  status: 201,
  errors: [403, 404, 409, 413, 422],
});

export const updateUnit = defineRoute({
  method: 'PUT',
  path: '/admin/units/{unitId}',
  group: 'admin',
  auth: 'user',
  operationId: 'updateUnit',
  summary: 'Rename, close or link a successor to a unit (province admin)',
  params: UnitParams,
  body: UpdateUnitBody,
  response: Unit,
  errors: [403, 404, 413, 422],
});

const UserParams = z.object({
  userId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const ListUsersQuery = PageQuery.extend({
  unitId: Id.optional().describe('Người dùng của một đơn vị'),
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .optional()
    .describe('Tìm theo đầu họ tên (không cần dấu) hoặc đầu địa chỉ thư điện tử, trong tỉnh của người gọi'),
}).refine((q) => q.unitId !== undefined || q.q !== undefined, {
  message: 'Cần chọn đơn vị hoặc nhập từ khóa tìm kiếm',
  path: ['q'],
});

export const listUsers = defineRoute({
  method: 'GET',
  path: '/admin/users',
  group: 'admin',
  auth: 'user',
  operationId: 'listUsers',
  summary: 'Users of a unit, or found by name or e-mail prefix (province admin)',
  description:
    'unitId: Query gsi1 của đơn vị (có `q` thì lọc trong đơn vị). Chỉ `q`: Query gsi2 (họ tên đã bỏ dấu) và gsi3 (thư điện tử), mỗi chỉ mục một trang `limit`, không có trang sau.',
  query: ListUsersQuery,
  response: pageOf(User),
  errors: [403, 404],
});

export const createUser = defineRoute({
  method: 'POST',
  path: '/admin/users',
  group: 'admin',
  auth: 'user',
  operationId: 'createUser',
  summary: 'Create a user with roles, in Cognito and the table (province admin)',
  body: CreateUserBody,
  response: User,
  status: 201,
  errors: [403, 404, 409, 413, 422],
  idempotencyPrecheck: true,
});

export const updateUser = defineRoute({
  method: 'PUT',
  path: '/admin/users/{userId}',
  group: 'admin',
  auth: 'user',
  operationId: 'updateUser',
  summary: "Change a user's unit, roles or status (province admin)",
  params: UserParams,
  body: UpdateUserBody,
  response: User,
  errors: [403, 404, 413, 422],
  idempotencyPrecheck: true,
});

export const createCampaign = defineRoute({
  method: 'POST',
  path: '/admin/campaigns',
  group: 'admin',
  auth: 'user',
  operationId: 'createCampaign',
  summary: 'Create a campaign (province admin)',
  body: CampaignBody,
  response: Campaign,
  status: 201,
  errors: [403, 409, 413, 422],
});

export const updateCampaign = defineRoute({
  method: 'PUT',
  path: '/admin/campaigns/{campaignId}',
  group: 'admin',
  auth: 'user',
  operationId: 'updateCampaign',
  summary: 'Replace a campaign (province admin)',
  params: CampaignParams,
  body: UpdateCampaignBody,
  response: Campaign,
  errors: [403, 404, 413, 422],
});

export const createTemplateVersion = defineRoute({
  method: 'POST',
  path: '/admin/templates/{templateId}/versions',
  group: 'admin',
  auth: 'user',
  operationId: 'createTemplateVersion',
  summary: 'Publish a new version of a form template (province admin)',
  params: TemplateParams,
  body: TemplateVersionBody,
  response: z.object({ templateId: Id, version: z.number().int() }),
  status: 201,
  errors: [403, 409, 413, 422],
  description: 'Phiên bản mới = phiên bản mới nhất + 1; các báo cáo đang xử lý giữ phiên bản cũ.',
});

/** What an account action did, in Vietnamese for the administrator, and the user after it. */
export const AccountActionResult = z.object({ user: User, message: z.string() });

export const resetUserPassword = defineRoute({
  method: 'POST',
  path: '/admin/users/{userId}/password-reset',
  group: 'admin',
  auth: 'user',
  operationId: 'resetUserPassword',
  summary: "Reset a user's password: the old one stops working, a code is sent by e-mail (province admin)",
  description:
    'Cognito AdminResetUserPassword: lần đăng nhập sau, người dùng dùng "Quên mật khẩu?" với mã được gửi tới thư điện tử.',
  params: UserParams,
  response: AccountActionResult,
  errors: [403, 404, 409],
  idempotencyPrecheck: true,
});

export const resendInvitation = defineRoute({
  method: 'POST',
  path: '/admin/users/{userId}/invitation',
  group: 'admin',
  auth: 'user',
  operationId: 'resendInvitation',
  summary: 'Send the invitation again with a new temporary password (province admin)',
  description:
    'Cognito AdminCreateUser với MessageAction RESEND; chỉ cho tài khoản chưa đăng nhập lần đầu (409 nếu đã đặt mật khẩu).',
  params: UserParams,
  response: AccountActionResult,
  errors: [403, 404, 409],
  idempotencyPrecheck: true,
});

export const OfficeHoldersBody = z.object({ officeHolders: z.array(OfficeHolder).max(20) });

export const updateOfficeHolders = defineRoute({
  method: 'PUT',
  path: '/admin/units/{unitId}/office-holders',
  group: 'admin',
  auth: 'user',
  operationId: 'updateOfficeHolders',
  summary: "Replace a unit's dated office holders, the signers of its documents (province admin)",
  params: UnitParams,
  body: OfficeHoldersBody,
  response: Unit,
  errors: [403, 404, 413, 422],
});

export const ImportBody = z.object({
  kind: z.enum(importKinds),
  /** The .xlsx file, base64 (a template-sized file of 33 rows is ~10 KB). */
  file: z
    .string()
    .min(1)
    .max(200_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Tệp phải được mã hóa base64'),
  /** Validate only: the report, nothing written. */
  dryRun: z.boolean().default(false),
});

export const ImportReport = z.object({
  kind: z.enum(importKinds),
  /** Data rows read (empty rows skipped). */
  rowCount: z.number().int(),
  /** Every problem of every row, in reading order; empty when the file can be imported. */
  issues: z.array(ImportIssue),
  /** True once every row is written (never partly). */
  written: z.boolean(),
  /** The ids of the units or users created. */
  created: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const importOrganisation = defineRoute({
  method: 'POST',
  path: '/admin/imports',
  group: 'admin',
  auth: 'user',
  operationId: 'importOrganisation',
  summary: 'Import units or users from an Excel file: all rows or none (province admin)',
  description:
    'Đọc và kiểm tra toàn bộ tệp (kể cả đối chiếu dữ liệu đã có); `dryRun` chỉ trả báo cáo. Có lỗi: 422, chi tiết `rows.<dòng>.<cột>`, không ghi gì. Không lỗi: ghi tất cả trong một giao dịch.',
  body: ImportBody,
  response: ImportReport,
  errors: [403, 409, 413, 422],
  idempotencyPrecheck: true,
});

export const listTemplateLibrary = defineRoute({
  method: 'GET',
  path: '/admin/templates',
  group: 'builder',
  auth: 'user',
  operationId: 'listTemplateLibrary',
  summary: 'The library of form templates: published versions and drafts (secretariat, admin)',
  response: z.object({ items: z.array(TemplateLibraryEntry) }),
  errors: [403],
});

export const getTemplateDraft = defineRoute({
  method: 'GET',
  path: '/admin/templates/{templateId}/draft',
  group: 'builder',
  auth: 'user',
  operationId: 'getTemplateDraft',
  summary: "A template's draft in the form builder (secretariat, admin)",
  params: TemplateParams,
  response: TemplateDraft,
  errors: [403, 404],
});

export const saveTemplateDraft = defineRoute({
  method: 'PUT',
  path: '/admin/templates/{templateId}/draft',
  group: 'builder',
  auth: 'user',
  operationId: 'saveTemplateDraft',
  summary: "Create or autosave a template's draft (secretariat, admin)",
  params: TemplateParams,
  body: SaveTemplateDraftBody,
  response: TemplateDraft,
  errors: [403, 409, 413, 422],
  description:
    'Bản nháp có thể chưa hoàn chỉnh; kiểm tra đầy đủ khi công bố. Sai revision → 409 kèm bản hiện tại.',
});

export const publishTemplateDraft = defineRoute({
  method: 'POST',
  path: '/admin/templates/{templateId}/draft/publish',
  group: 'builder',
  auth: 'user',
  operationId: 'publishTemplateDraft',
  summary: "Publish a template's draft as its next version (secretariat, admin)",
  params: TemplateParams,
  body: PublishTemplateDraftBody,
  response: z.object({ templateId: Id, version: z.number().int() }),
  status: 201,
  errors: [403, 404, 409, 413, 422],
  description:
    'Cùng các kiểm tra như khi công bố bằng JSON; phiên bản mới = mới nhất + 1 và bản nháp được xoá trong cùng giao dịch.',
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const adminContracts = {
  createUnit,
  updateUnit,
  listUsers,
  createUser,
  updateUser,
  resetUserPassword,
  resendInvitation,
  updateOfficeHolders,
  importOrganisation,
  createCampaign,
  updateCampaign,
  createTemplateVersion,
};

/** The form builder's routes (the `builder` group's Lambda implements them, beside the campaign builder's). */
export const templateBuilderContracts = {
  listTemplateLibrary,
  getTemplateDraft,
  saveTemplateDraft,
  publishTemplateDraft,
};
