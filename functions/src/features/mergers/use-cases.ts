import { addDays } from '@thidua/shared/common';
import type { MergerCandidates, MergerView } from '@thidua/shared/contracts';
import { type Identity, isActiveOn, type Unit } from '@thidua/shared/org';
import {
  checkUnitMap,
  compatibleKinds,
  type MergerConsent,
  type MergerInput,
  type TenantMerger,
} from '@thidua/shared/tenancy';
import { requireAction } from '../../kernel/access';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import type { Seal } from '../../kernel/http/idempotency';
import type { LinkVerification } from './ledger';
import { nextLedgerEvent, unitMapHash, verifyMergerLink } from './ledger';

/**
 * Merging one province (tenant) into another, ADR 0017. Two administrators act: the absorbed province's
 * consents (naming the merged province and the date), the merged province's merges with a unit map. The
 * merge is ONE transaction — consent → merged, the lineage record, a link event in each tenant's ledger —
 * and rewrites nothing of the absorbed province: its submissions, decisions and awards stay in its own
 * partitions, their audit chains untouched, and the merged province reads them through the lineage.
 */
export type MergerDeps = Pick<Deps, 'mergers' | 'units'> & { clients: Pick<Deps['clients'], 'doc'> };

/**
 * A tenant's root unit (its province). Read here rather than through the commendations' cached helper,
 * so the admin and org bundles do not carry the commendation configuration.
 */
const rootUnit = async (d: Pick<Deps, 'units'>, tenantId: string): Promise<Unit> => {
  const page = await d.units.children(tenantId, null, { limit: 10 });
  const root = page.items.find((u) => u.closedOn === null) ?? page.items[0];
  if (!root) throw new NotFound('Chưa có đơn vị gốc của tỉnh');
  return root;
};

const requireProvinceAdmin = async (d: Pick<Deps, 'units'>, identity: Identity) => {
  const root = await rootUnit(d, identity.tenantId);
  requireAction(identity, 'administer', { type: 'unit', tenantId: identity.tenantId, rootUnitId: root.id });
  return root;
};

const commit = async (d: MergerDeps, items: readonly TxItem[], refused: string): Promise<void> => {
  try {
    await transactWrite(d.clients.doc, items);
  } catch (error) {
    if (error instanceof TransactionRefused) throw new Conflict(refused);
    throw error;
  }
};

/** The absorbed province's administrator agrees to the merger (may change it until it happens). */
export const consentToMerger = async (
  d: MergerDeps,
  identity: Identity,
  body: { successorTenantId: string; effectiveFrom: string },
  now: Date,
  remember: Seal<MergerConsent>,
): Promise<MergerConsent> => {
  await requireProvinceAdmin(d, identity);
  if (body.successorTenantId === identity.tenantId)
    throw new RuleViolation('Không thể hợp nhất tỉnh vào chính nó', [
      { path: 'body.successorTenantId', message: 'Trùng với tỉnh hiện tại' },
    ]);
  const current = await d.mergers.consentOf(identity.tenantId);
  if (current?.state === 'merged') throw new Conflict('Tỉnh đã được hợp nhất', current, 'already_merged');
  const consent: MergerConsent = {
    tenantId: identity.tenantId,
    successorTenantId: body.successorTenantId,
    effectiveFrom: body.effectiveFrom,
    state: 'consented',
    consentedBy: identity.userId,
    consentedAt: now.toISOString(),
  };
  await commit(d, [d.mergers.consentItem(consent), ...remember(consent)], 'Tỉnh vừa được hợp nhất');
  return consent;
};

export const mergerView = (m: TenantMerger, link: LinkVerification): MergerView => {
  const { unitMap, ...rest } = m;
  return { ...rest, unitCount: unitMap.length, link };
};

/** The consent of `pred` naming this tenant, or 422 `no_consent` (the field the screen or body names it). */
const requireConsent = async (d: MergerDeps, t: string, pred: string): Promise<MergerConsent> => {
  const consent = pred === t ? undefined : await d.mergers.consentOf(pred);
  if (consent?.state !== 'consented' || consent.successorTenantId !== t) {
    throw new RuleViolation(
      'Tỉnh được hợp nhất chưa đồng ý hợp nhất vào tỉnh này',
      [
        {
          path: 'body.predecessorTenantId',
          message: 'Chưa có xác nhận của quản trị viên tỉnh được hợp nhất',
        },
      ],
      'no_consent',
    );
  }
  return consent;
};

/**
 * Both sides' communes and departments, for the merge screen's unit map: only once the absorbed province
 * consented to this one (its unit names are then shared with the province that will carry them).
 */
export const mergerCandidates = async (
  d: MergerDeps,
  identity: Identity,
  pred: string,
): Promise<MergerCandidates> => {
  await requireProvinceAdmin(d, identity);
  const consent = await requireConsent(d, identity.tenantId, pred);
  const [predecessorRoot, theirs, ours] = await Promise.all([
    rootUnit(d, pred),
    d.units.all(pred),
    d.units.all(identity.tenantId),
  ]);
  const dayBefore = addDays(consent.effectiveFrom, -1);
  const mappable = (u: Unit) => u.kind in compatibleKinds;
  const view = ({ id, name, kind }: Unit) => ({ id, name, kind });
  return {
    consent,
    predecessorName: predecessorRoot.name,
    predecessorUnits: theirs.filter((u) => mappable(u) && isActiveOn(u, dayBefore)).map(view),
    successorUnits: ours
      .filter(
        (u) => Object.values(compatibleKinds).flat().includes(u.kind) && isActiveOn(u, consent.effectiveFrom),
      )
      .map(view),
  };
};

/** The merged province's administrator merges a consenting province into it (irreversible). */
export const mergeTenant = async (
  d: MergerDeps,
  identity: Identity,
  input: MergerInput,
  now: Date,
  remember: Seal<MergerView>,
): Promise<MergerView> => {
  const successorRoot = await requireProvinceAdmin(d, identity);
  const t = identity.tenantId;
  const pred = input.predecessorTenantId;
  const consent = await requireConsent(d, t, pred);
  if (consent.effectiveFrom !== input.effectiveFrom) {
    throw new RuleViolation('Ngày hợp nhất khác với ngày tỉnh được hợp nhất đã xác nhận', [
      { path: 'body.effectiveFrom', message: `Ngày đã xác nhận: ${consent.effectiveFrom}` },
    ]);
  }
  const [predecessorRoot, predUnits, succUnits, predHead, succHead] = await Promise.all([
    rootUnit(d, pred),
    d.units.getMany(
      pred,
      input.unitMap.map((e) => e.from),
    ),
    d.units.getMany(
      t,
      input.unitMap.map((e) => e.to),
    ),
    d.mergers.ledgerHead(pred),
    d.mergers.ledgerHead(t),
  ]);
  const issues = checkUnitMap(input, predUnits, succUnits);
  if (issues.length > 0)
    throw new RuleViolation(`Bảng ánh xạ đơn vị có ${issues.length} dòng không hợp lệ`, issues, 'unit_map');

  const at = now.toISOString();
  const mapHash = unitMapHash(input.unitMap);
  const link = {
    at,
    actorId: identity.userId,
    predecessorTenantId: pred,
    successorTenantId: t,
    effectiveFrom: input.effectiveFrom,
    unitMapHash: mapHash,
  };
  const mergedInto = nextLedgerEvent(predHead, { ...link, kind: 'merged_into', counterpartHash: '' });
  const absorbed = nextLedgerEvent(succHead, { ...link, kind: 'absorbed', counterpartHash: mergedInto.hash });
  const merger: TenantMerger = {
    successorTenantId: t,
    successorName: successorRoot.name,
    successorRootId: successorRoot.id,
    predecessorTenantId: pred,
    predecessorName: predecessorRoot.name,
    predecessorRootId: predecessorRoot.id,
    effectiveFrom: input.effectiveFrom,
    legalBasis: input.legalBasis,
    unitMap: input.unitMap,
    unitMapHash: mapHash,
    linkHash: absorbed.hash,
    mergedBy: identity.userId,
    mergedAt: at,
  };
  const view = mergerView(merger, { valid: true, problems: [] });
  await commit(
    d,
    [
      d.mergers.markMergedItem(consent),
      d.mergers.mergerItem(merger),
      ...d.mergers.ledgerItems(mergedInto, predHead),
      ...d.mergers.ledgerItems(absorbed, succHead),
      ...remember(view),
    ],
    'Tỉnh vừa được hợp nhất hoặc sổ của tỉnh vừa thay đổi: tải lại rồi thử lại',
  );
  return view;
};

/** Both ledgers re-read and the merger's link recomputed. */
export const verifyLink = async (d: Pick<Deps, 'mergers'>, m: TenantMerger): Promise<LinkVerification> => {
  const [pe, ph, se, sh] = await Promise.all([
    d.mergers.ledger(m.predecessorTenantId),
    d.mergers.ledgerHead(m.predecessorTenantId),
    d.mergers.ledger(m.successorTenantId),
    d.mergers.ledgerHead(m.successorTenantId),
  ]);
  return verifyMergerLink(m, { events: pe, head: ph }, { events: se, head: sh });
};
