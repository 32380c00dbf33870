import { findTemplate2023, redactData } from '@thidua/shared/forms';
import type { Submission } from '@thidua/shared/workflow';
import { buildXlsx, readXlsx } from '@thidua/shared/xlsx';
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
    // The parent unit leads (issue 15: the export lacked the district); the update is a real date.
    expect(head?.slice(0, 5)).toEqual(['Đơn vị cấp trên', 'Đơn vị', 'Kỳ', 'Tình trạng', 'Cập nhật']);
    expect(head).toContain(a.label);
    // Sorted by unit name (Vietnamese order): Tân Bình before Tân Phú.
    expect(first?.[1]).toBe('Phường Tân Bình');
    expect(second?.slice(0, 5)).toEqual([
      'Thành phố Đồng Xoài',
      'Phường Tân Phú',
      'Quý 1/2023',
      'Đã phê duyệt',
      { kind: 'date_time', instant: '2023-03-10T02:00:00.000Z', utcOffsetMinutes: 420 },
    ]);
    expect(second?.[(head ?? []).indexOf(a.label)]).toBe(7);
    const bytes = buildXlsx([sheet]);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(xml).toContain('Phường Tân Phú');
    expect(xml).toContain('<v>7</v>');
  });

  it('reads back with the district column, real dates, no total of years, and an A4 page setup', () => {
    const nomination = findTemplate2023('nomination_2023');
    if (!nomination) throw new Error('template missing');
    const awards = nomination.sections
      .flatMap((sec) => sec.fields.map((f) => ({ sec, f })))
      .find(({ f }) => f.key === 'previousAwards');
    const meeting = nomination.sections
      .flatMap((sec) => sec.fields.map((f) => ({ sec, f })))
      .find(({ f }) => f.type === 'date');
    if (!awards || !meeting) throw new Error('expected the awards table and a date field');
    const data = {
      [awards.sec.key]: { previousAwards: [{ year: 2021, award: 'Giấy khen', decision: '12/QĐ' }] },
      [meeting.sec.key]: { [meeting.f.key]: '2023-12-05' },
    };
    const sub = (id: string, unitName: string, parent: { unitId: string; unitName: string }): Submission => ({
      ...base,
      id,
      formKey: 'nomination',
      templateId: 'nomination_2023',
      period: '2023-Y',
      unitName,
      unitPath: ['binh-phuoc', parent.unitId],
      chain: [{ ...parent, unitKind: 'district' }],
      data,
    });
    const sheet = reportSheet(
      'Đề nghị',
      nomination,
      [
        sub('s1', 'Phường Tân Phú', { unitId: 'dong-xoai', unitName: 'Thành phố Đồng Xoài' }),
        sub('s2', 'Phường An Lộc', { unitId: 'binh-long', unitName: 'Thị xã Bình Long' }),
      ],
      t,
    );
    const [read] = readXlsx(buildXlsx([sheet]));
    if (!read) throw new Error('no sheet');
    const header = (read.rows[0] ?? []).map((c) => c?.shown);
    const cellsOf = (r: number) => (read.rows[r] ?? []).map((c) => c?.shown);
    // District first, sorted by district name (Vietnamese order: "Thành phố" before "Thị xã").
    expect(header.slice(0, 2)).toEqual(['Đơn vị cấp trên', 'Đơn vị']);
    expect(cellsOf(1).slice(0, 2)).toEqual(['Thành phố Đồng Xoài', 'Phường Tân Phú']);
    expect(cellsOf(2).slice(0, 2)).toEqual(['Thị xã Bình Long', 'Phường An Lộc']);
    // The last update and the meeting date are dates a spreadsheet can sort, shown dd/mm/yyyy.
    const updated = read.rows[1]?.[header.indexOf('Cập nhật')];
    expect(updated).toMatchObject({ format: 'dd/mm/yyyy hh:mm', shown: '10/03/2023 09:00' });
    expect(typeof updated?.value).toBe('number');
    const meetingCell = read.rows[1]?.[header.indexOf(meeting.f.label)];
    expect(meetingCell).toMatchObject({ format: 'dd/mm/yyyy', shown: '05/12/2023' });
    // The awards table counts its rows; a year is not a quantity, so no "total of years" column.
    expect(header.some((h) => h?.includes('Năm'))).toBe(false);
    // Printing: landscape A4, one page wide, the header repeated on each page.
    expect(read.page).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
    });
    expect(read.printTitles).toBe('$1:$1');
  });

  it('writes the redaction marker where the API hid a sensitive value, in the XLSX as on screen', () => {
    if (!template) throw new Error('template missing');
    const stored = {
      figures: { crimesDetected: 12, drugCases: 0, traffickingCases: 1 },
      propaganda: { sessions: 20 },
    };
    const { data, redacted } = redactData(template, stored);
    const sheet = reportSheet('Báo cáo', template, [{ ...base, data, redacted }], t);
    const [read] = readXlsx(buildXlsx([sheet]));
    if (!read) throw new Error('no sheet');
    const header = (read.rows[0] ?? []).map((c) => c?.shown);
    const row = (read.rows[1] ?? []).map((c) => c?.shown);
    const at = (label: string) => row[header.indexOf(label)];
    const field = (ref: string) => {
      const [s, f] = ref.split('.');
      return template.sections.find((x) => x.key === s)?.fields.find((x) => x.key === f)?.label ?? ref;
    };
    for (const ref of ['figures.crimesDetected', 'figures.drugCases', 'figures.totalCases'])
      expect(at(field(ref))).toBe('Đã ẩn — dữ liệu nhạy cảm');
    expect(at(field('propaganda.sessions'))).toBe('20');
    // A reader the template names exports the figures.
    const full = reportSheet('Báo cáo', template, [{ ...base, data: stored, redacted: [] }], t);
    const fullRow = full.rows[1] ?? [];
    expect(fullRow[(full.rows[0] ?? []).indexOf(field('figures.crimesDetected'))]).toBe(12);
  });
});
