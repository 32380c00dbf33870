import * as z from 'zod';
import { addDays, type CalendarDate, type Id } from '../common';
import { type ChainConfig, ChainRule } from '../org/chain';
import { ancestorsOn } from '../org/dated';
import { kindOn, nameOn } from '../org/history';
import { type Unit, unitKindLabels } from '../org/schema';
import { getUnit, indexUnits, isActiveOn, type UnitLookup } from '../org/tree';
import type { TenantMerger } from '../tenancy/merger';
import { type CampaignCopy, copyCampaign } from './copy';
import type { Campaign, FormAssignment } from './schema';

/**
 * Copying an absorbed province's campaign into the merged province (2026 Đồng Nai from 2023 Bình
 * Phước): the year copy of `copyCampaign`, then everything that names the old province's organisation
 * is carried onto the successor's tree IN FORCE, and whatever cannot be carried is listed for the
 * secretariat to decide — never dropped silently:
 * - participant kinds and each form's kinds: kept when units of that kind exist in the new tree that
 *   day (a district is not), the others listed;
 * - units picked by name: mapped through the merger's unit map to the units that carry them; a unit the
 *   map does not name (a district) is listed; units excluded by name are listed (the successor unit may
 *   carry others too, so excluding it is the secretariat's call);
 * - deadlines of a review level that no longer exists are listed and left out;
 * - the approval chains are re-derived from the successor's tree (each kind reviewed by the kinds of its
 *   ancestors: commune/ward → province, department → province in the two-tier tree);
 * - forms: the caller maps each template version to the successor tenant's own (`templates`).
 */
export const CopyNote = z.object({
  /** Where in the campaign the note applies (the builder links to it). */
  path: z.string().max(200),
  message: z.string().max(1000),
});
export type CopyNote = z.infer<typeof CopyNote>;

/** What a copy across a merger carried over and what it leaves to the secretariat (stored on the draft). */
export const MergerCopyReport = z.object({
  sourceTenantId: z.string().max(64),
  sourceTenantName: z.string().max(200),
  /** What was carried onto the merged province's organisation, one line each. */
  mapped: z.array(CopyNote).max(500),
  /** What could not be carried: the secretariat decides each before publication. */
  unresolved: z.array(CopyNote).max(500),
});
export type MergerCopyReport = z.infer<typeof MergerCopyReport>;

export type MergerOfCopy = Pick<
  TenantMerger,
  | 'predecessorTenantId'
  | 'predecessorName'
  | 'successorTenantId'
  | 'successorName'
  | 'successorRootId'
  | 'effectiveFrom'
  | 'legalBasis'
  | 'unitMap'
>;

/** A source form's template version as the successor tenant holds it (copied or already there). */
export type TemplateMapping = ReadonlyMap<string, { templateId: Id; templateVersion: number; note: string }>;
export const templateKey = (templateId: Id, version: number) => `${templateId}@${version}`;

const kindName = (kind: string) => unitKindLabels[kind] ?? kind;
const viDate = (d: CalendarDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The day the copy is laid on the new tree: 1 January of its year, or the merger's day if later. */
export const mergerCopyDate = (year: number, merger: Pick<TenantMerger, 'effectiveFrom'>): CalendarDate => {
  const jan1 = `${String(year).padStart(4, '0')}-01-01`;
  return jan1 > merger.effectiveFrom ? jan1 : merger.effectiveFrom;
};

/**
 * The chain rules of a tree on `onDate`: for each kind of unit that has a parent, the kinds of its
 * ancestors, nearest first (the first unit of that kind decides). Nothing here names a kind.
 */
export function chainRulesOfTree(units: readonly Unit[], onDate: CalendarDate): ChainRule[] {
  const byId = indexUnits(units);
  const rules = new Map<string, string[]>();
  for (const u of units) {
    if (!isActiveOn(u, onDate)) continue;
    const kind = kindOn(u, onDate);
    if (rules.has(kind)) continue;
    const above = [...new Set(ancestorsOn(byId, u, onDate).map((a) => kindOn(a, onDate)))];
    if (above.length > 0) rules.set(kind, above);
  }
  return [...rules].map(([authorKind, reviewerKinds]) => ChainRule.parse({ authorKind, reviewerKinds }));
}

export interface MergerCopyInput {
  source: Campaign;
  target: { id: Id; year: number };
  merger: MergerOfCopy;
  /** The predecessor's units (for names in the notes). */
  predecessorUnits: UnitLookup;
  /** The successor's tree, every unit. */
  successorUnits: readonly Unit[];
  templates: TemplateMapping;
}

export interface MergerCopy {
  copy: CampaignCopy;
  report: MergerCopyReport;
}

/** The copy of `source` (another tenant's campaign) laid on the merged province's tree. Pure. */
export function copyAcrossMerger(input: MergerCopyInput): MergerCopy {
  const { source, target, merger } = input;
  const onDate = mergerCopyDate(target.year, merger);
  const mapped: CopyNote[] = [];
  const unresolved: CopyNote[] = [];
  const successors = indexUnits(input.successorUnits);
  const inForce = new Set(
    input.successorUnits.filter((u) => isActiveOn(u, onDate)).map((u) => kindOn(u, onDate)),
  );
  // The predecessor's units are named as they stood the day before the merger.
  const oldName = (id: Id) => {
    const u = getUnit(input.predecessorUnits, id);
    return u ? nameOn(u, addDays(merger.effectiveFrom, -1)) : id;
  };
  const newName = (id: Id) => {
    const u = getUnit(successors, id);
    return u ? nameOn(u, onDate) : id;
  };
  const keepKinds = (kinds: readonly string[], path: string): string[] => {
    for (const k of kinds.filter((k) => !inForce.has(k)))
      unresolved.push({
        path,
        message: `Loại đơn vị "${kindName(k)}" không còn trong cây đơn vị của ${merger.successorName} ngày ${viDate(onDate)}: chưa đưa vào; hãy chọn loại hoặc đơn vị thay thế nếu cần.`,
      });
    return kinds.filter((k) => inForce.has(k));
  };

  const base = copyCampaign(source, target);
  // Units picked by name: carried by the units the merger maps them to, when those are open that day.
  const unitIds: Id[] = [];
  source.participants.unitIds.forEach((id, i) => {
    const to = merger.unitMap.find((e) => e.from === id)?.to;
    const successor = to === undefined ? undefined : getUnit(successors, to);
    if (to === undefined || successor === undefined || !isActiveOn(successor, onDate)) {
      unresolved.push({
        path: `participants.unitIds`,
        message: `${oldName(id)} (đơn vị được chọn thứ ${i + 1}) không có đơn vị kế thừa đang hoạt động ở ${merger.successorName}: chưa đưa vào.`,
      });
      return;
    }
    if (!unitIds.includes(to)) unitIds.push(to);
    mapped.push({ path: 'participants.unitIds', message: `${oldName(id)} → ${newName(to)}` });
  });
  for (const id of source.participants.excludedUnitIds) {
    const to = merger.unitMap.find((e) => e.from === id)?.to;
    unresolved.push({
      path: 'participants.excludedUnitIds',
      message: `${oldName(id)} bị loại khỏi phong trào năm ${source.year}${to ? `; nay thuộc ${newName(to)}, đơn vị này có thể kế thừa cả đơn vị khác` : ''}: hãy quyết định có loại trừ không.`,
    });
  }
  const unitKinds = keepKinds(source.participants.unitKinds, 'participants.unitKinds');

  const forms = base.forms.map((f, i): FormAssignment => {
    const from = source.forms[i];
    const template = from
      ? input.templates.get(templateKey(from.templateId, from.templateVersion))
      : undefined;
    if (template) mapped.push({ path: `forms.${i}.templateId`, message: template.note });
    else
      unresolved.push({
        path: `forms.${i}.templateId`,
        message: `Biểu mẫu ${f.templateId} phiên bản ${f.templateVersion} không có ở ${merger.successorName}: hãy chọn mẫu biểu.`,
      });
    const deadlines = f.deadlines.filter((d) => d.reviewerKind === undefined || inForce.has(d.reviewerKind));
    if (deadlines.length < f.deadlines.length)
      unresolved.push({
        path: `forms.${i}.deadlines`,
        message: `Biểu mẫu ${f.formKey}: bỏ ${f.deadlines.length - deadlines.length} hạn duyệt của cấp không còn tồn tại; hãy kiểm tra hạn của cấp tỉnh.`,
      });
    return {
      ...f,
      ...(template ? { templateId: template.templateId, templateVersion: template.templateVersion } : {}),
      unitKinds: keepKinds(f.unitKinds, `forms.${i}.unitKinds`),
      deadlines,
    };
  });

  const rules = chainRulesOfTree(input.successorUnits, onDate);
  const chain: ChainConfig = {
    id: `chain_${target.year}_${merger.successorTenantId}`.slice(0, 64),
    name: `Theo cây đơn vị của ${merger.successorName} (từ ${viDate(onDate)})`,
    effectiveFrom: onDate,
    effectiveTo: null,
    legalBasis: merger.legalBasis,
    rules,
  };
  mapped.push({
    path: 'chainConfigs',
    message: `Luồng duyệt lập lại theo cây đơn vị đang có hiệu lực: ${rules
      .map((r) => `${kindName(r.authorKind)} → ${r.reviewerKinds.map(kindName).join(' → ')}`)
      .join('; ')}.`,
  });
  if (source.issuer)
    unresolved.push({
      path: 'issuer',
      message: `Cơ quan ban hành năm ${source.year} là "${source.issuer}": hãy ghi cơ quan của ${merger.successorName}.`,
    });
  return {
    copy: {
      ...base,
      tenantId: merger.successorTenantId,
      issuer: '',
      participants: { unitKinds, unitIds, excludedUnitIds: [] },
      forms,
      chainConfigs: [chain],
    },
    report: {
      sourceTenantId: merger.predecessorTenantId,
      sourceTenantName: merger.predecessorName,
      mapped,
      unresolved,
    },
  };
}
