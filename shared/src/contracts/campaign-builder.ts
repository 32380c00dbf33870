import * as z from 'zod';
import { pageOf } from '../api';
import {
  Campaign,
  CampaignAuditEvent,
  CampaignDraft,
  CampaignDraftData,
  CampaignVersion,
  CampaignVersionSummary,
} from '../campaign';
import { Id, TenantId } from '../common';
import { UpdateCampaignBody } from './admin';
import { CampaignParams, defineRoute, PageQuery } from './kernel';

/**
 * The campaign builder's routes (issue 14), in the `admin` Lambda: server drafts saved as one types,
 * copies into another year, and publication as a new version (each one an audit event). Allowed to the
 * province secretariat and admin by the policy (`save` on `campaign`).
 */

export const SaveCampaignDraftBody = z.object({
  /** The revision the editor last read (0: no server draft yet); another tab's save since → 409. */
  revision: z.number().int().min(0),
  baseVersion: z.number().int().min(0),
  title: z.string().max(500).default(''),
  data: CampaignDraftData,
});

export const CopyCampaignBody = z.object({
  /** The new campaign's id. */
  id: Id,
  year: z.number().int().min(2000).max(2100),
  /**
   * The tenant the source belongs to: absent for the caller's own; an absorbed province's id to copy
   * its campaign into the merged province (laid on the merged province's tree, templates copied).
   */
  sourceTenantId: TenantId.optional(),
});

/** A campaign of an absorbed province, offered as the source of a copy (its inherited history). */
export const InheritedCampaign = z.object({
  tenantId: TenantId,
  tenantName: z.string(),
  mergedOn: z.string(),
  campaign: Campaign.pick({ id: true, title: true, number: true, issuedOn: true, year: true, status: true }),
});

export const PublishCampaignBody = z.object({
  /** The version the edit started from (0 for a campaign never published); a newer one → 409. */
  baseVersion: z.number().int().min(0),
  note: z.string().trim().max(500).default(''),
  campaign: UpdateCampaignBody,
});

export const CampaignVersionParams = z.object({
  campaignId: Id,
  version: z.coerce.number().int().min(1).max(999_999),
});

export const CampaignHistory = z.object({
  versions: z.array(CampaignVersionSummary),
  events: z.array(CampaignAuditEvent),
});

export const listCampaignDrafts = defineRoute({
  method: 'GET',
  path: '/admin/campaign-drafts',
  group: 'builder',
  auth: 'user',
  operationId: 'listCampaignDrafts',
  summary: 'Campaign drafts of the tenant (campaign builder)',
  query: PageQuery,
  response: pageOf(CampaignDraft.omit({ data: true })),
  errors: [403],
});

export const getCampaignDraft = defineRoute({
  method: 'GET',
  path: '/admin/campaign-drafts/{campaignId}',
  group: 'builder',
  auth: 'user',
  operationId: 'getCampaignDraft',
  summary: 'The server draft of a campaign being set up or edited',
  params: CampaignParams,
  response: CampaignDraft,
  errors: [403, 404],
});

export const saveCampaignDraft = defineRoute({
  method: 'PUT',
  path: '/admin/campaign-drafts/{campaignId}',
  group: 'builder',
  auth: 'user',
  operationId: 'saveCampaignDraft',
  summary: 'Save the builder draft as it is typed (valid or not)',
  params: CampaignParams,
  body: SaveCampaignDraftBody,
  response: CampaignDraft,
  errors: [403, 409, 413, 422],
  description:
    'Bản nháp được giữ nguyên như đang nhập; `revision` cũ hơn bản trên máy chủ → 409 kèm bản hiện tại.',
});

export const createCampaignCopy = defineRoute({
  method: 'POST',
  path: '/admin/campaigns/{campaignId}/copies',
  group: 'builder',
  auth: 'user',
  operationId: 'createCampaignCopy',
  summary: 'Copy a campaign into another year as a new draft (dates moved, year-only fields cleared)',
  params: CampaignParams,
  body: CopyCampaignBody,
  response: CampaignDraft,
  status: 201,
  errors: [403, 404, 409, 413, 422],
  description:
    'Ngày, hạn, kỳ dời theo số năm; xoá số ký hiệu và ngày kế hoạch, người ký, đơn vị chọn đích danh, gia hạn riêng của đơn vị. Với `sourceTenantId` của tỉnh đã hợp nhất vào tỉnh mình: đơn vị và loại đơn vị chuyển sang cây đơn vị đang có hiệu lực, luồng duyệt lập lại theo cây đó, mẫu biểu sao chép thành mẫu của tỉnh; điều không chuyển được liệt kê trong `mergerCopy.unresolved`. Phong trào không có, hoặc của tỉnh không hợp nhất vào tỉnh mình: cùng một 404.',
});

export const listInheritedCampaigns = defineRoute({
  method: 'GET',
  path: '/admin/inherited-campaigns',
  group: 'builder',
  auth: 'user',
  operationId: 'listInheritedCampaigns',
  summary: 'Campaigns of the provinces merged into this one, offered as sources of a copy',
  response: z.object({ items: z.array(InheritedCampaign) }),
  errors: [403],
});

export const publishCampaign = defineRoute({
  method: 'POST',
  path: '/admin/campaigns/{campaignId}/versions',
  group: 'builder',
  auth: 'user',
  operationId: 'publishCampaign',
  summary: 'Publish a campaign as its next version (checked first; an audit event)',
  params: CampaignParams,
  body: PublishCampaignBody,
  response: CampaignVersionSummary,
  status: 201,
  errors: [403, 409, 413, 422],
  description:
    'Kiểm tra toàn bộ (checkCampaign) rồi ghi phiên bản mới, phong trào, sự kiện nhật ký và khoá Idempotency-Key trong một giao dịch. Báo cáo đang xử lý giữ ảnh chụp luồng duyệt và phiên bản biểu mẫu.',
});

export const listCampaignVersions = defineRoute({
  method: 'GET',
  path: '/admin/campaigns/{campaignId}/versions',
  group: 'builder',
  auth: 'user',
  operationId: 'listCampaignVersions',
  summary: "A campaign's published versions and audit events, newest version first",
  params: CampaignParams,
  response: CampaignHistory,
  errors: [403],
});

export const getCampaignVersion = defineRoute({
  method: 'GET',
  path: '/admin/campaigns/{campaignId}/versions/{version}',
  group: 'builder',
  auth: 'user',
  operationId: 'getCampaignVersion',
  summary: 'One published version of a campaign, whole',
  params: CampaignVersionParams,
  response: CampaignVersion.omit({ tenantId: true }).extend({ campaign: Campaign }),
  errors: [403, 404],
});

/** The builder's routes, by operationId (the `admin` Lambda implements each). */
export const campaignBuilderContracts = {
  listCampaignDrafts,
  getCampaignDraft,
  saveCampaignDraft,
  createCampaignCopy,
  listInheritedCampaigns,
  publishCampaign,
  listCampaignVersions,
  getCampaignVersion,
};
