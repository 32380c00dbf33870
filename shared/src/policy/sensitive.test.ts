import { describe, expect, it } from 'vitest';
import type { Role } from '../org/schema';
import { identity, TENANT } from '../testing/worlds';
import type { PolicyResource } from './policy';
import { authorizeClassify, authorizeSensitiveRead, DEFAULT_SENSITIVE_READERS } from './sensitive';

// Tree: bp (province) → dong-xoai (district) → tan-phu (commune); bp → binh-long → an-loc.
const at = (unitId: string, ...roles: Role[]) => identity(`${roles.join('+')}@${unitId}`, unitId, roles);
const tanPhu: PolicyResource = {
  type: 'submission',
  tenantId: TENANT,
  unitId: 'tan-phu',
  unitPath: ['bp', 'dong-xoai'],
};
const nomination: PolicyResource = { ...tanPhu, type: 'nomination' };
const sees = (who: ReturnType<typeof at> | null, r: PolicyResource, readers?: readonly Role[]) =>
  authorizeSensitiveRead(who, r, readers).allowed;

describe('authorizeSensitiveRead', () => {
  it('by default: the unit and the reviewers of its chain read the sensitive fields', () => {
    expect(sees(at('tan-phu', 'submitter'), tanPhu)).toBe(true);
    expect(sees(at('tan-phu', 'unit_head'), tanPhu)).toBe(true);
    expect(sees(at('dong-xoai', 'reviewer'), tanPhu)).toBe(true);
    expect(sees(at('bp', 'reviewer'), tanPhu)).toBe(true);
    expect(sees(at('bp', 'secretariat'), tanPhu)).toBe(true);
  });

  it('by default: the council, the chair, the administrator and the public do not', () => {
    // They may read the nomination itself: the policy lets them, the sensitive fields stay hidden.
    expect(sees(at('bp', 'council_member'), nomination)).toBe(false);
    expect(sees(at('bp', 'chair'), tanPhu)).toBe(false);
    expect(sees(at('bp', 'admin'), tanPhu)).toBe(false);
    expect(authorizeSensitiveRead(null, tanPhu, undefined)).toEqual({
      allowed: false,
      reason: 'Dữ liệu nhạy cảm không công khai',
    });
    expect(DEFAULT_SENSITIVE_READERS).not.toContain('council_member');
  });

  it('never beyond the read: a reviewer of another district does not, even with the role named', () => {
    expect(sees(at('binh-long', 'reviewer'), tanPhu)).toBe(false);
    expect(sees({ ...at('bp', 'secretariat'), tenantId: 'dong-nai' }, tanPhu)).toBe(false);
  });

  it('the template names the readers; the named role must give the read by itself', () => {
    expect(sees(at('bp', 'council_member'), nomination, ['council_member', 'secretariat'])).toBe(true);
    expect(sees(at('tan-phu', 'submitter'), tanPhu, ['reviewer'])).toBe(false);
    expect(sees(at('dong-xoai', 'reviewer'), tanPhu, ['reviewer'])).toBe(true);
    // A council member who is also a commune's submitter: the submitter role reads only its own unit.
    expect(sees(at('bp', 'council_member', 'submitter'), nomination, ['submitter'])).toBe(false);
    // The chair reads submissions at the province through the chair role, which is not named by default.
    expect(sees(at('bp', 'chair'), tanPhu, ['chair'])).toBe(true);
    expect(sees(at('bp', 'chair', 'unit_head'), tanPhu)).toBe(true);
  });
});

describe('authorizeClassify', () => {
  it('the reviewers of the chain and the secretariat flag a submission "Mật"; the author unit and read-only roles do not', () => {
    expect(authorizeClassify(at('dong-xoai', 'reviewer'), tanPhu).allowed).toBe(true);
    expect(authorizeClassify(at('bp', 'secretariat'), tanPhu).allowed).toBe(true);
    expect(authorizeClassify(at('bp', 'reviewer'), tanPhu).allowed).toBe(true);
    expect(authorizeClassify(at('tan-phu', 'unit_head'), tanPhu).allowed).toBe(false);
    expect(authorizeClassify(at('tan-phu', 'reviewer'), tanPhu).allowed).toBe(false);
    expect(authorizeClassify(at('bp', 'chair'), tanPhu).allowed).toBe(false);
    expect(authorizeClassify(at('bp', 'admin'), tanPhu).allowed).toBe(false);
    expect(authorizeClassify(at('dong-xoai', 'unit_head'), tanPhu).allowed).toBe(false);
    expect(authorizeClassify(at('binh-long', 'reviewer'), tanPhu)).toEqual({
      allowed: false,
      reason: 'Ngoài phạm vi đơn vị',
    });
  });
});
