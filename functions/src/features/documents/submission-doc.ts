import type { AttachmentView } from '@thidua/shared/api';
import { vnDateWords } from '@thidua/shared/commendation';
import {
  type ComputedField,
  computedDependencies,
  computeValues,
  type Field,
  type FormTemplate,
  REDACTED_TEXT,
  visibleRefs,
} from '@thidua/shared/forms';
import { periodText, type SubmissionState } from '@thidua/shared/workflow';
import type { Column, DocModel, FileChild } from '../commendations/documents/layout';
import * as layout from '../commendations/documents/layout';

const { body, dataTable, document, header, para, placeName, title, twoSignatures, vnNumber } = layout;

/**
 * A submission printed for the paper archive (issue 15): the unit's name block and the national title
 * (Decree 30/2020), the form, the period, every visible figure section by section (values the reader may
 * not see are printed as the redaction marker, never as a blank that would read as zero), the evidence
 * with its SHA-256 so the paper copy can be matched to the stored files, and the signature block.
 */
export interface SubmissionDocInput {
  /** Already redacted for the reader (`submissionView`): only what this reader may see. */
  data: Readonly<Record<string, unknown>>;
  redacted: readonly string[];
  template: Pick<FormTemplate, 'title' | 'sections' | 'rules' | 'kind'>;
  campaignTitle: string;
  period: string;
  state: SubmissionState;
  /** The unit's name, and its superior body's when it has one (the header's first line). */
  unitName: string;
  parentName?: string;
  attachments: readonly Pick<AttachmentView, 'name' | 'size' | 'sha256' | 'id'>[];
  /** Who filed it (printed under "Người lập biểu"); '' leaves the line for a handwritten name. */
  preparedBy: string;
  /** The day it is printed (YYYY-MM-DD). */
  printedOn: string;
  submissionId: string;
  version: number;
}

/** The states as the web app names them (web/src/i18n/vi.ts). */
const STATE_TEXT: Readonly<Record<SubmissionState, string>> = {
  draft: 'Đang soạn',
  awaiting_signoff: 'Chờ lãnh đạo ký duyệt',
  under_review: 'Đang xét duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã phê duyệt',
  rejected: 'Không chấp thuận',
  withdrawn: 'Đã rút lại',
};

const dateText = (v: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(v);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scalar value as a person writes it: 1.234,5; 15/12/2023; the option's label; Có/Không. */
const scalarText = (
  f: Pick<Field, 'type'> & { options?: { value: string; label: string }[] },
  v: unknown,
): string => {
  if (v === undefined || v === null || v === '') return '';
  const label = (x: unknown) => f.options?.find((o) => o.value === x)?.label ?? String(x);
  switch (f.type) {
    case 'integer':
      return typeof v === 'number' ? vnNumber(v) : String(v);
    case 'decimal':
    case 'computed':
      return typeof v === 'number'
        ? new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(v)
        : String(v);
    case 'date':
      return dateText(String(v));
    case 'select':
      return label(v);
    case 'multi_select':
      return Array.isArray(v) ? v.map(label).join('; ') : label(v);
    case 'yes_no':
      return v === true ? 'Có' : v === false ? 'Không' : String(v);
    case 'score': {
      if (!isRecord(v)) return String(v);
      const parts = [
        v.selfScore !== undefined ? `Tự chấm: ${scalarText({ type: 'decimal' }, v.selfScore)}` : '',
        v.reviewerScore !== undefined && v.reviewerScore !== null
          ? `Thẩm định: ${scalarText({ type: 'decimal' }, v.reviewerScore)}`
          : '',
        typeof v.note === 'string' && v.note ? `Ghi chú: ${v.note}` : '',
      ];
      return parts.filter(Boolean).join('; ');
    }
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
};

/** "12,5 KB" */
const sizeText = (bytes: number | null): string =>
  bytes === null
    ? ''
    : bytes < 1024 * 1024
      ? `${vnNumber(bytes / 1024, 1)} KB`
      : `${vnNumber(bytes / (1024 * 1024), 1)} MB`;

/** A computed total that reads a value the reader may not see would reveal it (or mislead): redacted too. */
const readsRedacted = (f: ComputedField, redacted: ReadonlySet<string>): boolean => {
  const deps = [...computedDependencies(f), ...(f.sum ?? []).map((s) => s.field)];
  return deps.some((dep) => [...redacted].some((r) => r === dep || r.startsWith(`${dep}.`)));
};

const FIGURE_COLUMNS: Column[] = [
  { header: 'STT', widthPercent: 8, align: 'center' },
  { header: 'Chỉ tiêu', widthPercent: 55 },
  { header: 'Số liệu / nội dung', widthPercent: 37 },
];

const sectionBlocks = (
  d: SubmissionDocInput,
  computed: Readonly<Record<string, number>>,
  visible: ReadonlySet<string>,
): FileChild[] => {
  const redacted = new Set(d.redacted);
  const byAttachment = new Map(d.attachments.map((a) => [a.id, a.name]));
  const out: FileChild[] = [];
  d.template.sections.forEach((section, si) => {
    const fields = section.fields.filter((f) => visible.has(`${section.key}.${f.key}`));
    if (!fields.length) return;
    out.push(para(`${si + 1}. ${section.title}`, { bold: true, before: 240, after: 120 }));
    const rows: string[][] = [];
    const flush = () => {
      if (rows.length) out.push(dataTable(FIGURE_COLUMNS, rows.splice(0)));
    };
    const values = isRecord(d.data[section.key]) ? (d.data[section.key] as Record<string, unknown>) : {};
    for (const f of fields) {
      const ref = `${section.key}.${f.key}`;
      const hidden = redacted.has(ref) || [...redacted].some((r) => r.startsWith(`${ref}.`));
      if (f.type === 'table') {
        flush();
        out.push(para(f.label, { italics: true, before: 120, after: 60 }));
        const tableRows = Array.isArray(values[f.key]) ? (values[f.key] as unknown[]).filter(isRecord) : [];
        const columns: Column[] = [
          { header: 'STT', widthPercent: 8, align: 'center' },
          ...f.columns.map((c) => ({ header: c.label, widthPercent: 92 / f.columns.length })),
        ];
        out.push(
          tableRows.length
            ? dataTable(
                columns,
                tableRows.map((r, i) => [
                  String(i + 1),
                  ...f.columns.map((c) =>
                    redacted.has(`${ref}.${c.key}`) || redacted.has(ref)
                      ? REDACTED_TEXT
                      : scalarText(c, r[c.key]),
                  ),
                ]),
              )
            : body(hidden ? REDACTED_TEXT : '(Không có dòng nào)', { italics: true, size: 13 }),
        );
        continue;
      }
      let text: string;
      if (hidden) text = REDACTED_TEXT;
      else if (f.type === 'computed')
        text = readsRedacted(f, redacted) ? REDACTED_TEXT : scalarText(f, computed[ref]);
      else if (f.type === 'file') {
        const ids = Array.isArray(values[f.key]) ? (values[f.key] as unknown[]) : [];
        text = ids
          .map((x) => (isRecord(x) ? x.attachmentId : x))
          .map((id) => byAttachment.get(String(id)))
          .filter(Boolean)
          .join('; ');
      } else text = scalarText(f, values[f.key]);
      rows.push([String(rows.length + 1), f.label, text]);
    }
    flush();
  });
  return out;
};

export const submissionDocument = (d: SubmissionDocInput): DocModel => {
  const computed = computeValues(d.template, d.data as never);
  const visible = visibleRefs(d.template, d.data as never);
  const on = vnDateWords(d.printedOn);
  const children: FileChild[] = [
    header({
      bodyLines: [...(d.parentName ? [d.parentName.toUpperCase()] : []), d.unitName.toUpperCase()],
      superiorLines: d.parentName ? 1 : 0,
      numberLine: '',
      placeDate: `${placeName(d.unitName)}, ${on}`,
    }),
    ...title('Báo cáo', [d.template.title, `Kỳ báo cáo: ${periodText(d.period)}`]),
    body(`Phong trào: ${d.campaignTitle}.`, { before: 120 }),
    body(`Tình trạng: ${STATE_TEXT[d.state]} (mã ${d.submissionId}, phiên bản ${d.version}).`),
    ...(d.redacted.length
      ? [
          body(`Các ô ghi "${REDACTED_TEXT}" là dữ liệu nhạy cảm người in không được xem.`, {
            italics: true,
            size: 12,
          }),
        ]
      : []),
    ...sectionBlocks(d, computed, visible),
    para('Tài liệu minh chứng kèm theo', { bold: true, before: 240, after: 120 }),
    d.attachments.length
      ? dataTable(
          [
            { header: 'STT', widthPercent: 7, align: 'center' },
            { header: 'Tên tệp', widthPercent: 33 },
            { header: 'Dung lượng', widthPercent: 14, align: 'right' },
            { header: 'Mã băm SHA-256', widthPercent: 46 },
          ],
          d.attachments.map((a, i) => [
            String(i + 1),
            a.name,
            sizeText(a.size),
            a.sha256 ?? '(chưa kiểm tra)',
          ]),
        )
      : body('(Không có tệp đính kèm)', { italics: true }),
    body('Mã băm SHA-256 cho phép đối chiếu bản giấy này với tệp lưu trên hệ thống.', {
      italics: true,
      size: 12,
      before: 60,
    }),
    twoSignatures(
      { onBehalf: '', title: 'NGƯỜI LẬP BIỂU', name: d.preparedBy },
      { onBehalf: '', title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '' },
    ),
  ];
  return document([children], `Báo cáo ${d.template.title} ${periodText(d.period)} - ${d.unitName}`);
};
