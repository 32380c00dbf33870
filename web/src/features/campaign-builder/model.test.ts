import { campaign2023, copyCampaign } from '@thidua/shared/campaign';
import { pathUnder, type Unit } from '@thidua/shared/org';
import { describe, expect, it } from 'vitest';
import {
  blankCampaign,
  checkBeforePublishing,
  endInstant,
  fieldId,
  getIn,
  issuesByPath,
  kindsInForce,
  lastDay,
  openingDay,
  openingInstant,
  periodsOfYear,
  setIn,
  sortPeriods,
  startingPoint,
  targetOf,
} from './model';

const unit = (id: string, kind: string, name: string, parent: Unit | null): Unit => ({
  tenantId: campaign2023.tenantId,
  id,
  kind,
  name,
  parentId: parent?.id ?? null,
  path: pathUnder(parent),
  openedOn: '2000-01-01',
  closedOn: null,
  successorId: null,
});
/** A three-tier province: a district with a commune, and a department. */
const province = unit('bp', 'province', 'Tỉnh Bình Phước', null);
const district = unit('dong-xoai', 'district', 'Thành phố Đồng Xoài', province);
const units = [
  province,
  district,
  unit('tan-phu', 'commune', 'Phường Tân Phú', district),
  unit('so-tu-phap', 'department', 'Sở Tư pháp', province),
];
const published = new Map(campaign2023.forms.map((f) => [f.templateId, [1]]));
const ctx = { tenantId: campaign2023.tenantId, units, publishedTemplates: published, today: '2026-02-01' };
const copy2026 = () => {
  const { tenantId: _t, ...c } = copyCampaign(campaign2023, { id: 'kh-2026', year: 2026 });
  return c;
};

describe('editing by path', () => {
  it('sets a nested value without touching anything else, arrays staying arrays', () => {
    const before = copy2026();
    const after = setIn(before, ['forms', 1, 'cutOffDay'], 14);
    expect(getIn(after, ['forms', 1, 'cutOffDay'])).toBe(14);
    expect(Array.isArray(after.forms)).toBe(true);
    expect(after.forms[0]).toBe(before.forms[0]);
    expect(before.forms[1]?.cutOffDay).toBeUndefined();
    expect(getIn(after, ['nope', 3, 'x'])).toBeUndefined();
  });

  it('gives every path one DOM id, and lands an issue on the nearest control the screen has', () => {
    expect(fieldId(['forms', 0, 'deadlines', 2, 'dueAt'])).toBe('cb-forms-0-deadlines-2-dueAt');
    expect(fieldId('participants.unitKinds.1')).toBe('cb-participants-unitKinds-1');
    const onScreen = new Set(['cb-participants-unitKinds', 'cb-forms-0-periods-0', 'cb-chainConfigs-0']);
    const has = (id: string) => onScreen.has(id);
    expect(targetOf('participants.unitKinds.1', has)).toBe('cb-participants-unitKinds');
    expect(targetOf('body.campaign.forms.0.periods.0', has)).toBe('cb-forms-0-periods-0');
    expect(targetOf('chainConfigs.0.rules.1.reviewerKinds.0', has)).toBe('cb-chainConfigs-0');
    expect(targetOf('somewhere.else', has)).toBe('cb-top');
  });

  it('joins two issues on one field and drops the API prefix', () => {
    const m = issuesByPath([
      { path: 'body.campaign.number', message: 'A' },
      { path: 'number', message: 'B' },
    ]);
    expect(m.get('number')).toBe('A; B');
  });
});

describe('dates as typed', () => {
  it('keeps the first instant of an opening day and the exclusive end after a closing day (Vietnam time)', () => {
    expect(openingInstant('2026-03-01')).toBe('2026-02-28T17:00:00.000Z');
    expect(endInstant('2026-03-15')).toBe('2026-03-15T17:00:00.000Z');
    expect(openingDay('2026-02-28T17:00:00.000Z')).toBe('2026-03-01');
    expect(lastDay('2026-03-15T17:00:00.000Z')).toBe('2026-03-15');
    expect(openingInstant('')).toBe('');
  });
});

describe('periods and kinds offered', () => {
  it('offers monthly, quarterly, 6-month, 9-month and yearly periods, listed in that order', () => {
    const groups = periodsOfYear(2026);
    expect(groups.map((g) => g.kind)).toEqual(['month', 'quarter', 'half', 'nine_months', 'year']);
    expect(groups[0]?.periods).toHaveLength(12);
    expect(sortPeriods(['2026-Y', '2026-9M', '2026-M10', '2026-Q1', '2026-M02', '2026-H1'])).toEqual([
      '2026-M02',
      '2026-M10',
      '2026-Q1',
      '2026-H1',
      '2026-9M',
      '2026-Y',
    ]);
  });

  it('offers the kinds of the tree in force on the date', () => {
    expect(kindsInForce(units, '2026-02-01')).toEqual(['province', 'district', 'commune', 'department']);
  });
});

describe('checks before publishing', () => {
  it('names in Vietnamese, at its path, what the API schema would refuse', () => {
    const { errors, campaign } = checkBeforePublishing({ ...copy2026(), id: 'kh-2026' }, ctx);
    expect(campaign).toBeNull();
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('number');
    expect(paths).toContain('issuedOn');
    // zod's Vietnamese messages, not English.
    expect(errors.find((e) => e.path === 'number')?.message).toMatch(/[ạ-ỹ]|Quá|Không|phải/u);
  });

  it('then runs the campaign check on the tree: a form period the campaign lacks blocks publication', () => {
    const filled = { ...copy2026(), number: '12/KH-UBND', issuedOn: '2026-01-20' };
    expect(checkBeforePublishing(filled, ctx).errors).toEqual([]);
    const monthly = setIn(filled, ['forms', 1, 'periods'], [...(filled.forms[1]?.periods ?? []), '2026-M01']);
    const check = checkBeforePublishing(monthly, ctx);
    expect(check.errors).toContainEqual({
      path: 'forms.1.periods.4',
      message: 'Kỳ 2026-M01 không thuộc các kỳ của phong trào',
    });
    const fixed = setIn(monthly, ['periods'], [...monthly.periods, '2026-M01']);
    expect(checkBeforePublishing(fixed, ctx).errors).toEqual([]);
  });

  it('refuses a blank campaign with an issue for what is missing', () => {
    const { errors } = checkBeforePublishing(blankCampaign('kh-moi', 2026), ctx);
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['number', 'forms']));
  });
});

describe('where the editor starts', () => {
  const server = {
    revision: 3,
    baseVersion: 1,
    copiedFrom: 'kh38-2023',
    data: { ...copy2026(), title: 'Trên máy chủ' },
  };
  it('takes back what this device typed on top of the server draft', () => {
    const local = { baseVersion: 3, values: { ...copy2026(), title: 'Đang gõ dở' } };
    const s = startingPoint({ id: 'kh-2026', year: 2026, local, server, published: null, latestVersion: 1 });
    expect(s).toMatchObject({ revision: 3, baseVersion: 1, restored: true, copiedFrom: 'kh38-2023' });
    expect(s.draft.title).toBe('Đang gõ dở');
  });

  it('prefers a newer server draft over a stale device copy, then the published campaign, then a blank one', () => {
    const stale = { baseVersion: 2, values: { ...copy2026(), title: 'Cũ' } };
    expect(
      startingPoint({ id: 'kh-2026', year: 2026, local: stale, server, published: null, latestVersion: 1 })
        .draft.title,
    ).toBe('Trên máy chủ');
    const fromPublished = startingPoint({
      id: campaign2023.id,
      year: 2026,
      local: null,
      server: null,
      published: campaign2023,
      latestVersion: 4,
    });
    expect(fromPublished).toMatchObject({ revision: 0, baseVersion: 4, restored: false });
    expect(fromPublished.draft.number).toBe('38/KH-UBND');
    const blank = startingPoint({
      id: 'moi',
      year: 2027,
      local: null,
      server: null,
      published: null,
      latestVersion: 0,
    });
    expect(blank.draft).toMatchObject({ id: 'moi', year: 2027, periods: ['2027-Y'], status: 'draft' });
  });
});
