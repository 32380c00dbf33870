import { campaign2023 } from '@thidua/shared/campaign';
import type { Unit } from '@thidua/shared/org';
import { describe, expect, it } from 'vitest';
import type { SubmissionSummary } from '../submissions/service';
import { dutiesOf } from './duties';

const commune: Unit = {
  tenantId: 'binh-phuoc',
  id: 'px-tan-phu',
  kind: 'commune',
  name: 'Phường Tân Phú',
  parentId: 'tp-dong-xoai',
  path: ['binh-phuoc', 'tp-dong-xoai'],
  openedOn: '2000-01-01',
  closedOn: null,
  successorId: null,
};
const department: Unit = {
  ...commune,
  id: 'so-tu-phap',
  kind: 'department',
  name: 'Sở Tư pháp',
  parentId: 'binh-phuoc',
  path: ['binh-phuoc'],
};

const summary = (formKey: string, period: string, state: SubmissionSummary['state']): SubmissionSummary => ({
  id: `s-${formKey}-${period}`,
  tenantId: 'binh-phuoc',
  campaignId: campaign2023.id,
  formKey,
  period,
  templateId: 't',
  templateVersion: 1,
  unitId: commune.id,
  unitName: commune.name,
  state,
  level: null,
  onTurnUnitId: null,
  onTurnUnitName: null,
  returnedFromLevel: null,
  dueAt: null,
  updatedAt: '2023-03-01T00:00:00.000Z',
  version: 2,
});

describe('duties of a unit', () => {
  const now = new Date('2023-03-20T00:00:00.000Z');

  it('lists every form and period of the campaign for the unit kind', () => {
    const commune2023 = dutiesOf(campaign2023, commune, [], now);
    const dept2023 = dutiesOf(campaign2023, department, [], now);
    expect(commune2023.some((d) => d.formKey === 'hotspot_report')).toBe(true);
    expect(dept2023.some((d) => d.formKey === 'hotspot_report')).toBe(false);
    expect(
      commune2023
        .filter((d) => d.formKey === 'periodic_report')
        .map((d) => d.period)
        .sort(),
    ).toEqual(['2023-H1', '2023-Q1', '2023-Q3', '2023-Y']);
  });

  it('joins the unit submissions, marks overdue, puts returned first', () => {
    const d = dutiesOf(
      campaign2023,
      commune,
      [summary('periodic_report', '2023-Q1', 'under_review'), summary('registration', '2023-Y', 'returned')],
      now,
    );
    expect(d[0]?.submission?.state).toBe('returned');
    const q1 = d.find((x) => x.formKey === 'periodic_report' && x.period === '2023-Q1');
    expect(q1?.todo).toBe(false);
    expect(q1?.overdue).toBe(false);
    const h1 = d.find((x) => x.formKey === 'periodic_report' && x.period === '2023-H1');
    expect(h1?.overdue).toBe(false);
    const reg = d.find((x) => x.formKey === 'registration');
    expect(reg?.overdue).toBe(true); // due 28/02/2023, still returned on 20/03
  });

  it('a form filed several times per period: a row per nomination and one to add another', () => {
    const multiple = (formKey: string) => formKey === 'nomination';
    const nominations = (ds: ReturnType<typeof dutiesOf>) => ds.filter((x) => x.formKey === 'nomination');
    // None yet: one row to start, a duty like any other.
    const none = nominations(dutiesOf(campaign2023, commune, [], now, multiple));
    expect(none).toMatchObject([{ submission: null, another: false, todo: true }]);
    const a = { ...summary('nomination', '2023-Y', 'draft'), id: 'nom-a' };
    const b = { ...summary('nomination', '2023-Y', 'under_review'), id: 'nom-b' };
    const rows = nominations(dutiesOf(campaign2023, commune, [a, b], now, multiple));
    expect(rows.map((x) => x.submission?.id ?? (x.another ? 'another' : 'new'))).toEqual([
      'nom-a',
      'nom-b',
      'another',
    ]);
    expect(rows.map((x) => x.todo)).toEqual([true, false, false]);
    // Without the trait the same submissions give one row per period (reports).
    expect(nominations(dutiesOf(campaign2023, commune, [a, b], now))).toHaveLength(1);
  });
});
