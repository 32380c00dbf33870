import * as z from 'zod';
import { CalendarDate, Id } from '../common';
import { ancestorsOn } from './dated';
import { kindOn, nameOn } from './history';
import type { Unit } from './schema';
import { UnitKind } from './schema';
import { getUnit, isActiveOn, resolveSuccessor, type UnitLookup } from './tree';

/**
 * One reviewing level of a submission's chain, bottom (first reviewer) to top (final approver): the unit
 * that reviews there, as it was named when the chain was derived.
 */
export const ChainLevel = z.object({
  unitId: Id,
  unitName: z.string(),
  unitKind: UnitKind,
});
export type ChainLevel = z.infer<typeof ChainLevel>;

/**
 * For an author unit of `authorKind`, the kinds of the ancestor units that review its submissions,
 * bottom first. Each kind is looked up among the author's ancestors (nearest first), above the level
 * found before it. A kind listed in `optionalKinds` is skipped when the tree has no such ancestor.
 */
export const ChainRule = z.object({
  authorKind: UnitKind,
  reviewerKinds: z.array(UnitKind).min(1),
  optionalKinds: z.array(UnitKind).default([]),
});
export type ChainRule = z.infer<typeof ChainRule>;

/**
 * The approval chain of a campaign as data, effective-dated: a campaign may hold several (the 2025
 * reform changed three tiers into two in the middle of a year). `effectiveTo` is exclusive.
 */
export const ChainConfig = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  effectiveFrom: CalendarDate,
  effectiveTo: CalendarDate.nullable(),
  legalBasis: z.string().max(500).default(''),
  rules: z.array(ChainRule).min(1),
});
export type ChainConfig = z.infer<typeof ChainConfig>;

export type ChainErrorCode =
  | 'unknown_unit'
  | 'unit_inactive'
  | 'config_not_effective'
  | 'no_rule_for_kind'
  | 'no_reviewer_of_kind';

export interface ChainError {
  code: ChainErrorCode;
  message: string;
  unitId: Id;
  kind?: string;
}

export type DeriveChainResult = { ok: true; chain: ChainLevel[] } | { ok: false; error: ChainError };

export function isChainConfigEffective(config: ChainConfig, onDate: CalendarDate): boolean {
  return config.effectiveFrom <= onDate && (config.effectiveTo === null || onDate < config.effectiveTo);
}

/** The chain configuration in force on `onDate` (the latest starting one wins on overlap). */
export function selectChainConfig(configs: readonly ChainConfig[], onDate: CalendarDate): ChainConfig | null {
  let best: ChainConfig | null = null;
  for (const c of configs) {
    if (!isChainConfigEffective(c, onDate)) continue;
    if (best === null || c.effectiveFrom > best.effectiveFrom) best = c;
  }
  return best;
}

/** A reviewing level as the unit stood on the day (its name and kind then). */
const level = (u: Unit, onDate: CalendarDate): ChainLevel => ({
  unitId: u.id,
  unitName: nameOn(u, onDate),
  unitKind: kindOn(u, onDate),
});

/**
 * The reviewing levels of a submission by `authorUnitId` on `onDate`, bottom (first reviewer) to top
 * (final approver), derived from the tree AS OF `onDate` (each unit's parent, name and kind that day:
 * a unit moved from a date climbs its new parents from then on) and the configuration. Closed ancestors
 * are replaced by their one open successor. The caller picks the date (the campaign's chain date, today
 * for a new draft); a submission snapshots the result, so a later change of the tree never moves it.
 * Nothing here knows a particular kind: a tree without districts simply has none. `unitsById` must hold
 * the author's ancestors on that day (and their successors).
 */
export function deriveChain(
  config: ChainConfig,
  unitsById: UnitLookup,
  authorUnitId: Id,
  onDate: CalendarDate,
): DeriveChainResult {
  const fail = (code: ChainErrorCode, message: string, kind?: string): DeriveChainResult => ({
    ok: false,
    error:
      kind === undefined
        ? { code, message, unitId: authorUnitId }
        : { code, message, unitId: authorUnitId, kind },
  });
  const author = getUnit(unitsById, authorUnitId);
  if (author === undefined) return fail('unknown_unit', 'Không tìm thấy đơn vị');
  if (!isActiveOn(author, onDate))
    return fail('unit_inactive', `Đơn vị ${nameOn(author, onDate)} không hoạt động vào ngày này`);
  if (!isChainConfigEffective(config, onDate)) {
    return fail('config_not_effective', `Cấu hình luồng duyệt "${config.name}" chưa có hoặc đã hết hiệu lực`);
  }
  const authorKind = kindOn(author, onDate);
  const rule = config.rules.find((r) => r.authorKind === authorKind);
  if (rule === undefined) {
    return fail('no_rule_for_kind', `Chưa cấu hình luồng duyệt cho đơn vị loại "${authorKind}"`, authorKind);
  }

  // Nearest first; a closed ancestor is replaced by its open successor, a unit seen twice is kept once.
  const ancestors: Unit[] = [];
  const seen = new Set<Id>();
  for (const a of ancestorsOn(unitsById, author, onDate)) {
    const open = isActiveOn(a, onDate) ? a : resolveSuccessor(unitsById, a.id, onDate);
    if (open === null || seen.has(open.id) || open.id === author.id) continue;
    seen.add(open.id);
    ancestors.push(open);
  }

  const chain: ChainLevel[] = [];
  let from = 0;
  for (const kind of rule.reviewerKinds) {
    const at = ancestors.findIndex((a, i) => i >= from && kindOn(a, onDate) === kind);
    const found = ancestors[at];
    if (at < 0 || found === undefined) {
      if (rule.optionalKinds.includes(kind)) continue;
      return fail('no_reviewer_of_kind', `Không tìm thấy đơn vị cấp trên loại "${kind}" để duyệt`, kind);
    }
    chain.push(level(found, onDate));
    from = at + 1;
  }
  return { ok: true, chain };
}

/**
 * The seed's 2023 chain (Plan 38/KH-UBND): three tiers. Communes go through their district; districts
 * and departments go straight to the province. A 2023 campaign keeps its chain, so it stays open-ended
 * here; a campaign that spans the 2025 reform lists both, dated (`chainConfigsAcrossReform`).
 */
export const chainConfig2023: ChainConfig = ChainConfig.parse({
  id: 'chain_2023_three_tier',
  name: 'Ba cấp: xã → huyện → tỉnh (2023)',
  effectiveFrom: '2023-01-01',
  effectiveTo: null,
  legalBasis: 'Kế hoạch số 38/KH-UBND ngày 07/02/2023 của UBND tỉnh Bình Phước',
  rules: [
    { authorKind: 'commune', reviewerKinds: ['district', 'province'] },
    { authorKind: 'district', reviewerKinds: ['province'] },
    { authorKind: 'department', reviewerKinds: ['province'] },
  ],
});

/**
 * The two-tier chain after the 2025 reform (district level abolished on 1/7/2025): communes and
 * departments report straight to the province.
 */
export const chainConfig2025: ChainConfig = ChainConfig.parse({
  id: 'chain_2025_two_tier',
  name: 'Hai cấp: xã → tỉnh (từ 01/7/2025)',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  legalBasis: 'Chính quyền địa phương hai cấp từ ngày 01/7/2025',
  rules: [
    { authorKind: 'commune', reviewerKinds: ['province'] },
    { authorKind: 'department', reviewerKinds: ['province'] },
  ],
});

/** A campaign running across 1/7/2025: three tiers before, two after. */
export const chainConfigsAcrossReform: ChainConfig[] = [
  { ...chainConfig2023, id: 'chain_three_tier_until_2025_07', effectiveTo: '2025-07-01' },
  chainConfig2025,
];
