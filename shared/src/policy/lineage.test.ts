import { describe, expect, it } from 'vitest';
import type { Role } from '../org/schema';
import { identity, TENANT } from '../testing/worlds';
import { can, type PolicyResource, readsThroughLineage } from './policy';

// 2023: bp → dong-xoai (district) → tan-phu (commune). From 1/7/2025 tan-phu's work is carried by the
// ward p-tan-phu directly under the province, and tan-binh (not a successor) is a stranger.
const at = (unitId: string, ...roles: Role[]) => identity(`${roles.join('+')}@${unitId}`, unitId, roles);
const filedByOldCommune = (type: PolicyResource['type'] = 'submission'): PolicyResource => ({
  type,
  tenantId: TENANT,
  unitId: 'tan-phu',
  unitPath: ['bp', 'dong-xoai'],
  heirs: [{ unitId: 'p-tan-phu', unitPath: ['bp', 'cum-1'] }],
});

describe('authorize: read access follows lineage, nothing else does', () => {
  it('the successor and the reviewers above it read; strangers and other roles do not', () => {
    for (const type of ['submission', 'nomination'] as const) {
      const r = filedByOldCommune(type);
      expect(can(at('p-tan-phu', 'submitter'), 'read', r)).toBe(true);
      expect(can(at('cum-1', 'reviewer'), 'read', r)).toBe(true);
      expect(can(at('cum-1', 'submitter'), 'read', r)).toBe(false);
      expect(can(at('tan-binh', 'submitter', 'unit_head'), 'read', r)).toBe(false);
      expect(can({ ...at('p-tan-phu', 'submitter'), tenantId: 'other' }, 'read', r)).toBe(false);
      // Without the lineage the successor is a stranger like any other.
      expect(can(at('p-tan-phu', 'submitter'), 'read', { ...r, heirs: [] })).toBe(false);
    }
  });

  it('reading is all: the successor neither edits, acts on nor exports what its predecessor filed', () => {
    const r = filedByOldCommune();
    for (const action of ['save', 'act', 'export', 'create'] as const) {
      expect(can(at('p-tan-phu', 'submitter', 'unit_head'), action, r)).toBe(false);
      expect(can(at('cum-1', 'reviewer', 'secretariat'), action, r)).toBe(false);
    }
  });

  it('says when a read goes through lineage (the origin is shown) and when it is direct', () => {
    const r = filedByOldCommune();
    expect(readsThroughLineage(at('p-tan-phu', 'submitter'), r)).toEqual({
      unitId: 'p-tan-phu',
      unitPath: ['bp', 'cum-1'],
    });
    expect(readsThroughLineage(at('tan-phu', 'submitter'), r)).toBeUndefined();
    expect(readsThroughLineage(at('bp', 'secretariat'), r)).toBeUndefined();
    expect(readsThroughLineage(at('tan-binh', 'submitter'), r)).toBeUndefined();
  });
});
