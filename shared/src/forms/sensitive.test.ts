import { describe, expect, it } from 'vitest';
import { redactNominee } from '../commendation/nomination';
import { sensitiveFiguresSection } from '../testing/sensitive-report';
import { FormTemplate, type FormTemplateInput } from './schema';
import {
  classifiedRefusal,
  isSensitivePath,
  REDACTED_TEXT,
  redactChanges,
  redactData,
  sensitiveAttachmentIds,
  sensitiveRefs,
  sensitivityLeaks,
} from './sensitive';
import { findTemplate2023 } from './templates-2023';

const template = (sections: FormTemplateInput['sections'], extra: Partial<FormTemplateInput> = {}) =>
  FormTemplate.parse({ id: 't', version: 1, kind: 'report', title: 'Báo cáo', sections, ...extra });

const int = (key: string) => ({ key, type: 'integer' as const, label: key });

const report = template([
  {
    ...sensitiveFiguresSection,
    fields: [
      ...sensitiveFiguresSection.fields,
      { key: 'ratio', type: 'computed', label: 'Tỉ lệ', formula: 'figures.total / 2' },
      { key: 'plain', type: 'computed', label: 'Buổi', formula: 'figures.sessions * 2' },
      { key: 'arrestTotal', type: 'computed', label: 'Tổng bắt', formula: 'sum(figures.areas.arrests)' },
    ],
  },
  {
    key: 'persons',
    title: 'Đối tượng',
    sensitive: true,
    fields: [{ key: 'name', type: 'text', label: 'Họ tên' }],
  },
]);

describe('sensitiveRefs', () => {
  it('marked fields, marked sections, marked columns, and every computed field that reads one of them', () => {
    expect([...sensitiveRefs(report)].sort()).toEqual([
      'figures.areas.arrests',
      'figures.arrestTotal',
      'figures.crimes',
      'figures.drugs',
      'figures.ratio',
      'figures.total',
      'persons.name',
    ]);
  });

  it('a template without marks has none (templates stored before the feature read as before)', () => {
    expect(sensitiveRefs(template([{ key: 's', title: 'S', fields: [int('a')] }])).size).toBe(0);
  });

  it('data paths under a ref or a column are sensitive', () => {
    const refs = sensitiveRefs(report);
    expect(isSensitivePath(refs, 'figures.crimes')).toBe(true);
    expect(isSensitivePath(refs, 'figures.areas.3.arrests')).toBe(true);
    expect(isSensitivePath(refs, 'figures.areas.3.name')).toBe(false);
    expect(isSensitivePath(refs, 'figures.sessions')).toBe(false);
    expect(isSensitivePath(refs, 'persons.name')).toBe(true);
  });
});

describe('redactData', () => {
  const data = {
    figures: {
      crimes: 12,
      drugs: 0,
      sessions: 5,
      total: 12,
      ratio: 6,
      plain: 10,
      areas: [
        { name: 'Ấp 3', arrests: 4 },
        { name: 'Ấp 5', arrests: 1 },
      ],
      arrestTotal: 5,
    },
    persons: { name: 'Nguyễn Văn A' },
  };

  it('removes every sensitive value, keeps the rest, lists every sensitive ref filled or not', () => {
    const r = redactData(report, data);
    expect(r.data).toEqual({
      figures: { sessions: 5, plain: 10, areas: [{ name: 'Ấp 3' }, { name: 'Ấp 5' }] },
      persons: {},
    });
    expect(r.redacted).toEqual([...sensitiveRefs(report)].sort());
    // A zero is redacted like any figure: the reader cannot tell "none" from "hidden".
    expect(JSON.stringify(r.data)).not.toContain('Nguyễn');
    expect(redactData(report, {}).redacted).toEqual(r.redacted);
  });

  it('does not change its input (the stored item and its hash stay as they are)', () => {
    const copy = structuredClone(data);
    redactData(report, data);
    expect(data).toEqual(copy);
  });

  it('a diff line under a sensitive path loses its values', () => {
    const changes = [
      { path: 'figures.crimes', before: 10, after: 12 },
      { path: 'figures.areas.1.arrests', before: 0, after: 1 },
      { path: 'figures.sessions', before: 4, after: 5 },
    ];
    expect(redactChanges(report, changes)).toEqual([
      { path: 'figures.crimes', before: null, after: null, redacted: true },
      { path: 'figures.areas.1.arrests', before: null, after: null, redacted: true },
      { path: 'figures.sessions', before: 4, after: 5 },
    ]);
  });
});

describe('sensitivityLeaks', () => {
  it('a field shown by a sensitive field must be sensitive too: the template does not parse otherwise', () => {
    const sections: FormTemplateInput['sections'] = [
      {
        key: 'p',
        title: 'P',
        fields: [
          { key: 'relapsed', type: 'yes_no', label: 'Tái phức tạp', sensitive: true },
          {
            key: 'why',
            type: 'text',
            label: 'Nguyên nhân',
            visibleWhen: { field: 'p.relapsed', op: 'is_true' },
          },
        ],
      },
    ];
    const r = FormTemplate.safeParse({ id: 't', version: 1, kind: 'report', title: 'B', sections });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['sections.0.fields.1.visibleWhen']);
    const fixed = structuredClone(sections);
    const why = fixed[0]?.fields[1];
    if (why) why.sensitive = true;
    expect(sensitivityLeaks(template(fixed))).toEqual([]);
  });
});

describe('classified ("Mật")', () => {
  it('a classified template or submission refuses data entry with a code the UI maps', () => {
    const plain = template([{ key: 's', title: 'S', fields: [int('a')] }]);
    expect(classifiedRefusal(plain)).toBeNull();
    expect(classifiedRefusal(plain, { classified: false })).toBeNull();
    expect(classifiedRefusal(plain, { classified: true })?.code).toBe('classified');
    expect(classifiedRefusal({ ...plain, classified: true })?.message).toContain('Mật');
  });

  it('the template schema keeps the flag and the named readers', () => {
    const t = template([{ key: 's', title: 'S', fields: [int('a')] }], {
      classified: true,
      sensitiveReaders: ['reviewer', 'council_member'],
    });
    expect(t.classified).toBe(true);
    expect(t.sensitiveReaders).toEqual(['reviewer', 'council_member']);
    expect(() =>
      template([{ key: 's', title: 'S', fields: [int('a')] }], { sensitiveReaders: [] }),
    ).toThrow();
  });
});

describe('the 2023 templates', () => {
  it('mark the crime figures of the report and the nominee of a nomination', () => {
    const report2023 = findTemplate2023('periodic_report_2023');
    const nomination = findTemplate2023('nomination_2023');
    if (!report2023 || !nomination) throw new Error('missing 2023 templates');
    const r = sensitiveRefs(report2023);
    expect(r.has('figures.crimesDetected')).toBe(true);
    // The total of crime figures tells them: sensitive too.
    expect(r.has('figures.totalCases')).toBe(true);
    expect(r.has('propaganda.sessions')).toBe(false);
    const n = sensitiveRefs(nomination);
    expect(n.has('nominee.birthDate')).toBe(true);
  });
});

describe('redactNominee (the facts a nomination record copies out of the form)', () => {
  const record = {
    nomineeKind: 'individual' as const,
    nomineeName: 'Nguyễn Văn Bình',
    nomineeTitle: 'Phó Trưởng Công an phường',
    nomineeUnitName: 'Công an phường Tân Phú',
    nomineeGender: 'male' as const,
    nomineeBirthDate: '1985-04-02',
    awardTypeId: 'bang_khen',
  };

  it('drops the facts drawn from sensitive fields and keeps the others', () => {
    expect(redactNominee(record, new Set(['nominee.birthDate']))).toEqual({
      ...Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'nomineeBirthDate')),
    });
    expect(redactNominee(record, new Set())).toEqual(record);
  });

  it('a name every list must carry reads as the marker, never a blank', () => {
    const r = redactNominee(record, new Set(['nominee.fullName', 'nominee.gender']));
    expect(r.nomineeName).toBe(REDACTED_TEXT);
    expect(r).not.toHaveProperty('nomineeGender');
    expect(r.nomineeTitle).toBe(record.nomineeTitle);
  });
});

describe('sensitiveAttachmentIds', () => {
  it('the files held by sensitive file fields, none of the others', () => {
    const t = template([
      {
        key: 'docs',
        title: 'Tài liệu',
        fields: [
          { key: 'persons', type: 'file', label: 'Danh sách đối tượng', sensitive: true },
          { key: 'plan', type: 'file', label: 'Kế hoạch' },
        ],
      },
    ]);
    const ref = (id: string) => ({
      attachmentId: id,
      name: `${id}.pdf`,
      size: 1,
      contentType: 'application/pdf',
    });
    const ids = sensitiveAttachmentIds(t, { docs: { persons: [ref('a1'), ref('a2')], plan: [ref('b1')] } });
    expect([...ids].sort()).toEqual(['a1', 'a2']);
    expect(sensitiveAttachmentIds(t, {}).size).toBe(0);
  });
});
