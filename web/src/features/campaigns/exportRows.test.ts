import { findTemplate2023 } from '@thidua/shared/forms';
import type { Submission } from '@thidua/shared/workflow';
import { buildXlsx } from '@thidua/shared/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { reportSheet } from './exportRows';

const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('vi', k, p);

const base: Submission = {
  tenantId: 'binh-phuoc',
  id: 's1',
  campaignId: 'kh38-2023',
  formKey: 'periodic_report',
  templateId: 'periodic_report_2023',
  templateVersion: 1,
  period: '2023-Q1',
  unitId: 'dong-xoai-tan-phu',
  unitName: 'Phường Tân Phú',
  unitPath: ['binh-phuoc', 'dong-xoai'],
  chain: [{ unitId: 'dong-xoai', unitName: 'Thành phố Đồng Xoài', unitKind: 'district' }],
  state: 'approved',
  level: null,
  returnedFromLevel: null,
  version: 5,
  data: {},
  filledBy: [],
  submittedBy: null,
  createdBy: 'u',
  createdAt: '2023-03-01T00:00:00.000Z',
  updatedAt: '2023-03-10T02:00:00.000Z',
  dueAt: null,
  lastEventHash: 'x',
  eventSeq: 5,
};

describe('campaign report export', () => {
  const template = findTemplate2023('periodic_report_2023');

  it('writes one row per submission with every field, totals recomputed', () => {
    if (!template) throw new Error('template missing');
    const firstSection = template.sections[0];
    const numeric = firstSection?.fields.filter((f) => f.type === 'integer') ?? [];
    const [a, b] = numeric;
    if (!firstSection || !a || !b) throw new Error('expected two integer fields in the first section');
    const data = { [firstSection.key]: { [a.key]: 7, [b.key]: 5 } };
    const sheet = reportSheet(
      'Báo cáo',
      template,
      [
        { ...base, data },
        { ...base, id: 's2', unitName: 'Phường Tân Bình', state: 'under_review' },
      ],
      t,
    );
    const [head, first, second] = sheet.rows;
    expect(head?.slice(0, 4)).toEqual(['Đơn vị', 'Kỳ', 'Tình trạng', 'Cập nhật']);
    expect(head).toContain(a.label);
    // Sorted by unit name (Vietnamese order): Tân Bình before Tân Phú.
    expect(first?.[0]).toBe('Phường Tân Bình');
    expect(second?.slice(0, 4)).toEqual(['Phường Tân Phú', 'Quý 1/2023', 'Đã phê duyệt', '10/03/2023 09:00']);
    expect(second?.[(head ?? []).indexOf(a.label)]).toBe(7);
    const bytes = buildXlsx([sheet]);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(xml).toContain('Phường Tân Phú');
    expect(xml).toContain('<v>7</v>');
  });
});
