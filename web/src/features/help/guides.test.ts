import { authorizeWorkspace, type Workspace } from '@thidua/shared/policy';
import { describe, expect, it } from 'vitest';
import { workspaceContextOf } from '../../auth/workspace';
import { guideForPath, guides, orderGuides } from './guides';

const mayOpenFor = (roles: string[], unitId = 'xa') => {
  const context = workspaceContextOf(
    { sub: 'u', email: 'u@x.vn', name: 'U', tenantId: 't', unitId, roles } as never,
    'tinh',
  );
  return (w: Workspace) => authorizeWorkspace(context, w).allowed;
};

describe('help guides', () => {
  it('a page leads to the guide that explains it (longest prefix wins)', () => {
    expect(guideForPath('/home')?.id).toBe('filing');
    expect(guideForPath('/submissions/abc')?.id).toBe('filing');
    expect(guideForPath('/commendations/vote')?.id).toBe('voting');
    expect(guideForPath('/commendations/sign/x')?.id).toBe('signing');
    expect(guideForPath('/homework')).toBeUndefined();
  });

  it("puts the caller's own work first, by the policy that builds the menu", () => {
    const officer = orderGuides(mayOpenFor(['submitter']));
    expect(officer.mine.map((g) => g.id)).toEqual(['filing']);
    expect(officer.others.map((g) => g.id)).toContain('voting');
    const member = orderGuides(mayOpenFor(['council_member'], 'tinh'));
    expect(member.mine.map((g) => g.id)).toContain('voting');
    expect(member.mine.map((g) => g.id)).not.toContain('filing');
  });

  it('every guide is written in Vietnamese and English, and names a page', () => {
    for (const g of guides) {
      for (const text of [g.title, g.audience, ...g.steps, ...g.tips]) {
        expect(text.vi.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
      expect(g.paths.length).toBeGreaterThan(0);
    }
  });
});
