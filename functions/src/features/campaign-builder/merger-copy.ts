import {
  type Campaign,
  copyAcrossMerger,
  type MergerCopy,
  type TemplateMapping,
  templateKey,
} from '@thidua/shared/campaign';
import type { FormTemplate } from '@thidua/shared/forms';
import type { Identity, Unit } from '@thidua/shared/org';
import { indexUnits } from '@thidua/shared/org';
import { authorizeCampaignCopy } from '@thidua/shared/policy';
import type { TenantMerger } from '@thidua/shared/tenancy';
import type { TxItem } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { NotFound } from '../../kernel/http/errors';
import { canonicalJson } from '../audit/chain';
import { rootUnit } from '../commendations/context';

/**
 * Copying an absorbed province's campaign into the merged one (issue 14's journey: 2026 Đồng Nai from
 * 2023 Bình Phước). The source is read in the predecessor's own partitions (nothing of it is moved);
 * the shared policy decides who may (`authorizeCampaignCopy`: the successor's campaign builders, through
 * the merger); `copyAcrossMerger` lays the copy on the successor's tree. Templates are per tenant, so each
 * form's template version is referenced when the successor already holds the same form under that id,
 * and otherwise copied as a template of the successor (version 1), audited in the copy's transaction.
 */
const SOURCE_MISSING = 'Không tìm thấy phong trào nguồn';

export interface MergerCopyPlan extends MergerCopy {
  source: Campaign;
  merger: TenantMerger;
  /** Templates to create in the successor tenant (their Puts and audit events). */
  templateItems: TxItem[];
}

/** Every unit of a tenant, every version the tree knows (a province holds a few hundred). */
export const allUnits = async (d: Pick<Deps, 'units'>, tenantId: string): Promise<Unit[]> => {
  const out: Unit[] = [];
  let cursor: string | undefined;
  do {
    const page = await d.units.subtree(tenantId, null, { limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
};

/**
 * The source campaign when the caller may copy it across the merger; the SAME 404 for a campaign that
 * does not exist and for one of a province that was not merged into the caller's (nothing leaks).
 */
export async function inheritedSource(
  d: Pick<Deps, 'mergers' | 'campaigns' | 'units'>,
  identity: Identity,
  sourceTenantId: string,
  campaignId: string,
): Promise<{ source: Campaign; merger: TenantMerger }> {
  const [merger, root] = await Promise.all([
    d.mergers.get(identity.tenantId, sourceTenantId),
    rootUnit(d, identity.tenantId),
  ]);
  const decision = authorizeCampaignCopy(
    identity,
    { tenantId: sourceTenantId },
    merger ? [merger] : [],
    root.id,
  );
  if (!decision.allowed || !merger) throw new NotFound(SOURCE_MISSING);
  const source = await d.campaigns.get(sourceTenantId, campaignId);
  if (!source) throw new NotFound(SOURCE_MISSING);
  return { source, merger };
}

/** What the template holds, without its id and version (two templates fill the same when equal). */
const content = ({ id: _id, version: _v, ...rest }: FormTemplate) => canonicalJson(rest);

/** Each source form's template version, as the successor will hold it; new templates to write. */
async function mapTemplates(
  d: Pick<Deps, 'templates'>,
  source: Campaign,
  merger: TenantMerger,
): Promise<{ mapping: TemplateMapping; created: FormTemplate[] }> {
  const mapping = new Map<string, { templateId: string; templateVersion: number; note: string }>();
  const created: FormTemplate[] = [];
  const pairs = [
    ...new Map(source.forms.map((f) => [templateKey(f.templateId, f.templateVersion), f])).values(),
  ];
  for (const { templateId, templateVersion } of pairs) {
    const original = await d.templates.get(merger.predecessorTenantId, templateId, templateVersion);
    if (!original) continue;
    const key = templateKey(templateId, templateVersion);
    const label = `Mẫu biểu "${original.title}" (${templateId}, phiên bản ${templateVersion} của ${merger.predecessorName})`;
    // The successor's own template of that id, same version first, then its latest.
    const own = await d.templates.get(merger.successorTenantId, templateId, templateVersion);
    const latest = own ?? (await d.templates.latest(merger.successorTenantId, templateId));
    if (latest && content(latest) === content(original)) {
      mapping.set(key, {
        templateId,
        templateVersion: latest.version,
        note: `${label}: dùng mẫu ${templateId} phiên bản ${latest.version} sẵn có của ${merger.successorName}`,
      });
      continue;
    }
    // Taken by another form in the successor: the copy gets the predecessor's id as a suffix.
    const newId = latest ? `${templateId}-${merger.predecessorTenantId}`.slice(0, 64) : templateId;
    const already = latest ? await d.templates.latest(merger.successorTenantId, newId) : undefined;
    if (already && content(already) !== content(original)) continue;
    if (!already && !created.some((t) => t.id === newId))
      created.push({ ...original, id: newId, version: 1 });
    mapping.set(key, {
      templateId: newId,
      templateVersion: already?.version ?? 1,
      note: `${label}: sao chép thành mẫu ${newId} phiên bản ${already?.version ?? 1} của ${merger.successorName}`,
    });
  }
  return { mapping, created };
}

/** The copy laid on the successor's tree, and the template items of the same transaction. */
export async function planMergerCopy(
  d: Pick<Deps, 'audit' | 'campaigns' | 'mergers' | 'templates' | 'units'>,
  identity: Identity,
  input: { sourceTenantId: string; campaignId: string; id: string; year: number },
): Promise<MergerCopyPlan> {
  const { source, merger } = await inheritedSource(d, identity, input.sourceTenantId, input.campaignId);
  const [predecessorUnits, successorUnits, templates] = await Promise.all([
    allUnits(d, merger.predecessorTenantId),
    allUnits(d, identity.tenantId),
    mapTemplates(d, source, merger),
  ]);
  const copy = copyAcrossMerger({
    source,
    target: { id: input.id, year: input.year },
    merger,
    predecessorUnits: indexUnits(predecessorUnits),
    successorUnits,
    templates: templates.mapping,
  });
  const puts = templates.created.map((t) => d.templates.putItem(identity.tenantId, t));
  const audit =
    templates.created.length === 0
      ? []
      : await d.audit.record(
          identity,
          ...templates.created.map((t) => ({
            kind: 'template' as const,
            subject: { ...t, tenantId: identity.tenantId },
            action: 'created',
            summary: `Sao chép biểu mẫu ${t.title} từ ${merger.predecessorName} (đã hợp nhất) cùng phong trào ${input.id}`,
          })),
        );
  return { ...copy, source, merger, templateItems: [...puts, ...audit] };
}
