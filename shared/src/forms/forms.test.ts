import { describe, expect, it } from 'vitest';
import {
  computeValues,
  isFieldVisible,
  mergeReviewerScores,
  visibleRefs,
  withComputedValues,
} from './evaluate';
import { FORM_LIMITS } from './limits';
import { checkDefinition, type FormDefinition, FormTemplate, type FormTemplateInput } from './schema';
import { buildSubmissionSchema, formatIssues, validateFormData } from './validate';

const definition = FormTemplate.parse({
  id: 'test_form',
  version: 1,
  kind: 'report',
  title: 'Biểu mẫu thử',
  sections: [
    {
      key: 'figures',
      title: 'Số liệu',
      fields: [
        { key: 'drugCases', type: 'integer', label: 'Số vụ ma túy', required: true, min: 0, max: 1000 },
        { key: 'trafficking', type: 'integer', label: 'Số vụ mua bán người', required: true, min: 0 },
        { key: 'rate', type: 'decimal', label: 'Tỷ lệ', scale: 1, min: 0, max: 100 },
        {
          key: 'total',
          type: 'computed',
          label: 'Tổng',
          sum: [
            { field: 'figures.drugCases' },
            { field: 'figures.trafficking' },
            { field: 'hotspots.list', column: 'cases' },
          ],
        },
        {
          key: 'grand',
          type: 'computed',
          label: 'Tổng cộng',
          sum: [{ field: 'figures.total' }, { field: 'score.crit' }],
        },
      ],
    },
    {
      key: 'general',
      title: 'Chung',
      fields: [
        {
          key: 'code',
          type: 'text',
          label: 'Mã',
          pattern: { regex: '^[A-Z]{2}\\d{2}$', message: 'Mã gồm 2 chữ in hoa và 2 số' },
        },
        { key: 'name', type: 'text', label: 'Tên', required: true, minLength: 3, maxLength: 20 },
        { key: 'notes', type: 'long_text', label: 'Ghi chú' },
        { key: 'on', type: 'date', label: 'Ngày', min: '2023-01-01', max: '2023-12-31' },
        {
          key: 'kind',
          type: 'select',
          label: 'Loại',
          required: true,
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        {
          key: 'tags',
          type: 'multi_select',
          label: 'Nhãn',
          minItems: 1,
          maxItems: 2,
          options: [
            { value: 'x', label: 'X' },
            { value: 'y', label: 'Y' },
            { value: 'z', label: 'Z' },
          ],
        },
        { key: 'hasIssues', type: 'yes_no', label: 'Có vướng mắc?', required: true },
        {
          key: 'issues',
          type: 'long_text',
          label: 'Vướng mắc',
          required: true,
          visibleWhen: { field: 'general.hasIssues', op: 'is_true' },
        },
        {
          key: 'issueDetail',
          type: 'text',
          label: 'Chi tiết',
          required: true,
          visibleWhen: { field: 'general.issues', op: 'filled' },
        },
        { key: 'evidence', type: 'file', label: 'Minh chứng', required: true, maxFiles: 2 },
      ],
    },
    {
      key: 'hotspots',
      title: 'Địa bàn',
      fields: [
        {
          key: 'list',
          type: 'table',
          label: 'Danh sách',
          minRows: 1,
          maxRows: 3,
          columns: [
            { key: 'name', type: 'text', label: 'Tên', required: true },
            {
              key: 'result',
              type: 'select',
              label: 'Kết quả',
              required: true,
              options: [
                { value: 'ok', label: 'Đạt' },
                { value: 'relapsed', label: 'Tái phức tạp' },
              ],
            },
            { key: 'cases', type: 'integer', label: 'Số vụ', min: 0 },
            {
              key: 'note',
              type: 'text',
              label: 'Lý do',
              required: true,
              visibleWhen: { field: 'result', op: 'eq', value: 'relapsed' },
            },
          ],
        },
      ],
    },
    {
      key: 'score',
      title: 'Chấm điểm',
      fields: [{ key: 'crit', type: 'score', label: 'Tiêu chí', maxPoints: 10, step: 0.5, required: true }],
    },
  ],
});

const file = (id: string, contentType = 'application/pdf', size = 1000) => ({
  attachmentId: id,
  name: `${id}.pdf`,
  size,
  contentType,
});

const valid = {
  figures: { drugCases: 3, trafficking: 1, rate: 85.5, total: 999 },
  general: { name: 'Tân Phú', kind: 'a', hasIssues: false, evidence: [file('a1')], tags: ['x'] },
  hotspots: { list: [{ name: 'Ấp 1', result: 'ok', cases: 2 }] },
  score: { crit: { selfScore: 7.5 } },
};

const submit = buildSubmissionSchema(definition, { mode: 'submit' });
const draft = buildSubmissionSchema(definition, { mode: 'draft' });
const paths = (input: unknown, schema = submit) => {
  const r = schema.safeParse(input);
  return r.success ? [] : formatIssues(r.error);
};

describe('buildSubmissionSchema', () => {
  it('accepts valid data and recomputes totals (never trusting the client)', () => {
    const r = submit.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data?.figures?.total).toBe(6);
    expect(r.data?.figures?.grand).toBe(13.5);
  });

  it('enforces required fields only in submit mode, with Vietnamese messages and field paths', () => {
    const issues = paths({ figures: { drugCases: 1 } });
    expect(issues).toContainEqual({ path: 'figures.trafficking', message: 'Vui lòng nhập thông tin này' });
    expect(issues).toContainEqual({ path: 'general.kind', message: 'Vui lòng chọn' });
    expect(issues).toContainEqual({ path: 'general.evidence', message: 'Vui lòng đính kèm tệp minh chứng' });
    expect(issues).toContainEqual({ path: 'hotspots.list', message: 'Cần ít nhất 1 dòng' });
    expect(issues).toContainEqual({ path: 'score.crit.selfScore', message: 'Vui lòng nhập điểm tự chấm' });
    expect(paths({ figures: { drugCases: 1 } }, draft)).toEqual([]);
  });

  it('checks types in draft mode too', () => {
    expect(paths({ figures: { drugCases: 'ba' } }, draft)).toEqual([
      { path: 'figures.drugCases', message: 'Phải là số nguyên' },
    ]);
    expect(paths({ figures: { drugCases: 1.5 } }, draft)).toEqual([
      { path: 'figures.drugCases', message: 'Phải là số nguyên' },
    ]);
    expect(paths({ general: { kind: 'nope' } }, draft)).toEqual([
      { path: 'general.kind', message: 'Giá trị không có trong danh sách' },
    ]);
    expect(paths({ general: { hasIssues: 'yes' } }, draft)).toEqual([
      { path: 'general.hasIssues', message: 'Vui lòng chọn Có hoặc Không' },
    ]);
    expect(paths({ general: { on: '2023-02-30' } }, draft)).toEqual([
      { path: 'general.on', message: 'Ngày không hợp lệ' },
    ]);
    expect(paths({ general: { name: 42 } }, draft)).toEqual([
      { path: 'general.name', message: 'Phải là văn bản' },
    ]);
    expect(paths('not an object', draft)).toEqual([{ path: '', message: 'Dữ liệu biểu mẫu không hợp lệ' }]);
    expect(paths({ figures: 'x' }, draft)).toEqual([
      { path: 'figures', message: 'Dữ liệu biểu mẫu không hợp lệ' },
    ]);
  });

  it('accepts numbers typed as plain strings and normalises them', () => {
    const r = draft.safeParse({ figures: { drugCases: '12', rate: '7.5' } });
    expect(r.data?.figures).toMatchObject({ drugCases: 12, rate: 7.5 });
    expect(paths({ figures: { drugCases: '1e3' } }, draft)).toHaveLength(1);
  });

  it('enforces min/max, lengths, pattern, scale and counts', () => {
    const bad = {
      ...valid,
      figures: { drugCases: 1001, trafficking: -1, rate: 85.55 },
      general: { ...valid.general, name: 'ab', code: 'ab12', on: '2022-12-31', tags: ['x', 'y', 'z'] },
    };
    const issues = paths(bad);
    expect(issues).toContainEqual({ path: 'figures.drugCases', message: 'Không được lớn hơn 1.000' });
    expect(issues).toContainEqual({ path: 'figures.trafficking', message: 'Không được nhỏ hơn 0' });
    expect(issues).toContainEqual({ path: 'figures.rate', message: 'Tối đa 1 chữ số thập phân' });
    expect(issues).toContainEqual({ path: 'general.name', message: 'Tối thiểu 3 ký tự' });
    expect(issues).toContainEqual({ path: 'general.code', message: 'Mã gồm 2 chữ in hoa và 2 số' });
    expect(issues).toContainEqual({ path: 'general.on', message: 'Không được nhỏ hơn 01/01/2023' });
    expect(issues).toContainEqual({ path: 'general.tags', message: 'Chọn tối đa 2 mục' });
    expect(paths({ ...valid, general: { ...valid.general, name: 'x'.repeat(21) } })).toEqual([
      { path: 'general.name', message: 'Tối đa 20 ký tự' },
    ]);
    // Hard limits hold in draft mode as well: storage is protected whatever the mode.
    expect(paths({ general: { name: 'x'.repeat(21) } }, draft)).toHaveLength(1);
    expect(paths({ figures: { drugCases: FORM_LIMITS.integerMax + 1 } }, draft)).toHaveLength(1);
    // min/max and patterns wait until submit.
    expect(paths({ figures: { drugCases: 5000 }, general: { code: 'zz' } }, draft)).toEqual([]);
  });

  it('ignores hidden fields and drops them, cascading through hidden dependencies', () => {
    const hidden = { ...valid, general: { ...valid.general, hasIssues: false, issues: 'x', issueDetail: 5 } };
    const r = submit.safeParse(hidden);
    expect(r.success).toBe(true);
    expect(r.data?.general).not.toHaveProperty('issues');
    expect(r.data?.general).not.toHaveProperty('issueDetail');
    const shown = { ...valid, general: { ...valid.general, hasIssues: true } };
    expect(paths(shown)).toEqual([{ path: 'general.issues', message: 'Vui lòng nhập thông tin này' }]);
    const deeper = { ...valid, general: { ...valid.general, hasIssues: true, issues: 'có' } };
    expect(paths(deeper)).toEqual([{ path: 'general.issueDetail', message: 'Vui lòng nhập thông tin này' }]);
  });

  it('validates table rows with paths into the row, including conditional columns', () => {
    const data = {
      ...valid,
      hotspots: {
        list: [
          { name: 'A', result: 'ok', note: 'ignored' },
          { name: 'B', result: 'ok' },
          { name: '', result: 'relapsed', cases: -2 },
        ],
      },
    };
    const issues = paths(data);
    expect(issues).toEqual([
      { path: 'hotspots.list.2.name', message: 'Vui lòng nhập thông tin này' },
      { path: 'hotspots.list.2.cases', message: 'Không được nhỏ hơn 0' },
      { path: 'hotspots.list.2.note', message: 'Vui lòng nhập thông tin này' },
    ]);
    const r = draft.safeParse(data);
    expect(r.data?.hotspots?.list).toEqual([
      { name: 'A', result: 'ok' },
      { name: 'B', result: 'ok' },
      { result: 'relapsed', cases: -2 },
    ]);
    expect(paths({ hotspots: { list: [{}, {}, {}, {}] } }, draft)).toEqual([
      { path: 'hotspots.list', message: 'Tối đa 3 dòng' },
    ]);
    expect(paths({ hotspots: { list: ['row'] } }, draft)).toEqual([
      { path: 'hotspots.list.0', message: 'Dòng không hợp lệ' },
    ]);
  });

  it('checks evidence files: shape, count, type, size, duplicates', () => {
    const withFiles = (evidence: unknown) => ({ ...valid, general: { ...valid.general, evidence } });
    expect(paths(withFiles([file('a'), file('b'), file('c')]))).toEqual([
      { path: 'general.evidence', message: 'Tối đa 2 tệp' },
    ]);
    expect(paths(withFiles([file('a', 'application/x-msdownload')]))[0]?.message).toMatch(/Loại tệp/);
    expect(
      paths(withFiles([file('a', 'application/pdf', FORM_LIMITS.attachmentMaxBytes + 1)]))[0]?.message,
    ).toMatch(/20 MB/);
    expect(paths(withFiles([file('a'), file('a')]))).toEqual([
      { path: 'general.evidence.1', message: 'Giá trị bị trùng' },
    ]);
    expect(
      paths(withFiles([{ attachmentId: '../x', name: 'x', size: 1, contentType: 'application/pdf' }])),
    ).toEqual([{ path: 'general.evidence.0', message: 'Tệp đính kèm không hợp lệ' }]);
    const r = submit.safeParse(withFiles([{ ...file('a'), extra: 'dropped' }]));
    expect(r.data?.general?.evidence).toEqual([file('a')]);
  });

  it('checks scores: range, step, reviewer part', () => {
    const withScore = (crit: unknown) => ({ ...valid, score: { crit } });
    expect(paths(withScore({ selfScore: 11 }))).toEqual([
      { path: 'score.crit.selfScore', message: 'Điểm không được vượt quá 10' },
    ]);
    expect(paths(withScore({ selfScore: 7.3 }))).toEqual([
      { path: 'score.crit.selfScore', message: 'Điểm phải là bội số của 0.5' },
    ]);
    expect(paths(withScore({ selfScore: 7, reviewerScore: -1 }))).toEqual([
      { path: 'score.crit.reviewerScore', message: 'Không được nhỏ hơn 0' },
    ]);
    expect(paths(withScore(5))).toEqual([{ path: 'score.crit', message: 'Điểm không hợp lệ' }]);
    expect(
      submit.safeParse(withScore({ selfScore: 7, reviewerScore: 6, note: 'ok', x: 1 })).data?.score?.crit,
    ).toEqual({
      selfScore: 7,
      reviewerScore: 6,
      note: 'ok',
    });
  });

  it('drops unknown sections and keys', () => {
    const r = draft.safeParse({ hacker: { x: 1 }, figures: { drugCases: 1, __proto__x: 2 } });
    expect(r.data).toEqual({ figures: { drugCases: 1, total: 1, grand: 1 } });
  });
});

describe('evaluators', () => {
  it('isFieldVisible evaluates every operator', () => {
    const data = { s: { n: 5, t: 'a', b: true, m: ['x', 'y'], e: '' } };
    const v = (visibleWhen: Parameters<typeof isFieldVisible>[0]['visibleWhen']) =>
      isFieldVisible({ visibleWhen }, data);
    expect(v(undefined)).toBe(true);
    expect(v({ field: 's.t', op: 'eq', value: 'a' })).toBe(true);
    expect(v({ field: 's.t', op: 'neq', value: 'a' })).toBe(false);
    expect(v({ field: 's.n', op: 'eq', value: '5' })).toBe(true);
    expect(v({ field: 's.t', op: 'in', values: ['a', 'b'] })).toBe(true);
    expect(v({ field: 's.t', op: 'not_in', values: ['a'] })).toBe(false);
    expect(v({ field: 's.n', op: 'gt', value: 4 })).toBe(true);
    expect(v({ field: 's.n', op: 'gte', value: 5 })).toBe(true);
    expect(v({ field: 's.n', op: 'lt', value: 5 })).toBe(false);
    expect(v({ field: 's.n', op: 'lte', value: 5 })).toBe(true);
    expect(v({ field: 's.m', op: 'includes', value: 'y' })).toBe(true);
    expect(v({ field: 's.e', op: 'filled' })).toBe(false);
    expect(v({ field: 's.e', op: 'empty' })).toBe(true);
    expect(v({ field: 's.b', op: 'is_true' })).toBe(true);
    expect(v({ field: 's.b', op: 'is_false' })).toBe(false);
    expect(
      v({
        all: [
          { field: 's.b', op: 'is_true' },
          { field: 's.n', op: 'gt', value: 9 },
        ],
      }),
    ).toBe(false);
    expect(
      v({
        any: [
          { field: 's.b', op: 'is_true' },
          { field: 's.n', op: 'gt', value: 9 },
        ],
      }),
    ).toBe(true);
    expect(v({ not: { field: 's.b', op: 'is_true' } })).toBe(false);
    expect(isFieldVisible({ visibleWhen: { field: 'col', op: 'eq', value: 1 } }, data, { col: 1 })).toBe(
      true,
    );
  });

  it('computeValues sums fields, columns, score parts and other totals; hidden fields count 0', () => {
    const data = {
      figures: { drugCases: 2, trafficking: 3 },
      hotspots: { list: [{ cases: 4 }, { cases: 'x' }, { cases: 1 }] },
      score: { crit: { selfScore: 2.5, reviewerScore: 2 } },
    };
    expect(computeValues(definition, data)).toEqual({ 'figures.total': 10, 'figures.grand': 12.5 });
    expect(withComputedValues(definition, data).figures).toMatchObject({ total: 10, grand: 12.5 });
    const decimals: FormDefinition = {
      sections: [
        {
          key: 's',
          title: 'S',
          fields: [
            { key: 'a', type: 'decimal', label: 'A', required: false, scale: 2 },
            {
              key: 'b',
              type: 'decimal',
              label: 'B',
              required: false,
              scale: 2,
              visibleWhen: { field: 's.a', op: 'gt', value: 0 },
            },
            {
              key: 't',
              type: 'computed',
              label: 'T',
              required: false,
              sum: [{ field: 's.a' }, { field: 's.b' }],
            },
          ],
        },
      ],
    };
    expect(computeValues(decimals, { s: { a: 0.1, b: 0.2 } })).toEqual({ 's.t': 0.3 });
    expect(computeValues(decimals, { s: { a: -1, b: 5 } })).toEqual({ 's.t': -1 });
  });

  it('visibleRefs hides every field of a hidden section', () => {
    const def: FormDefinition = {
      sections: [
        { key: 'a', title: 'A', fields: [{ key: 'on', type: 'yes_no', label: 'On', required: false }] },
        {
          key: 'b',
          title: 'B',
          visibleWhen: { field: 'a.on', op: 'is_true' },
          fields: [{ key: 'x', type: 'text', label: 'X', required: true }],
        },
      ],
    };
    expect([...visibleRefs(def, { a: { on: false } })]).toEqual(['a.on']);
    expect([...visibleRefs(def, { a: { on: true } })]).toEqual(['a.on', 'b.x']);
    expect(validateFormData(def, { a: { on: false }, b: { x: '' } }, { mode: 'submit' }).ok).toBe(true);
  });

  it('mergeReviewerScores keeps what the reviewer scored and nothing else', () => {
    const stored = { score: { crit: { selfScore: 5, reviewerScore: 4 } }, figures: { drugCases: 1 } };
    const authorSends = { score: { crit: { selfScore: 6, reviewerScore: 10 } }, figures: { drugCases: 2 } };
    expect(mergeReviewerScores(definition, authorSends, stored)).toEqual({
      score: { crit: { selfScore: 6, reviewerScore: 4 } },
      figures: { drugCases: 2 },
    });
    expect(
      mergeReviewerScores(definition, { score: { crit: { selfScore: 6, reviewerScore: 10 } } }, {}),
    ).toEqual({
      score: { crit: { selfScore: 6 } },
    });
  });
});

describe('definitions', () => {
  const base: FormTemplateInput = {
    id: 'x',
    version: 1,
    kind: 'report',
    title: 'X',
    sections: [{ key: 's', title: 'S', fields: [{ key: 'a', type: 'integer', label: 'A' }] }],
  };

  it('rejects duplicate keys, dangling or non-numeric sums, cycles and bad patterns', () => {
    const msgs = (sections: unknown) => {
      const r = FormTemplate.safeParse({ ...base, sections });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(
      msgs([
        {
          key: 's',
          title: 'S',
          fields: [
            { key: 'a', type: 'integer', label: 'A' },
            { key: 'a', type: 'text', label: 'B' },
          ],
        },
      ]),
    ).toContain('Trùng khóa trường "s.a"');
    expect(
      msgs([
        {
          key: 's',
          title: 'S',
          fields: [{ key: 't', type: 'computed', label: 'T', sum: [{ field: 's.nope' }] }],
        },
      ]),
    ).toContain('Trường "s.nope" không tồn tại');
    expect(
      msgs([
        {
          key: 's',
          title: 'S',
          fields: [
            { key: 'n', type: 'text', label: 'N' },
            { key: 't', type: 'computed', label: 'T', sum: [{ field: 's.n' }] },
          ],
        },
      ]),
    ).toContain('Trường "s.n" không phải trường số');
    expect(
      msgs([
        {
          key: 's',
          title: 'S',
          fields: [
            { key: 'a', type: 'computed', label: 'A', sum: [{ field: 's.b' }] },
            { key: 'b', type: 'computed', label: 'B', sum: [{ field: 's.a' }] },
          ],
        },
      ]),
    ).toContain('Trường tính toán "s.a" tham chiếu vòng tròn');
    expect(
      msgs([
        {
          key: 's',
          title: 'S',
          fields: [{ key: 'p', type: 'text', label: 'P', pattern: { regex: '(', message: 'm' } }],
        },
      ]),
    ).toContain('Biểu thức chính quy không hợp lệ');
    expect(checkDefinition(definition)).toEqual([]);
  });

  it('rejects field types it does not know', () => {
    expect(
      FormTemplate.safeParse({
        ...base,
        sections: [{ key: 's', title: 'S', fields: [{ key: 'a', type: 'video', label: 'A' }] }],
      }).success,
    ).toBe(false);
  });
});
