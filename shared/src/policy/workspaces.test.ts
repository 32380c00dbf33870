import { describe, expect, it } from 'vitest';
import type { Identity, Role } from '../org/schema';
import { signOffRole } from '../workflow';
import { authorizeWorkspace, type Workspace, workspaces } from './workspaces';

const ROOT = 'binh-phuoc';
const who = (unitId: string, ...roles: Role[]): Identity => ({
  userId: `${unitId}-${roles.join('-')}`,
  email: 'x@demo.thidua.vn',
  name: 'X',
  tenantId: 'binh-phuoc',
  unitId,
  roles,
});

const people = {
  communeOfficer: who('dong-xoai-tan-phu', 'submitter'),
  communeHead: who('dong-xoai-tan-phu', 'unit_head'),
  districtReviewer: who('dong-xoai', 'reviewer'),
  provinceReviewer: who(ROOT, 'reviewer'),
  secretariat: who(ROOT, 'secretariat'),
  councilMember: who(ROOT, 'council_member'),
  chair: who(ROOT, 'chair'),
  admin: who(ROOT, 'admin'),
};

const open = (identity: Identity, rootUnitId: string | undefined = ROOT): Workspace[] =>
  workspaces.filter((w) => authorizeWorkspace({ identity, rootUnitId }, w).allowed);

describe('workspaces by policy decision', () => {
  it('opens to each demo person exactly the pages whose API answers them', () => {
    expect(open(people.communeOfficer)).toEqual(['unit_work', 'notifications']);
    expect(open(people.communeHead)).toEqual(['unit_work', 'inbox', 'notifications']);
    expect(open(people.districtReviewer)).toEqual([
      'inbox',
      'completeness',
      'campaign_reports',
      'consolidation',
      'notifications',
    ]);
    expect(open(people.provinceReviewer)).toEqual([
      'inbox',
      'completeness',
      'campaign_reports',
      'consolidation',
      'batch_review',
      'notifications',
    ]);
    // The secretariat opens everything but a unit's own filing, the ballot and the signature.
    const notSecretariat: readonly string[] = ['unit_work', 'ballot', 'signature'];
    expect(open(people.secretariat)).toEqual(workspaces.filter((w) => !notSecretariat.includes(w)));
    expect(open(people.councilMember)).toEqual(['ballot']);
    expect(open(people.chair)).toEqual(['campaign_reports', 'campaign_export', 'signature']);
    expect(open(people.admin)).toEqual([
      'campaign_reports',
      'campaign_export',
      'campaign_setup',
      'disclosures',
      'form_builder',
      'audit',
    ]);
  });

  it('opens a ward’s own council to its secretary and its ballot to its members (ADR 0037)', () => {
    const wardSecretary = who('dong-xoai-tan-phu', 'secretariat');
    const wardMember = who('dong-xoai-tan-phu', 'council_member');
    expect(open(wardSecretary)).toContain('council');
    expect(open(wardSecretary)).not.toContain('ballot');
    expect(open(wardMember)).toEqual(['ballot']);
    // Another ward's council is not theirs: the page lists the caller's own council's sessions only.
    expect(open(who('dong-xoai-tan-phu', 'submitter'))).not.toContain('council');
  });

  it('opens the campaign builder to the province secretariat and admin only', () => {
    const setup = Object.values(people).filter((p) => open(p).includes('campaign_setup'));
    expect(setup).toEqual([people.secretariat, people.admin]);
    expect(open(who('dong-xoai', 'secretariat'))).not.toContain('campaign_setup');
  });

  it('opens the form builder to the same two as the campaign builder (domain.md: the administrator keeps templates)', () => {
    const designers = Object.values(people).filter((p) => open(p).includes('form_builder'));
    expect(designers).toEqual([people.secretariat, people.admin]);
    expect(open(who('dong-xoai', 'admin'))).not.toContain('form_builder');
  });

  it('never offers a district reviewer the province review of tờ trình, and says why', () => {
    const d = authorizeWorkspace({ identity: people.districtReviewer, rootUnitId: ROOT }, 'batch_review');
    expect(d).toEqual({ allowed: false, reason: expect.any(String) });
    // Before the province is known, the page stays closed rather than open to everyone.
    expect(authorizeWorkspace({ identity: people.provinceReviewer }, 'batch_review').allowed).toBe(false);
  });

  it('holds a province role only at the province', () => {
    const secretariatOfDistrict = who('dong-xoai', 'secretariat');
    expect(open(secretariatOfDistrict)).not.toContain('disclosures');
    expect(open(secretariatOfDistrict)).not.toContain('batch_review');
  });

  it('lets the unit head sign off as the workflow says', () => {
    expect(signOffRole).toBe('unit_head');
  });
});

describe('the administration workspace', () => {
  it('opens to the province administrator only, as the /admin routes do', () => {
    const opens = (identity: Identity, root: string | undefined = ROOT) =>
      authorizeWorkspace({ identity, rootUnitId: root }, 'administration').allowed;
    expect(opens(people.admin)).toBe(true);
    expect(opens(people.admin, undefined)).toBe(true);
    expect(Object.values(people).filter((p) => opens(p))).toEqual([people.admin]);
    // An administrator role held below the province administers nothing.
    expect(opens(who('dong-xoai', 'admin'))).toBe(false);
  });
});

describe('the head decisions workspace', () => {
  it('opens to the head of a unit below the province, never to the province or to other roles', () => {
    const opens = (identity: Identity, root: string | undefined = ROOT) =>
      authorizeWorkspace({ identity, rootUnitId: root }, 'head_decisions').allowed;
    expect(Object.values(people).filter((p) => opens(p))).toEqual([people.communeHead]);
    expect(opens(who('dong-xoai', 'unit_head'))).toBe(true);
    // The province's chair signs on the signature page; before the province is known, nothing opens.
    expect(opens(who(ROOT, 'unit_head', 'chair'))).toBe(false);
    expect(authorizeWorkspace({ identity: people.communeHead }, 'head_decisions').allowed).toBe(false);
  });
});

describe('the nominee import workspace', () => {
  it('opens to a unit’s filers and the province secretariat, never to reviewers, the council or the chair', () => {
    const opens = (identity: Identity, root: string | undefined = ROOT) =>
      authorizeWorkspace({ identity, rootUnitId: root }, 'nominee_import').allowed;
    expect(Object.values(people).filter((p) => opens(p))).toEqual([
      people.communeOfficer,
      people.communeHead,
      people.secretariat,
    ]);
    // A secretariat role held below the province imports nothing for others.
    expect(opens(who('dong-xoai', 'secretariat'))).toBe(false);
    // Importing for the units below: the province secretariat alone (its menu entry, the unit picker).
    const forUnits = Object.values(people).filter(
      (p) => authorizeWorkspace({ identity: p, rootUnitId: ROOT }, 'nominee_import_for_units').allowed,
    );
    expect(forUnits).toEqual([people.secretariat]);
    expect(
      authorizeWorkspace(
        { identity: who('dong-xoai', 'secretariat'), rootUnitId: ROOT },
        'nominee_import_for_units',
      ).allowed,
    ).toBe(false);
  });
});
