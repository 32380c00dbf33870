/**
 * Reading a merger's unit map. Plain functions without zod: the shared policy uses them, and the web's
 * menu runs the policy at start.
 */
interface UnitMap {
  unitMap: readonly { from: string; to: string }[];
}

/** The successor unit that carries a predecessor unit's history (the successor's root when unmapped). */
export const successorUnitOf = (merger: UnitMap & { successorRootId: string }, unitId: string) =>
  merger.unitMap.find((e) => e.from === unitId)?.to ?? merger.successorRootId;

/** The predecessor units whose history `successorUnitId` carries (by the unit map). */
export const predecessorUnitsOf = (merger: UnitMap, successorUnitId: string): string[] =>
  merger.unitMap.filter((e) => e.to === successorUnitId).map((e) => e.from);
