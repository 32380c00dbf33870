import type { Decision } from '@thidua/shared/commendation';
import { toCalendarDate } from '@thidua/shared/common';
import type {
  InheritedAward,
  InheritedSubmissionResponse,
  Origin,
  PredecessorHistory,
  UnitHistoryResponse,
} from '@thidua/shared/contracts';
import type { FormTemplate } from '@thidua/shared/forms';
import type { Identity, Unit } from '@thidua/shared/org';
import { authorizeInherited } from '@thidua/shared/policy';
import { predecessorUnitsOf, successorUnitOf, type TenantMerger } from '@thidua/shared/tenancy';
import type { Deps } from '../../kernel/deps';
import { NotFound } from '../../kernel/http/errors';
import { verifyChain } from '../audit/chain';
import { verifyLink } from './use-cases';

/**
 * Reading an absorbed province's history from the merged one (ADR 0017): each read goes to the
 * predecessor tenant's own partitions (its keys, its tenant id), never to a copy, and the shared policy
 * decides on the item as if it stood under the successor unit that carries its author unit. Read-only.
 */
export type HistoryDeps = Pick<Deps, 'mergers' | 'units' | 'submissions' | 'commendations' | 'templates'>;

/** What a page shows of each list: the latest items; older ones are in the absorbed province's own views. */
const HISTORY_PAGE = 50;

/**
 * The policy on a predecessor's item, placed under the successor unit that carries it — and, through the
 * dated organisation's lineage, under that unit's own heirs if it has since been merged or split.
 */
const canRead = async (
  d: HistoryDeps,
  identity: Identity,
  m: TenantMerger,
  item: { unitId: string; unitPath: readonly string[] },
  successorUnit: Unit,
  now: Date,
): Promise<boolean> => {
  const heirs = await d.units.heirsOn(identity.tenantId, successorUnit.id, toCalendarDate(now.toISOString()));
  return authorizeInherited(
    identity,
    'read',
    m,
    { type: 'submission', tenantId: m.predecessorTenantId, unitId: item.unitId, unitPath: item.unitPath },
    new Map([[successorUnit.id, successorUnit]]),
    heirs,
  ).allowed;
};

/** The built-in bodies' names (config-2023); a configured body shows its id. */
const bodyNames: Readonly<Record<string, string>> = {
  'ubnd-tinh': 'Ủy ban nhân dân tỉnh',
  'bcd-tinh': 'Ban Chỉ đạo tỉnh',
};

const awardsOf = (m: TenantMerger, decisions: readonly Decision[], unitId: string | null): InheritedAward[] =>
  decisions.flatMap((x) =>
    x.entries
      .filter((e) => e.outcome === 'awarded' && (unitId === null || e.unitId === unitId))
      .map((e) => ({
        decisionId: x.id,
        decisionNumber: x.numberText,
        signedOn: x.signedOn,
        issuer: `${bodyNames[x.issuingBodyId] ?? x.issuingBodyId} (${m.predecessorName})`,
        awardTypeName: e.awardTypeName,
        nomineeKind: e.nomineeKind,
        nomineeName: e.nomineeName,
        nomineeTitle: e.nomineeTitle,
        campaignId: x.campaignId,
      })),
  );

/** The decisions that name a predecessor unit: its notifications (one Query) and the decisions they cite. */
const decisionsFor = async (d: HistoryDeps, tenantId: string, unitId: string): Promise<Decision[]> => {
  const notes = await d.commendations.notifications(tenantId, unitId, HISTORY_PAGE);
  const ids = [...new Set(notes.filter((n) => n.kind === 'decision').map((n) => n.refId))];
  const found = await Promise.all(ids.map((id) => d.commendations.getDecision(tenantId, id)));
  return found.filter((x): x is Decision => x !== undefined);
};

const originOf = (m: TenantMerger, unit: { id: string; name: string }, successor: Unit): Origin => ({
  tenantId: m.predecessorTenantId,
  tenantName: m.predecessorName,
  unitId: unit.id,
  unitName: unit.name,
  successorUnitId: successor.id,
  successorUnitName: successor.name,
  effectiveFrom: m.effectiveFrom,
});

/**
 * What the absorbed units a unit carries filed and were awarded. The merged province's root carries the
 * absorbed province's root: its whole tree (the province roles' view). A unit whose history the caller
 * may not read answers 404, as an unknown one.
 */
export const unitHistory = async (
  d: HistoryDeps,
  identity: Identity,
  unitId: string,
  now: Date,
): Promise<UnitHistoryResponse> => {
  const t = identity.tenantId;
  const [unit, mergers] = await Promise.all([d.units.get(t, unitId), d.mergers.predecessorsOf(t)]);
  if (!unit) throw new NotFound('Không tìm thấy đơn vị');
  // The unit carries what the merger mapped onto it, and onto its own predecessors in this province.
  const carriers = mergers.length === 0 ? [] : [unit, ...(await d.units.lineage(t, unit.id))];
  const predecessors: PredecessorHistory[] = [];
  let carried = 0;
  for (const m of mergers) {
    for (const carrier of carriers) {
      const atRoot = carrier.id === m.successorRootId;
      const ids = atRoot ? [m.predecessorRootId] : predecessorUnitsOf(m, carrier.id);
      if (ids.length === 0) continue;
      const units = await d.units.getMany(m.predecessorTenantId, ids);
      for (const id of ids) {
        const p = units.get(id);
        if (!p) continue;
        carried += 1;
        if (!(await canRead(d, identity, m, { unitId: p.id, unitPath: p.path }, carrier, now))) continue;
        const [page, decisions] = await Promise.all([
          d.submissions.list({
            tenantId: m.predecessorTenantId,
            scope: atRoot ? 'TREE' : 'MINE',
            ownerUnitId: p.id,
            now,
            limit: HISTORY_PAGE,
          }),
          atRoot
            ? d.commendations
                .publicDecisions(m.predecessorTenantId, { limit: HISTORY_PAGE })
                .then((r) => r.items)
            : decisionsFor(d, m.predecessorTenantId, p.id),
        ]);
        predecessors.push({
          origin: originOf(m, p, carrier),
          submissions: page.items,
          awards: awardsOf(m, decisions, atRoot ? null : p.id),
        });
      }
    }
  }
  if (carried > 0 && predecessors.length === 0) throw new NotFound('Không tìm thấy đơn vị');
  return { unitId: unit.id, predecessors };
};

/** A field's value as a line of text (tables and files by count): the page reads, never edits. */
const shown = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return v.toLocaleString('vi-VN');
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `${v.length} mục`;
  if (typeof v === 'object' && 'selfScore' in v) return String((v as { selfScore: unknown }).selfScore);
  return '';
};

const filledFields = (template: FormTemplate | undefined, data: Record<string, unknown>) =>
  (template?.sections ?? []).flatMap((section) => {
    const values = (data[section.key] ?? {}) as Record<string, unknown>;
    return section.fields
      .map((f) => ({ section: section.title, label: f.label, value: shown(values[f.key]) }))
      .filter((f) => f.value !== '');
  });

/** One submission of an absorbed province, its own audit chain verified, and the merger's link verified. */
export const inheritedSubmission = async (
  d: HistoryDeps,
  identity: Identity,
  predecessorTenantId: string,
  submissionId: string,
  now: Date,
): Promise<InheritedSubmissionResponse> => {
  const notFound = () => new NotFound('Không tìm thấy báo cáo');
  const m = await d.mergers.get(identity.tenantId, predecessorTenantId);
  if (!m) throw notFound();
  const s = await d.submissions.get(predecessorTenantId, submissionId);
  if (!s) throw notFound();
  const successor = await d.units.get(identity.tenantId, successorUnitOf(m, s.unitId));
  if (!successor || !(await canRead(d, identity, m, s, successor, now))) throw notFound();
  const [events, link, template] = await Promise.all([
    d.submissions.history(predecessorTenantId, s.id),
    verifyLink(d, m),
    d.templates.get(predecessorTenantId, s.templateId, s.templateVersion),
  ]);
  const { rules: _rules, ...submission } = s;
  return {
    origin: originOf(m, { id: s.unitId, name: s.unitName }, successor),
    formTitle: template?.title ?? s.formKey,
    fields: filledFields(template, s.data),
    submission,
    events,
    verification: { submissionId: s.id, ...verifyChain(events, s) },
    link,
    readAt: now.toISOString(),
  };
};
