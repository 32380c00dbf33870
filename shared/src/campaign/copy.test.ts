import { describe, expect, it } from 'vitest';
import { campaign2023 } from './campaign-2023';
import { COPY_CLEARS, copyCampaign, shiftDateByYears, shiftInstantByYears, shiftPeriodByYears } from './copy';
import { Campaign } from './schema';

const withExceptions: Campaign = {
  ...campaign2023,
  participants: { unitKinds: ['district', 'commune'], unitIds: ['binh-phuoc'], excludedUnitIds: ['x'] },
  forms: campaign2023.forms.map((f, i) =>
    i === 1
      ? {
          ...f,
          entryWindows: [
            { period: '2023-Q1', opensAt: '2023-03-31T17:00:00.000Z', closesAt: '2023-04-15T17:00:00.000Z' },
          ],
          lockExceptions: [
            {
              unitId: 'dong-xoai-tan-phu',
              period: '2023-Q1',
              closesAt: '2023-04-20T17:00:00.000Z',
              reason: 'Lũ',
            },
          ],
        }
      : f,
  ),
};

describe('copyCampaign (2026 from 2023)', () => {
  const copy = copyCampaign(withExceptions, { id: 'kh-2026', year: 2026 });

  it('moves every period, deadline, window and chain date by the years between', () => {
    expect(copy.year).toBe(2026);
    expect(copy.periods).toEqual(['2026-Q1', '2026-H1', '2026-Q3', '2026-Y']);
    const report = copy.forms[1];
    expect(report?.periods).toEqual(['2026-Q1', '2026-H1', '2026-Q3', '2026-Y']);
    expect(report?.deadlines[0]).toEqual({
      period: '2026-Q1',
      stage: 'submit',
      dueAt: '2026-03-15T17:00:00.000Z',
    });
    expect(report?.entryWindows).toEqual([
      { period: '2026-Q1', opensAt: '2026-03-31T17:00:00.000Z', closesAt: '2026-04-15T17:00:00.000Z' },
    ]);
    expect(copy.chainConfigs[0]?.effectiveFrom).toBe('2026-01-01');
    expect(copy.title).toContain('năm 2026');
    expect(copy.title).not.toContain('2023');
  });

  it('clears what belongs to the old year only, and says so', () => {
    expect(copy.number).toBe('');
    expect(copy.issuedOn).toBe('');
    expect(copy.signer).toBe('');
    expect(copy.participants).toEqual({
      unitKinds: ['district', 'commune'],
      unitIds: [],
      excludedUnitIds: [],
    });
    expect(copy.forms.flatMap((f) => f.lockExceptions)).toEqual([]);
    expect(COPY_CLEARS).toContain('forms.*.lockExceptions');
    expect(copy.status).toBe('draft');
  });

  it('keeps the contents, forms, template versions and the sign-off switch', () => {
    expect(copy.contents).toEqual(campaign2023.contents);
    expect(copy.forms.map((f) => [f.formKey, f.templateId, f.templateVersion])).toEqual(
      campaign2023.forms.map((f) => [f.formKey, f.templateId, f.templateVersion]),
    );
    expect(copy.requireUnitSignOff).toBe(campaign2023.requireUnitSignOff);
  });

  it('becomes a valid campaign once the plan number and date are filled in', () => {
    const filled = { ...copy, number: '12/KH-UBND', issuedOn: '2026-01-20' };
    expect(Campaign.safeParse(filled).success).toBe(true);
  });

  it('leaves the source untouched', () => {
    expect(withExceptions.forms[1]?.lockExceptions).toHaveLength(1);
    expect(withExceptions.periods[0]).toBe('2023-Q1');
  });
});

describe('shifting by years', () => {
  it('lands 29 February on the 28th of a common year and keeps it in a leap year', () => {
    expect(shiftDateByYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(shiftDateByYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(shiftInstantByYears('2024-02-29T17:00:00.000Z', 1)).toBe('2025-02-28T17:00:00.000Z');
  });

  it('shifts every kind of period, including months and nine months', () => {
    expect(['2023-M01', '2023-9M', '2023-H2', '2023-Y'].map((p) => shiftPeriodByYears(p, 3))).toEqual([
      '2026-M01',
      '2026-9M',
      '2026-H2',
      '2026-Y',
    ]);
    expect(shiftPeriodByYears('not-a-period', 3)).toBe('not-a-period');
  });
});
