import {
  type Campaign,
  CampaignDraft,
  type CampaignVersion,
  changedFields,
  checkCampaign,
  checkDateOf,
  copyCampaign,
  planPublication,
} from '@thidua/shared/campaign';
import { toCalendarDate } from '@thidua/shared/common';
import { campaignBuilderContracts as c } from '@thidua/shared/contracts';
import type { Identity } from '@thidua/shared/org';
import { indexUnits } from '@thidua/shared/org';
import { requireAction } from '../../kernel/access';
import { TransactionRefused, transactWrite } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import type { Seal } from '../../kernel/http/idempotency';
import { created, ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { provinceResource } from '../commendations/context';
import { type CampaignChange, campaignAuditItems } from './audit';
import { allUnits, planMergerCopy } from './merger-copy';

/**
 * The campaign builder (issue 14): drafts kept as typed, copies into another year, publication as a new
 * version. Every write is one transaction with its Idempotency-Key record and, for a change to a
 * campaign, its audit events (audit.ts, the one call site).
 */
const DRAFT_MISSING = 'Chưa có bản nháp của phong trào này';

/** `save` on the province's campaigns: the secretariat and the admin at the root (shared policy). */
const requireBuilder = async (d: Pick<Deps, 'units'>, identity: Identity): Promise<void> =>
  requireAction(identity, 'save', await provinceResource(d, identity.tenantId, 'campaign'));

/** Versions 1..latest of each template the campaign names. */
const publishedTemplates = async (
  d: Pick<Deps, 'templates'>,
  campaign: Campaign,
): Promise<Map<string, number[]>> => {
  const ids = [...new Set(campaign.forms.map((f) => f.templateId))];
  const latest = await Promise.all(ids.map((id) => d.templates.latest(campaign.tenantId, id)));
  return new Map(ids.map((id, i) => [id, Array.from({ length: latest[i]?.version ?? 0 }, (_, v) => v + 1)]));
};

/** `checkCampaign` on the tree as of the campaign's first entry day; errors are a 422 at `body.campaign.…`. */
const requirePublishable = async (
  d: Pick<Deps, 'audit' | 'campaignHistory' | 'campaigns' | 'clients' | 'mergers' | 'templates' | 'units'>,
  campaign: Campaign,
  now: Date,
): Promise<void> => {
  const units = await allUnits(d, campaign.tenantId);
  const { errors } = checkCampaign(campaign, {
    units,
    unitsById: indexUnits(units),
    asOf: checkDateOf(campaign, toCalendarDate(now.toISOString())),
    publishedTemplates: await publishedTemplates(d, campaign),
  });
  if (errors.length > 0) {
    throw new RuleViolation(
      'Phong trào chưa thể ban hành',
      errors.map((e) => ({ path: `body.campaign.${e.path}`, message: e.message })),
      'campaign_invalid',
    );
  }
};

/** A refused transaction: a newer draft, version or event was written since this request read. */
const refused = (err: unknown, message: string, current?: unknown): never => {
  if (err instanceof TransactionRefused) throw new Conflict(message, current, 'version_conflict');
  throw err;
};

export interface Publication {
  campaign: Campaign;
  baseVersion: number | 'latest';
  note: string;
  kind: 'created' | 'published' | 'replaced';
  identity: Identity;
  now: Date;
  /** The idempotency record of the request, given the version written. */
  remember: Seal<CampaignVersion>;
}

/**
 * Writes a campaign as its next version: the campaign (created or replaced), the version, the audit
 * event, the draft removed if any, and the idempotency record — ONE transaction. Used by the builder's
 * publication and by the JSON routes (`POST`/`PUT /admin/campaigns`), so every change is versioned.
 */
export const publishVersion = async (
  d: Pick<Deps, 'audit' | 'campaignHistory' | 'campaigns' | 'clients' | 'mergers' | 'templates' | 'units'>,
  p: Publication,
): Promise<CampaignVersion> => {
  const t = p.campaign.tenantId;
  const [existing, latest, draft] = await Promise.all([
    d.campaigns.get(t, p.campaign.id),
    d.campaignHistory.latestVersion(t, p.campaign.id),
    d.campaignHistory.draft(t, p.campaign.id),
  ]);
  const latestVersion = latest?.version ?? null;
  const plan = planPublication({
    exists: existing !== undefined,
    latestVersion,
    baseVersion: p.baseVersion === 'latest' ? (latestVersion ?? 0) : p.baseVersion,
  });
  if (!plan.ok) {
    throw new Conflict(
      `Phong trào đã có phiên bản ${plan.latest} mới hơn bản bạn đang sửa; hãy tải lại`,
      { latestVersion: plan.latest },
      'version_conflict',
    );
  }
  if (p.kind === 'created' && existing)
    throw new Conflict('Phong trào đã tồn tại', undefined, 'already_exists');
  if (p.kind === 'replaced' && !existing) throw new NotFound('Không tìm thấy phong trào');
  const version: CampaignVersion = {
    tenantId: t,
    campaignId: p.campaign.id,
    version: plan.version,
    publishedAt: p.now.toISOString(),
    publishedBy: p.identity.userId,
    publishedByName: p.identity.name,
    note: p.note,
    changed: changedFields(latest?.campaign ?? existing ?? null, p.campaign),
    campaign: p.campaign,
  };
  const change: CampaignChange = {
    tenantId: t,
    campaignId: p.campaign.id,
    actor: p.identity,
    kind: p.kind,
    version: plan.version,
    sourceCampaignId: null,
    data: p.campaign,
    at: p.now,
  };
  const items = [
    d.campaigns.putItem(p.campaign, plan.mode),
    d.campaignHistory.versionPutItem(version),
    ...(draft ? [d.campaignHistory.draftDeleteItem(t, p.campaign.id)] : []),
    ...p.remember(version),
    ...(await campaignAuditItems(d, { ...change, existed: existing !== undefined })),
  ];
  try {
    await transactWrite(d.clients.doc, items);
  } catch (err) {
    refused(err, 'Phong trào vừa được người khác ban hành hoặc thay đổi; hãy tải lại');
  }
  return version;
};

const summary = ({ tenantId: _t, campaign: _c, ...rest }: CampaignVersion) => rest;

export const campaignBuilderRoutes = (
  d: Pick<Deps, 'audit' | 'campaignHistory' | 'campaigns' | 'clients' | 'mergers' | 'templates' | 'units'>,
): RouteImpl[] => [
  userRoute(c.listCampaignDrafts, async ({ identity, query }) => {
    await requireBuilder(d, identity);
    const page = await d.campaignHistory.drafts(identity.tenantId, query);
    return ok({ items: page.items.map(({ data: _data, ...rest }) => rest), nextCursor: page.nextCursor });
  }),

  userRoute(c.getCampaignDraft, async ({ identity, params }) => {
    await requireBuilder(d, identity);
    const draft = await d.campaignHistory.draft(identity.tenantId, params.campaignId);
    if (!draft) throw new NotFound(DRAFT_MISSING);
    return ok(draft);
  }),

  userRoute(c.saveCampaignDraft, async ({ identity, params, body, remember, now }) => {
    await requireBuilder(d, identity);
    const draft = CampaignDraft.parse({
      tenantId: identity.tenantId,
      campaignId: params.campaignId,
      revision: body.revision + 1,
      baseVersion: body.baseVersion,
      copiedFrom: null,
      title: body.title,
      updatedAt: now.toISOString(),
      updatedBy: identity.userId,
      data: body.data,
    });
    const stored = await d.campaignHistory.draft(identity.tenantId, params.campaignId);
    const kept = { ...draft, copiedFrom: stored?.copiedFrom ?? null, mergerCopy: stored?.mergerCopy ?? null };
    const response = ok(kept);
    try {
      await transactWrite(d.clients.doc, [d.campaignHistory.draftPutItem(kept), ...remember(response)]);
    } catch (err) {
      // Another tab saved since: its draft comes back so the editor can tell which one to keep.
      refused(err, 'Bản nháp vừa được lưu ở nơi khác; hãy tải lại để không ghi đè', stored);
    }
    return response;
  }),

  userRoute(c.createCampaignCopy, async ({ identity, params, body, remember, now }) => {
    await requireBuilder(d, identity);
    const t = identity.tenantId;
    const across = body.sourceTenantId !== undefined && body.sourceTenantId !== t;
    const plan = across
      ? await planMergerCopy(d, identity, {
          sourceTenantId: body.sourceTenantId ?? t,
          campaignId: params.campaignId,
          id: body.id,
          year: body.year,
        })
      : undefined;
    const source = plan?.source ?? (await d.campaigns.get(t, params.campaignId));
    if (!source) throw new NotFound('Không tìm thấy phong trào nguồn');
    if (await d.campaigns.get(t, body.id))
      throw new Conflict('Đã có phong trào với mã này', undefined, 'already_exists');
    const copy = plan?.copy ?? copyCampaign(source, { id: body.id, year: body.year });
    const { tenantId: _tenant, ...data } = copy;
    const draft: CampaignDraft = {
      tenantId: t,
      campaignId: body.id,
      revision: 1,
      baseVersion: 0,
      copiedFrom: source.id,
      mergerCopy: plan?.report ?? null,
      title: copy.title,
      updatedAt: now.toISOString(),
      updatedBy: identity.userId,
      data,
    };
    const response = created(draft);
    const audit = await campaignAuditItems(d, {
      actor: identity,
      tenantId: t,
      campaignId: body.id,
      kind: 'copied',
      version: null,
      sourceCampaignId: source.id,
      ...(plan ? { sourceTenantId: plan.merger.predecessorTenantId } : {}),
      data: copy,
      at: now,
    });
    try {
      await transactWrite(d.clients.doc, [
        d.campaignHistory.draftPutItem(draft),
        ...(plan?.templateItems ?? []),
        ...remember(response),
        ...audit,
      ]);
    } catch (err) {
      refused(err, 'Đã có bản nháp với mã này; hãy chọn mã khác hoặc mở bản nháp đó');
    }
    return response;
  }),

  userRoute(c.listInheritedCampaigns, async ({ identity }) => {
    await requireBuilder(d, identity);
    const mergers = await d.mergers.predecessorsOf(identity.tenantId);
    const lists = await Promise.all(
      mergers.map(async (m) => ({ m, page: await d.campaigns.list(m.predecessorTenantId, { limit: 100 }) })),
    );
    return ok({
      items: lists.flatMap(({ m, page }) =>
        page.items.map((x) => ({
          tenantId: m.predecessorTenantId,
          tenantName: m.predecessorName,
          mergedOn: m.effectiveFrom,
          campaign: {
            id: x.id,
            title: x.title,
            number: x.number,
            issuedOn: x.issuedOn,
            year: x.year,
            status: x.status,
          },
        })),
      ),
    });
  }),

  userRoute(c.publishCampaign, async ({ identity, params, body, remember, now }) => {
    await requireBuilder(d, identity);
    const campaign: Campaign = { ...body.campaign, id: params.campaignId, tenantId: identity.tenantId };
    await requirePublishable(d, campaign, now);
    const version = await publishVersion(d, {
      campaign: { ...campaign, status: campaign.status === 'draft' ? 'active' : campaign.status },
      baseVersion: body.baseVersion,
      note: body.note,
      kind: 'published',
      identity,
      now,
      remember: (v) => remember(created(summary(v))),
    });
    return created(summary(version));
  }),

  userRoute(c.listCampaignVersions, async ({ identity, params }) => {
    await requireBuilder(d, identity);
    const [versions, events] = await Promise.all([
      d.campaignHistory.versions(identity.tenantId, params.campaignId),
      d.campaignHistory.events(identity.tenantId, params.campaignId),
    ]);
    return ok({ versions: versions.map(summary), events });
  }),

  userRoute(c.getCampaignVersion, async ({ identity, params }) => {
    await requireBuilder(d, identity);
    const v = await d.campaignHistory.version(identity.tenantId, params.campaignId, params.version);
    if (!v) throw new NotFound('Không có phiên bản này');
    const { tenantId: _t, ...rest } = v;
    return ok(rest);
  }),
];
