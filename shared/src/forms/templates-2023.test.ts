import { describe, expect, it } from 'vitest';
import { campaign2023 } from '../campaign/campaign-2023';
import { computeValues } from './evaluate';
import { findTemplate2023, templates2023 } from './templates-2023';
import { buildSubmissionSchema, formatIssues } from './validate';

const pdf = { attachmentId: 'att1', name: 'bao-cao.pdf', size: 2048, contentType: 'application/pdf' };

const get = (id: string) => {
  const t = findTemplate2023(id);
  if (t === undefined) throw new Error(`missing template ${id}`);
  return t;
};

describe('templates of the 2023 campaign', () => {
  it('has one template per form of the campaign, at the version the campaign names', () => {
    expect(templates2023.map((t) => t.id)).toEqual([
      'registration_2023',
      'periodic_report_2023',
      'scorecard_2023',
      'hotspot_report_2023',
      'nomination_2023',
    ]);
    for (const form of campaign2023.forms) {
      expect(get(form.templateId).version).toBe(form.templateVersion);
    }
    expect(new Set(templates2023.map((t) => t.kind))).toEqual(
      new Set(['registration', 'report', 'scorecard', 'hotspot_report', 'nomination']),
    );
  });

  it('registration covers the five contents', () => {
    const keys = get('registration_2023').sections.map((s) => s.key);
    for (const no of [1, 2, 3, 4, 5]) expect(keys).toContain(`content${no}`);
  });

  it('periodic report: computed totals, a table, evidence, a conditional field', () => {
    const t = get('periodic_report_2023');
    const data = {
      figures: { crimesDetected: 12, crimesCleared: 10, drugCases: 4, traffickingCases: 1 },
      propaganda: { sessions: 20, attendance: 1500, modelsMaintained: 3, modelsNew: 2 },
      hotspots: { list: [{ name: 'Ấp 3, xã Tiến Hưng', result: 'relapsed' }] },
      narrative: { content1: 'Đã triển khai', content5: 'Đạt chỉ tiêu' },
      closing: { hasIssues: true, evidence: [pdf] },
    };
    const submit = buildSubmissionSchema(t, { mode: 'submit' });
    const r = submit.safeParse(data);
    expect(r.success).toBe(false);
    expect(r.success ? [] : formatIssues(r.error)).toEqual([
      { path: 'hotspots.list.0.relapseNote', message: 'Vui lòng nhập thông tin này' },
      { path: 'closing.issues', message: 'Vui lòng nhập thông tin này' },
    ]);
    const fixed = {
      ...data,
      hotspots: {
        list: [{ name: 'Ấp 3, xã Tiến Hưng', result: 'relapsed', relapseNote: 'Đối tượng cũ quay lại' }],
      },
      closing: { hasIssues: false, evidence: [pdf] },
    };
    const ok = submit.safeParse(fixed);
    expect(ok.success).toBe(true);
    expect(ok.data?.figures?.totalCases).toBe(17);
    expect(ok.data?.propaganda?.modelsTotal).toBe(5);
  });

  it('scorecard: subtotals and totals of self and reviewer scores; max points add up to 100', () => {
    const t = get('scorecard_2023');
    const max = t.sections
      .flatMap((s) => s.fields)
      .reduce((a, f) => a + (f.type === 'score' ? f.maxPoints : 0), 0);
    expect(max).toBe(100);
    const data = {
      content1: { plans: { selfScore: 9, reviewerScore: 8 }, implementation: { selfScore: 10 } },
      content5: { targets: { selfScore: 14.5, reviewerScore: 14 } },
    };
    const v = computeValues(t, data);
    expect(v['content1.subtotal']).toBe(19);
    expect(v['content5.subtotal']).toBe(14.5);
    expect(v['summary.totalSelf']).toBe(33.5);
    expect(v['summary.totalReviewer']).toBe(22);
  });

  it('hotspot report: relapse details only when relapsed; "other" problem only when chosen', () => {
    const t = get('hotspot_report_2023');
    const draft = buildSubmissionSchema(t, { mode: 'draft' });
    const r = draft.safeParse({
      area: { problems: ['drugs'], otherProblem: 'x' },
      result: { relapsed: false, relapseDetails: 'x' },
    });
    expect(r.data).toEqual({ area: { problems: ['drugs'] }, result: { relapsed: false } });
  });

  it('nomination: collective or individual fields, award type, dossier parts, the unit vote; reject is terminal', () => {
    const t = get('nomination_2023');
    expect(t.workflow.rejectIsTerminal).toBe(true);
    const submit = buildSubmissionSchema(t, { mode: 'submit' });
    const base = {
      nominee: {
        kind: 'individual',
        unitName: 'Công an phường Tân Phú',
        awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
      },
      achievement: {
        summary:
          'Có thành tích xuất sắc trong đấu tranh phòng, chống tội phạm ma túy trên địa bàn phường năm 2023.',
      },
      dossier: {
        toTrinh: [pdf],
        achievementReport: [{ ...pdf, attachmentId: 'att2' }],
        minutes: [{ ...pdf, attachmentId: 'att3' }],
      },
      meeting: { date: '2023-11-20', members: 9, present: 9, votesFor: 8, votesAgainst: 1 },
    };
    const r = submit.safeParse(base);
    expect(r.success ? [] : formatIssues(r.error)).toEqual([
      { path: 'nominee.fullName', message: 'Vui lòng nhập thông tin này' },
      { path: 'nominee.position', message: 'Vui lòng nhập thông tin này' },
    ]);
    const ok = submit.safeParse({
      ...base,
      nominee: { ...base.nominee, fullName: 'Nguyễn Văn A', position: 'Trưởng Công an phường' },
    });
    expect(ok.success).toBe(true);
    expect(ok.data?.meeting?.votesCast).toBe(9);
    const options = t.sections[0]?.fields.find((f) => f.key === 'awardTypeId');
    expect(options?.type === 'select' ? options.options.map((o) => o.value) : []).toEqual(
      campaign2023.awardTypeIds,
    );
  });
});
