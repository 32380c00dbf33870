import { describe, expect, it } from 'vitest';
import { groupsThousands, isQuantity } from './numbers';
import { findTemplate2023 } from './templates-2023';
import { validateFormData } from './validate';

describe('years are read digit by digit', () => {
  const nomination = findTemplate2023('nomination_2023');
  const section = nomination?.sections.find((s) => s.fields.some((f) => f.key === 'previousAwards'));
  const table = section?.fields.find((f) => f.key === 'previousAwards');
  const year = table?.type === 'table' ? table.columns.find((c) => c.key === 'year') : undefined;

  it('knows the nomination year column as a year, not a quantity', () => {
    if (!year) throw new Error('no year column');
    expect(groupsThousands(year)).toBe(false);
    expect(isQuantity(year)).toBe(false);
    expect(isQuantity({ key: 'cases', type: 'integer', label: 'Số vụ', required: false })).toBe(true);
  });

  it('says "Không được nhỏ hơn 1975", not "1.975", for a year out of bounds', () => {
    if (!nomination || !section) throw new Error('no nomination template');
    const data = {
      [section.key]: { previousAwards: [{ year: 1900, award: 'Giấy khen', decision: '1/QĐ' }] },
    };
    const result = validateFormData(nomination, data, { mode: 'submit' });
    const messages = result.ok
      ? []
      : result.issues.filter((i) => i.path.includes('year')).map((i) => i.message);
    expect(messages).toEqual(['Không được nhỏ hơn 1975']);
  });
});
