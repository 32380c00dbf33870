import { describe, expect, it } from 'vitest';
import type { Role } from '../org/schema';
import { identity, TENANT } from '../testing/worlds';
import { authorize, can, type PolicyResource } from './policy';
import { publicView } from './public-view';

// Tree: bp (province) → dong-xoai (district) → tan-phu (commune); bp → binh-long → an-loc; bp → cong-an-tinh.
const at = (unitId: string, ...roles: Role[]) => identity(`${roles.join('+')}@${unitId}`, unitId, roles);
const submissionOf = (
  unitId: string,
  unitPath: string[],
  type: PolicyResource['type'] = 'submission',
): PolicyResource => ({
  type,
  tenantId: TENANT,
  unitId,
  unitPath,
});
const tanPhu = submissionOf('tan-phu', ['bp', 'dong-xoai']);
const anLoc = submissionOf('an-loc', ['bp', 'binh-long']);
const police = submissionOf('cong-an-tinh', ['bp']);

describe('authorize: submissions', () => {
  it('a unit sees its own; a reviewer its subtree; province roles everything; nobody another tenant', () => {
    expect(can(at('tan-phu', 'submitter'), 'read', tanPhu)).toBe(true);
    expect(can(at('tan-binh', 'submitter'), 'read', tanPhu)).toBe(false);
    expect(can(at('dong-xoai', 'reviewer'), 'read', tanPhu)).toBe(true);
    expect(can(at('dong-xoai', 'reviewer'), 'read', anLoc)).toBe(false);
    expect(can(at('dong-xoai', 'submitter'), 'read', tanPhu)).toBe(false);
    expect(can(at('bp', 'reviewer'), 'read', anLoc)).toBe(true);
    for (const role of ['secretariat', 'admin', 'chair'] as const) {
      expect(can(at('bp', role), 'read', anLoc)).toBe(true);
      expect(can(at('bp', role), 'read', police)).toBe(true);
      // Province roles held away from the root give nothing extra.
      expect(can(at('dong-xoai', role), 'read', anLoc)).toBe(false);
    }
    expect(can(at('bp', 'council_member'), 'read', anLoc)).toBe(false);
    expect(can({ ...at('bp', 'secretariat'), tenantId: 'dong-nai' }, 'read', anLoc)).toBe(false);
    expect(authorize(null, 'read', anLoc)).toEqual({ allowed: false, reason: 'Cần đăng nhập' });
  });

  it('only the author unit creates and saves; reviewers above may act; the workflow decides the rest', () => {
    expect(can(at('tan-phu', 'submitter'), 'create', tanPhu)).toBe(true);
    expect(can(at('tan-phu', 'unit_head'), 'save', tanPhu)).toBe(true);
    expect(can(at('tan-phu', 'reviewer'), 'save', tanPhu)).toBe(false);
    expect(can(at('dong-xoai', 'reviewer'), 'save', tanPhu)).toBe(false);
    expect(can(at('bp', 'admin'), 'save', tanPhu)).toBe(false);
    expect(can(at('dong-xoai', 'reviewer'), 'act', tanPhu)).toBe(true);
    expect(can(at('bp', 'secretariat'), 'act', tanPhu)).toBe(true);
    expect(can(at('binh-long', 'reviewer'), 'act', tanPhu)).toBe(false);
    expect(can(at('bp', 'chair'), 'act', tanPhu)).toBe(false);
    expect(can(at('tan-phu', 'submitter'), 'act', tanPhu)).toBe(true);
  });

  it('export: province secretariat, admin, chair, or a reviewer of the subtree', () => {
    expect(can(at('bp', 'secretariat'), 'export', anLoc)).toBe(true);
    expect(can(at('binh-long', 'reviewer'), 'export', anLoc)).toBe(true);
    expect(can(at('an-loc', 'submitter'), 'export', anLoc)).toBe(false);
  });

  it('nominations: the council and the chair read them at the province', () => {
    const nomination = submissionOf('tan-phu', ['bp', 'dong-xoai'], 'nomination');
    expect(can(at('bp', 'council_member'), 'read', nomination)).toBe(true);
    expect(can(at('dong-xoai', 'reviewer'), 'read', nomination)).toBe(true);
    expect(can(at('binh-long', 'reviewer'), 'read', nomination)).toBe(false);
  });

  it('rootUnitId, when given, pins province roles to the root', () => {
    const r: PolicyResource = { type: 'submission', tenantId: TENANT, unitId: 'an-loc', rootUnitId: 'bp' };
    expect(can(at('bp', 'secretariat'), 'read', r)).toBe(true);
    expect(can(at('dong-xoai', 'secretariat'), 'read', r)).toBe(false);
    // A secretariat below the root (a district's standing agency) sees its own subtree only.
    expect(can(at('binh-long', 'secretariat'), 'read', anLoc)).toBe(true);
    expect(can(at('dong-xoai', 'secretariat'), 'read', anLoc)).toBe(false);
  });
});

describe('authorize: organisation, campaigns, templates, users, audit', () => {
  const org = (type: PolicyResource['type'], extra: Partial<PolicyResource> = {}): PolicyResource => ({
    type,
    tenantId: TENANT,
    ...extra,
  });

  it('everyone in the tenant reads the tree, campaigns and templates; only the province admin changes them', () => {
    for (const type of ['unit', 'campaign', 'template'] as const) {
      expect(can(at('an-loc', 'submitter'), 'read', org(type))).toBe(true);
      expect(can(at('bp', 'admin'), 'administer', org(type))).toBe(true);
      expect(can(at('bp', 'secretariat'), 'administer', org(type))).toBe(false);
      expect(can(at('dong-xoai', 'admin'), 'administer', org(type, { rootUnitId: 'bp' }))).toBe(false);
      expect(can(null, 'read', org(type))).toBe(false);
      expect(can({ ...at('bp', 'admin'), tenantId: 'dong-nai' }, 'read', org(type))).toBe(false);
    }
    expect(can(at('bp', 'secretariat'), 'export', org('campaign'))).toBe(true);
    expect(can(at('dong-xoai', 'reviewer'), 'export', org('campaign'))).toBe(false);
  });

  it('campaign builder: the province secretariat and admin save and publish campaigns, nobody else', () => {
    expect(can(at('bp', 'secretariat'), 'save', org('campaign'))).toBe(true);
    expect(can(at('bp', 'admin'), 'save', org('campaign'))).toBe(true);
    expect(can(at('dong-xoai', 'secretariat'), 'save', org('campaign', { rootUnitId: 'bp' }))).toBe(false);
    expect(can(at('bp', 'reviewer'), 'save', org('campaign'))).toBe(false);
    expect(can(at('bp', 'chair'), 'save', org('campaign'))).toBe(false);
    // Templates and the tree stay the administrator's.
    expect(can(at('bp', 'secretariat'), 'save', org('template'))).toBe(false);
    expect(can(at('bp', 'secretariat'), 'save', org('unit'))).toBe(false);
  });

  it('form builder: the province secretariat and admin design templates, nobody else', () => {
    expect(can(at('bp', 'secretariat'), 'design', org('template'))).toBe(true);
    expect(can(at('bp', 'admin'), 'design', org('template'))).toBe(true);
    expect(can(at('dong-xoai', 'admin'), 'design', org('template', { rootUnitId: 'bp' }))).toBe(false);
    for (const role of ['reviewer', 'chair', 'council_member', 'submitter'] as const)
      expect(can(at('bp', role), 'design', org('template')), role).toBe(false);
    // Designing is about templates only.
    expect(can(at('bp', 'secretariat'), 'design', org('unit'))).toBe(false);
  });

  it('tenant settings: everyone in the province reads them, its administrator keeps them', () => {
    const settings = { type: 'tenant_settings' as const, tenantId: TENANT, rootUnitId: 'bp' };
    for (const role of ['submitter', 'reviewer', 'secretariat', 'admin', 'chair'] as const)
      expect(can(at('bp', role), 'read', settings), role).toBe(true);
    expect(can(at('bp', 'admin'), 'administer', settings)).toBe(true);
    expect(can(at('bp', 'secretariat'), 'administer', settings)).toBe(false);
    expect(can(at('dong-xoai', 'admin'), 'administer', settings)).toBe(false);
    expect(can({ ...at('bp', 'admin'), tenantId: 'dong-nai' }, 'read', settings)).toBe(false);
  });

  it('users: one reads oneself, a unit head their unit, the admin everyone', () => {
    const user = org('user', { userId: 'u1', unitId: 'tan-phu', unitPath: ['bp', 'dong-xoai'] });
    expect(can({ ...at('tan-phu', 'submitter'), userId: 'u1' }, 'read', user)).toBe(true);
    expect(can(at('tan-phu', 'submitter'), 'read', user)).toBe(false);
    expect(can(at('tan-phu', 'unit_head'), 'read', user)).toBe(true);
    expect(can(at('bp', 'admin'), 'read', user)).toBe(true);
    expect(can(at('bp', 'admin'), 'administer', user)).toBe(true);
    expect(can(at('tan-phu', 'unit_head'), 'administer', user)).toBe(false);
  });

  it('audit: province secretariat and admin; a submission history for its unit head and reviewers above', () => {
    const trail = org('audit');
    expect(can(at('bp', 'secretariat'), 'export', trail)).toBe(true);
    expect(can(at('dong-xoai', 'reviewer'), 'export', trail)).toBe(false);
    const history = org('audit', { unitId: 'tan-phu', unitPath: ['bp', 'dong-xoai'] });
    expect(can(at('dong-xoai', 'reviewer'), 'read', history)).toBe(true);
    expect(can(at('tan-phu', 'unit_head'), 'read', history)).toBe(true);
    expect(can(at('binh-long', 'reviewer'), 'read', history)).toBe(false);
  });
});

describe('authorize: commendations and the public', () => {
  const doc = (type: PolicyResource['type'], extra: Partial<PolicyResource> = {}): PolicyResource => ({
    type,
    tenantId: TENANT,
    ...extra,
  });

  it('the public reads only published lists and decisions, and comments only while a disclosure is open', () => {
    expect(can(null, 'read', doc('decision', { published: true }))).toBe(true);
    expect(can(null, 'read', doc('decision', { published: false }))).toBe(false);
    expect(can(null, 'read', doc('public_list', { published: true }))).toBe(true);
    expect(can(null, 'comment', doc('public_list', { published: true, disclosureOpen: true }))).toBe(true);
    expect(can(null, 'comment', doc('public_list', { published: true, disclosureOpen: false }))).toBe(false);
    expect(can(null, 'read', doc('council_session'))).toBe(false);
    expect(can(null, 'create', doc('decision', { published: true }))).toBe(false);
  });

  it('council: members vote, the secretariat runs the session; the chair signs decisions', () => {
    expect(can(at('bp', 'council_member'), 'vote', doc('council_session'))).toBe(true);
    expect(can(at('bp', 'secretariat'), 'vote', doc('council_session'))).toBe(false);
    expect(can(at('bp', 'secretariat'), 'administer', doc('council_session'))).toBe(true);
    expect(can(at('dong-xoai', 'reviewer'), 'read', doc('council_session'))).toBe(false);
    expect(can(at('bp', 'chair'), 'act', doc('decision'))).toBe(true);
    expect(can(at('bp', 'secretariat'), 'act', doc('decision'))).toBe(false);
    expect(can(at('bp', 'secretariat'), 'create', doc('decision'))).toBe(true);
    expect(can(at('an-loc', 'submitter'), 'read', doc('decision', { published: false }))).toBe(false);
    expect(can(at('an-loc', 'submitter'), 'read', doc('decision', { published: true }))).toBe(true);
  });

  it('batches: the unit reads its own and its reviewers make and send it; the province reads all and decides', () => {
    const batch = doc('batch', { unitId: 'dong-xoai', unitPath: ['bp'], rootUnitId: 'bp' });
    const everyUnit = doc('batch', { rootUnitId: 'bp' });
    expect(can(at('dong-xoai', 'submitter'), 'read', batch)).toBe(true);
    for (const action of ['create', 'save', 'act'] as const) {
      expect(can(at('dong-xoai', 'reviewer'), action, batch)).toBe(true);
      expect(can(at('dong-xoai', 'secretariat'), action, batch)).toBe(true);
      expect(can(at('dong-xoai', 'submitter'), action, batch)).toBe(false);
      expect(can(at('binh-long', 'reviewer'), action, batch)).toBe(false);
      expect(can(at('bp', 'reviewer'), action, batch)).toBe(false);
    }
    // Another district, a commune below, the council: not even its existence.
    expect(can(at('binh-long', 'reviewer'), 'read', batch)).toBe(false);
    expect(can(at('tan-phu', 'reviewer'), 'read', batch)).toBe(false);
    expect(can(at('bp', 'council_member'), 'read', batch)).toBe(false);
    for (const role of ['reviewer', 'secretariat', 'admin', 'chair'] as const) {
      expect(can(at('bp', role), 'read', batch)).toBe(true);
      expect(can(at('bp', role), 'read', everyUnit)).toBe(true);
    }
    expect(can(at('dong-xoai', 'reviewer'), 'read', everyUnit)).toBe(false);
    expect(can(at('bp', 'reviewer'), 'decide', batch)).toBe(true);
    expect(can(at('bp', 'secretariat'), 'decide', batch)).toBe(true);
    expect(can(at('bp', 'chair'), 'decide', batch)).toBe(false);
    expect(can(at('dong-xoai', 'reviewer'), 'decide', batch)).toBe(false);
    expect(can({ ...at('bp', 'reviewer'), tenantId: 'dong-nai' }, 'read', batch)).toBe(false);
    expect(can(null, 'read', batch)).toBe(false);
  });

  it('disclosures (the staff record, with contacts): the province secretariat and admin only', () => {
    const disclosure = doc('disclosure', { rootUnitId: 'bp' });
    for (const action of ['read', 'create', 'administer', 'export'] as const) {
      expect(can(at('bp', 'secretariat'), action, disclosure)).toBe(true);
      expect(can(at('bp', 'admin'), action, disclosure)).toBe(true);
      expect(can(at('bp', 'reviewer'), action, disclosure)).toBe(false);
      expect(can(at('bp', 'chair'), action, disclosure)).toBe(false);
      expect(can(at('dong-xoai', 'secretariat'), action, disclosure)).toBe(false);
    }
    expect(can(null, 'read', doc('disclosure', { published: true }))).toBe(false);
    expect(can(at('bp', 'secretariat'), 'comment', disclosure)).toBe(false);
  });

  it('an unsigned decision (the draft being signed or revoked) is the chair’s alone', () => {
    const draft = doc('decision', { rootUnitId: 'bp' });
    expect(can(at('bp', 'chair'), 'read', draft)).toBe(true);
    expect(can(at('bp', 'chair'), 'act', draft)).toBe(true);
    for (const role of ['secretariat', 'admin', 'council_member', 'reviewer'] as const) {
      expect(can(at('bp', role), 'read', draft)).toBe(false);
      expect(can(at('bp', role), 'act', draft)).toBe(false);
    }
    // The register of every number: the province roles read and export it, nobody below.
    const register = doc('register', { rootUnitId: 'bp' });
    for (const role of ['secretariat', 'admin', 'chair', 'council_member'] as const) {
      expect(can(at('bp', role), 'read', register)).toBe(true);
      expect(can(at('bp', role), 'export', register)).toBe(true);
    }
    expect(can(at('bp', 'reviewer'), 'read', register)).toBe(false);
    expect(can(at('dong-xoai', 'reviewer'), 'read', register)).toBe(false);
    expect(can(null, 'read', doc('register', { published: true }))).toBe(false);
  });

  it('a numbered decision is signed server-side by its own signer only (ADR 0032)', () => {
    const chair = at('bp', 'chair');
    const other = { ...at('bp', 'chair'), userId: 'another-chair' };
    const numbered = doc('decision', { rootUnitId: 'bp', signerId: chair.userId });
    expect(can(chair, 'act', numbered)).toBe(true);
    expect(can(other, 'act', numbered)).toBe(false);
    expect(
      can(at('bp', 'secretariat'), 'act', { ...numbered, signerId: at('bp', 'secretariat').userId }),
    ).toBe(false);
  });

  it('council sessions: every province role reads, only members vote, only the secretariat runs them', () => {
    const session = doc('council_session', { rootUnitId: 'bp' });
    for (const role of ['secretariat', 'admin', 'chair', 'council_member'] as const)
      expect(can(at('bp', role), 'read', session)).toBe(true);
    expect(can(at('bp', 'reviewer'), 'read', session)).toBe(false);
    expect(can(at('dong-xoai', 'council_member'), 'vote', session)).toBe(false);
    for (const action of ['create', 'act', 'administer'] as const) {
      expect(can(at('bp', 'secretariat'), action, session)).toBe(true);
      expect(can(at('bp', 'chair'), action, session)).toBe(false);
      expect(can(at('bp', 'council_member'), action, session)).toBe(false);
    }
  });

  it('a unit’s own council (ADR 0037): its secretary runs it, its members vote, nobody else reads it', () => {
    const ward = doc('council_session', {
      rootUnitId: 'bp',
      unitId: 'tan-phu',
      unitPath: ['bp', 'dong-xoai'],
    });
    for (const role of ['secretariat', 'council_member', 'unit_head'] as const)
      expect(can(at('tan-phu', role), 'read', ward)).toBe(true);
    expect(can(at('tan-phu', 'submitter'), 'read', ward)).toBe(false);
    expect(can(at('tan-phu', 'council_member'), 'vote', ward)).toBe(true);
    expect(can(at('tan-phu', 'secretariat'), 'vote', ward)).toBe(false);
    for (const action of ['create', 'act', 'administer'] as const) {
      expect(can(at('tan-phu', 'secretariat'), action, ward)).toBe(true);
      expect(can(at('tan-phu', 'council_member'), action, ward)).toBe(false);
      expect(can(at('tan-phu', 'unit_head'), action, ward)).toBe(false);
    }
    // Another ward's council, the district above and every province role: not even read.
    const outsiders = [
      at('tan-binh', 'council_member', 'secretariat'),
      at('dong-xoai', 'reviewer', 'secretariat', 'council_member', 'unit_head'),
      ...(['secretariat', 'admin', 'chair', 'council_member'] as const).map((r) => at('bp', r)),
    ];
    for (const who of outsiders)
      for (const action of ['read', 'vote', 'create', 'act', 'administer'] as const)
        expect(can(who, action, ward)).toBe(false);
    // The ward's members do not sit in the province's council, nor does the root count as a unit's.
    const province = doc('council_session', { rootUnitId: 'bp' });
    expect(can(at('tan-phu', 'council_member'), 'vote', province)).toBe(false);
    expect(can(at('tan-phu', 'secretariat'), 'read', province)).toBe(false);
    expect(can(at('bp', 'council_member'), 'vote', { ...province, unitId: 'bp', unitPath: [] })).toBe(true);
  });

  it('a unit council’s decision: its head signs, its staff read it before issue, the province’s chair neither reads nor signs it before issue', () => {
    const decision = doc('decision', { unitId: 'tan-phu', unitPath: ['bp', 'dong-xoai'], unitCouncil: true });
    expect(can(at('tan-phu', 'unit_head'), 'act', decision)).toBe(true);
    expect(can(at('tan-phu', 'secretariat'), 'read', decision)).toBe(true);
    expect(can(at('tan-phu', 'secretariat'), 'act', decision)).toBe(false);
    expect(can(at('tan-phu', 'council_member'), 'export', decision)).toBe(true);
    expect(can(at('bp', 'chair'), 'act', decision)).toBe(false);
    expect(can(at('bp', 'chair'), 'read', decision)).toBe(false);
    expect(can(at('tan-binh', 'unit_head'), 'read', decision)).toBe(false);
    expect(can(at('tan-binh', 'unit_head'), 'act', decision)).toBe(false);
    expect(can(at('dong-xoai', 'reviewer'), 'read', decision)).toBe(false);
    expect(can(null, 'read', { ...decision, published: true })).toBe(true);
  });

  it('gives a reason when it refuses', () => {
    const r = authorize(at('an-loc', 'submitter'), 'administer', doc('campaign'));
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.reason.length).toBeGreaterThan(5);
  });
});

describe('publicView', () => {
  it('keeps names, titles, units and the decision; drops figures and personal data at every depth', () => {
    const decision = {
      number: '123/QĐ-UBND',
      signedOn: '2023-12-15',
      signerName: 'Trần Tuệ Hiền',
      votes: { for: 8, against: 1 },
      awardees: [
        {
          fullName: 'Nguyễn Văn A',
          title: 'Trưởng Công an phường',
          unitName: 'Phường Tân Phú',
          awardTypeName: 'Bằng khen',
          birthDate: '1980-01-01',
          idNumber: '070080000001',
          phone: '0912345678',
          data: { figures: { drugCases: 4 } },
        },
      ],
      figures: { crimesDetected: 12 },
    };
    expect(publicView(decision)).toEqual({
      number: '123/QĐ-UBND',
      signedOn: '2023-12-15',
      signerName: 'Trần Tuệ Hiền',
      awardees: [
        {
          fullName: 'Nguyễn Văn A',
          title: 'Trưởng Công an phường',
          unitName: 'Phường Tân Phú',
          awardTypeName: 'Bằng khen',
        },
      ],
    });
    expect(publicView({ note: 'x', name: 'y' }, ['note'])).toEqual({ note: 'x', name: 'y' });
    expect(publicView([{ email: 'a@b.vn', name: 'A' }])).toEqual([{ name: 'A' }]);
  });
});

describe('authorize: a commune head’s own decision (ADR 0034, digital issue ADR 0032)', () => {
  const headDecision = (published: boolean, signerId?: string): PolicyResource => ({
    type: 'decision',
    tenantId: TENANT,
    unitId: 'tan-phu',
    unitPath: ['bp', 'dong-xoai'],
    headDecision: true,
    published,
    ...(signerId ? { signerId } : {}),
  });
  const head = at('tan-phu', 'unit_head');
  it('awaiting its signature: the unit reads it, its head alone signs and issues it; others do not see it', () => {
    const awaiting = headDecision(false);
    expect(can(head, 'act', awaiting)).toBe(true);
    // The unit's office prepares and reads, never signs.
    expect(can(at('tan-phu', 'submitter'), 'read', awaiting)).toBe(true);
    expect(can(at('tan-phu', 'submitter'), 'act', awaiting)).toBe(false);
    // Another unit's head, the district above, the province's chair: not theirs to read or sign.
    for (const other of [at('an-loc', 'unit_head'), at('dong-xoai', 'unit_head'), at('bp', 'chair')]) {
      expect(can(other, 'read', awaiting)).toBe(false);
      expect(can(other, 'act', awaiting)).toBe(false);
    }
    // The server's key signs for the decision's own signer only.
    expect(can(head, 'act', headDecision(false, head.userId))).toBe(true);
    expect(can(head, 'act', headDecision(false, 'someone-else'))).toBe(false);
  });
  it('issued: everyone reads it; revoking stays its head’s act, not the province chair’s', () => {
    const issued = headDecision(true);
    expect(can(null, 'read', issued)).toBe(true);
    expect(can(head, 'act', issued)).toBe(true);
    expect(can(at('bp', 'chair'), 'act', issued)).toBe(false);
    expect(can(at('an-loc', 'unit_head'), 'act', issued)).toBe(false);
    // At the province the head is its chair: the province's own head-decided awards.
    const province: PolicyResource = {
      type: 'decision',
      tenantId: TENANT,
      unitId: 'bp',
      unitPath: [],
      headDecision: true,
    };
    expect(can(at('bp', 'chair'), 'act', province)).toBe(true);
  });
});

describe('authorize: importing a unit’s nominee list', () => {
  const list = (unitId: string, unitPath: string[]): PolicyResource => ({
    type: 'nomination',
    tenantId: TENANT,
    unitId,
    unitPath,
  });
  it('its own filers, and the province secretariat for any unit of the province', () => {
    const tanPhuList = list('tan-phu', ['bp', 'dong-xoai']);
    expect(can(at('tan-phu', 'submitter'), 'import', tanPhuList)).toBe(true);
    expect(can(at('tan-phu', 'unit_head'), 'import', tanPhuList)).toBe(true);
    expect(can(at('bp', 'secretariat'), 'import', tanPhuList)).toBe(true);
    expect(can(at('bp', 'secretariat'), 'import', list('so-tu-phap', ['bp']))).toBe(true);
    // Another unit's filer, the district's reviewer, a district-level secretariat, the chair: no.
    expect(can(at('an-loc', 'submitter'), 'import', tanPhuList)).toBe(false);
    expect(can(at('dong-xoai', 'reviewer'), 'import', tanPhuList)).toBe(false);
    expect(can(at('dong-xoai', 'secretariat'), 'import', tanPhuList)).toBe(false);
    expect(can(at('bp', 'chair'), 'import', tanPhuList)).toBe(false);
    // Not another tenant's, and only nominations.
    expect(can({ ...at('bp', 'secretariat'), tenantId: 'dong-nai' }, 'import', tanPhuList)).toBe(false);
    expect(can(at('tan-phu', 'submitter'), 'import', list('tan-phu', ['bp', 'dong-xoai']))).toBe(true);
    expect(can(at('tan-phu', 'submitter'), 'import', { ...tanPhuList, type: 'submission' })).toBe(false);
  });
});
