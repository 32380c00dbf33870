import { describe, expect, it } from 'vitest';
import { makeUnit, threeTierWorld } from '../testing/worlds';
import { campaign2023, contents2023 } from './campaign-2023';
import {
  deadlineFor,
  entryWindowFor,
  filesForm,
  findFormAssignment,
  isParticipant,
  isWindowOpen,
} from './helpers';
import { Campaign, FormAssignment } from './schema';

describe('campaign2023', () => {
  it('is Plan 38/KH-UBND of 07/02/2023 with the five contents, verbatim', () => {
    expect(campaign2023.number).toBe('38/KH-UBND');
    expect(campaign2023.issuedOn).toBe('2023-02-07');
    expect(campaign2023.contents).toHaveLength(5);
    expect(contents2023[2]?.text).toContain('Phát động phong trào toàn dân bảo vệ ANTQ');
    expect(
      campaign2023.chainConfigs[0]?.rules.find((r) => r.authorKind === 'commune')?.reviewerKinds,
    ).toEqual(['district', 'province']);
    expect(Campaign.safeParse(campaign2023).success).toBe(true);
  });

  it('decides who takes part and who files which form', () => {
    const w = threeTierWorld();
    expect(isParticipant(campaign2023, w.tanPhu)).toBe(true);
    expect(isParticipant(campaign2023, w.police)).toBe(true);
    expect(isParticipant(campaign2023, w.province)).toBe(false);
    expect(isParticipant(campaign2023, makeUnit('x', 'commune', 'X', null, { tenantId: 'dong-nai' }))).toBe(
      false,
    );
    const hotspot = findFormAssignment(campaign2023, 'hotspot_report');
    expect(hotspot && filesForm(campaign2023, hotspot, w.tanPhu)).toBe(true);
    expect(hotspot && filesForm(campaign2023, hotspot, w.dongXoai)).toBe(false);
    const excluded = Campaign.parse({
      ...campaign2023,
      participants: { unitKinds: ['commune'], excludedUnitIds: ['tan-phu'] },
    });
    expect(isParticipant(excluded, w.tanPhu)).toBe(false);
    expect(isParticipant(excluded, w.tanBinh)).toBe(true);
    const closed = { ...w.tanBinh, closedOn: '2023-03-01' };
    expect(isParticipant(campaign2023, closed, '2023-04-01')).toBe(false);
  });

  it('finds deadlines per period and stage, per reviewing kind', () => {
    const report = findFormAssignment(campaign2023, 'periodic_report');
    if (report === undefined) throw new Error('no periodic_report');
    expect(deadlineFor(report, '2023-Q1', 'submit')).toBe('2023-03-15T17:00:00.000Z');
    expect(deadlineFor(report, '2023-Q1', 'review', 'district')).toBe('2023-03-22T17:00:00.000Z');
    expect(deadlineFor(report, '2023-Q1', 'review', 'province')).toBe('2023-03-31T17:00:00.000Z');
    expect(deadlineFor(report, '2023-Q1', 'sign_off')).toBeNull();
  });
});

describe('entry windows and lock exceptions', () => {
  const assignment = FormAssignment.parse({
    formKey: 'periodic_report',
    templateId: 'periodic_report_2023',
    templateVersion: 1,
    periods: ['2023-Q1', '2023-H1'],
    entryWindows: [
      { period: '2023-Q1', opensAt: '2023-03-01T00:00:00.000Z', closesAt: '2023-04-01T00:00:00.000Z' },
      { period: null, opensAt: '2023-06-01T00:00:00.000Z', closesAt: '2023-07-01T00:00:00.000Z' },
    ],
    lockExceptions: [
      { unitId: 'tan-phu', period: '2023-Q1', closesAt: '2023-04-10T00:00:00.000Z', reason: 'Mất điện' },
      { unitId: 'tan-binh', period: null, closesAt: '2023-07-05T00:00:00.000Z' },
      { unitId: 'an-loc', period: null, closesAt: '2023-03-15T00:00:00.000Z' },
    ],
  });

  it('uses the period window, else the general one; closesAt is exclusive', () => {
    const q1 = entryWindowFor(assignment, 'x', '2023-Q1');
    expect(q1).toEqual({
      opensAt: '2023-03-01T00:00:00.000Z',
      closesAt: '2023-04-01T00:00:00.000Z',
      exceptionReason: null,
    });
    expect(isWindowOpen(q1, '2023-02-28T23:59:59.999Z')).toBe(false);
    expect(isWindowOpen(q1, '2023-03-01T00:00:00.000Z')).toBe(true);
    expect(isWindowOpen(q1, '2023-04-01T00:00:00.000Z')).toBe(false);
    expect(entryWindowFor(assignment, 'x', '2023-H1')?.closesAt).toBe('2023-07-01T00:00:00.000Z');
    expect(isWindowOpen(null, '2030-01-01T00:00:00.000Z')).toBe(true);
  });

  it('extends the window for one unit (DHIS2 lock exception), never shortens it', () => {
    expect(entryWindowFor(assignment, 'tan-phu', '2023-Q1')).toMatchObject({
      closesAt: '2023-04-10T00:00:00.000Z',
      exceptionReason: 'Mất điện',
    });
    expect(entryWindowFor(assignment, 'tan-phu', '2023-H1')?.closesAt).toBe('2023-07-01T00:00:00.000Z');
    expect(entryWindowFor(assignment, 'tan-binh', '2023-H1')?.closesAt).toBe('2023-07-05T00:00:00.000Z');
    expect(entryWindowFor(assignment, 'an-loc', '2023-Q1')?.closesAt).toBe('2023-04-01T00:00:00.000Z');
  });
});
