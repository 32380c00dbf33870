import {
  type Condition,
  type Field,
  type FormData,
  type FormDefinition,
  type FormTemplate,
  formulaPaths,
} from './schema';

/**
 * Sensitive fields (crime and social-evil figures, anything about persons) and classified ("Mật")
 * templates. Pure: the API applies `redactData` in its one submission view, the web marks what came back
 * redacted, and the exports write the same marker. Who may read them is the policy's decision
 * (`policy/sensitive.ts`), never this module's.
 */

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a computed field reads: `section.field`, `section.table.column`, or a score's part as its field. */
function computedInputs(f: Extract<Field, { type: 'computed' }>): string[] {
  if (f.formula !== undefined) return formulaPaths(f.formula);
  return (f.sum ?? []).map((src) => ('column' in src ? `${src.field}.${src.column}` : src.field));
}

/** The fields a condition reads (`section.field`; a bare column key reads its own row). */
export function conditionRefs(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionRefs);
  if ('any' in c) return c.any.flatMap(conditionRefs);
  if ('not' in c) return conditionRefs(c.not);
  return [c.field];
}

/** Whether `path` (a ref, a column ref, or a data path such as `hotspots.list.2.result`) lies under `refs`. */
export function isSensitivePath(refs: ReadonlySet<string>, path: string): boolean {
  const parts = path.split('.');
  if (parts.length < 2) return false;
  const [section, field] = parts;
  if (refs.has(`${section}.${field}`)) return true;
  // A column: `section.table.column` as a ref, `section.table.<row>.column` in data paths.
  const column = parts.length >= 4 && /^\d+$/.test(parts[2] ?? '') ? parts[3] : parts[2];
  return column !== undefined && refs.has(`${section}.${field}.${column}`);
}

/**
 * The sensitive refs of a definition: fields marked (or in a section marked), columns marked
 * (`section.table.column`), and every computed field that reads one of them — a total of crime figures
 * tells the figures, so it is sensitive too (to a fixed point: a total of totals as well).
 */
export function sensitiveRefs(definition: FormDefinition): Set<string> {
  const refs = new Set<string>();
  const computed: { ref: string; inputs: string[] }[] = [];
  for (const s of definition.sections) {
    for (const f of s.fields) {
      const ref = `${s.key}.${f.key}`;
      if (s.sensitive === true || f.sensitive === true) refs.add(ref);
      else if (f.type === 'table')
        for (const c of f.columns) if (c.sensitive === true) refs.add(`${ref}.${c.key}`);
      if (f.type === 'computed') computed.push({ ref, inputs: computedInputs(f) });
    }
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of computed) {
      if (!refs.has(c.ref) && c.inputs.some((p) => isSensitivePath(refs, p))) {
        refs.add(c.ref);
        grew = true;
      }
    }
  }
  return refs;
}

/**
 * Fields whose visibility hangs on a sensitive field but which are not sensitive themselves: showing or
 * hiding them would tell the sensitive value, so a template must mark them too (checked at publishing).
 */
export function sensitivityLeaks(
  definition: FormDefinition,
): { path: (string | number)[]; message: string }[] {
  const refs = sensitiveRefs(definition);
  const issues: { path: (string | number)[]; message: string }[] = [];
  const reads = (c: Condition | undefined, sectionKey: string) =>
    c !== undefined &&
    conditionRefs(c).some((r) => isSensitivePath(refs, r.includes('.') ? r : `${sectionKey}.${r}`));
  definition.sections.forEach((s, si) => {
    if (s.sensitive !== true && reads(s.visibleWhen, s.key)) {
      issues.push({
        path: ['sections', si, 'visibleWhen'],
        message: `Phần "${s.title}" hiện theo một trường nhạy cảm nên cũng phải đánh dấu nhạy cảm`,
      });
    }
    s.fields.forEach((f, fi) => {
      if (!refs.has(`${s.key}.${f.key}`) && reads(f.visibleWhen, s.key)) {
        issues.push({
          path: ['sections', si, 'fields', fi, 'visibleWhen'],
          message: `Trường "${f.label}" hiện theo một trường nhạy cảm nên cũng phải đánh dấu nhạy cảm`,
        });
      }
    });
  });
  return issues;
}

/** The data with every sensitive value removed, and the refs that were (all of the template's, filled or not). */
export interface Redacted {
  data: FormData;
  redacted: string[];
}

/**
 * Removes every sensitive value from `data`: a field's key, or a sensitive column's key in every row.
 * `redacted` lists every sensitive ref of the definition, so a reader cannot tell a filled field from an
 * empty one and the UI shows the marker instead of a value that would look like zero.
 */
export function redactData(definition: FormDefinition, data: Readonly<Record<string, unknown>>): Redacted {
  const refs = sensitiveRefs(definition);
  if (refs.size === 0) return { data: data as FormData, redacted: [] };
  const out: FormData = {};
  for (const [sectionKey, section] of Object.entries(data)) {
    if (!isRecord(section)) continue;
    const kept: Record<string, unknown> = {};
    for (const [fieldKey, value] of Object.entries(section)) {
      const ref = `${sectionKey}.${fieldKey}`;
      if (refs.has(ref)) continue;
      kept[fieldKey] = Array.isArray(value)
        ? value.map((row) =>
            isRecord(row)
              ? Object.fromEntries(Object.entries(row).filter(([col]) => !refs.has(`${ref}.${col}`)))
              : row,
          )
        : value;
    }
    out[sectionKey] = kept;
  }
  return { data: out, redacted: [...refs].sort() };
}

/**
 * What stands in a text the API must return (a required name in a list) where the value is redacted:
 * the same words the UI shows, never a blank.
 */
export const REDACTED_TEXT = 'Đã ẩn — dữ liệu nhạy cảm';

/**
 * The evidence files held by sensitive file fields: a reader the template does not name neither lists
 * nor downloads them (their names and bytes are as sensitive as the field).
 */
export function sensitiveAttachmentIds(
  definition: FormDefinition,
  data: Readonly<Record<string, unknown>>,
): Set<string> {
  const refs = sensitiveRefs(definition);
  const ids = new Set<string>();
  for (const s of definition.sections) {
    for (const f of s.fields) {
      if (f.type !== 'file' || !refs.has(`${s.key}.${f.key}`)) continue;
      const section = data[s.key];
      const files = isRecord(section) ? section[f.key] : undefined;
      if (!Array.isArray(files)) continue;
      for (const file of files)
        if (isRecord(file) && typeof file.attachmentId === 'string') ids.add(file.attachmentId);
    }
  }
  return ids;
}

/** A diff line whose path is sensitive loses its values and says so. */
export function redactChanges<C extends { path: string; before: unknown; after: unknown }>(
  definition: FormDefinition,
  changes: readonly C[],
): (C | { path: string; before: null; after: null; redacted: true })[] {
  const refs = sensitiveRefs(definition);
  return changes.map((c) =>
    isSensitivePath(refs, c.path) ? { path: c.path, before: null, after: null, redacted: true as const } : c,
  );
}

/**
 * Why no data may be entered, or null: the template or the submission is classified ("Mật"). State
 * secrets may not be drafted or stored on a computer connected to the Internet (Law on Protection of
 * State Secrets; see `CLASSIFIED_LEGAL_BASIS`), and this system is one.
 */
export function classifiedRefusal(
  template: Pick<FormTemplate, 'classified'>,
  submission?: { classified?: boolean | undefined },
): { code: 'classified'; message: string } | null {
  if (template.classified !== true && submission?.classified !== true) return null;
  return { code: 'classified', message: CLASSIFIED_MESSAGE };
}

export const CLASSIFIED_MESSAGE =
  'Biểu mẫu hoặc báo cáo này được đánh dấu "Mật". Thông tin mật (bí mật nhà nước) không được soạn thảo, ' +
  'lưu giữ trên hệ thống kết nối Internet như hệ thống này: hãy lập và gửi theo chế độ bảo vệ bí mật nhà nước. ' +
  'Dữ liệu đã lưu trước đó được giữ nguyên.';

/**
 * The legal basis of the refusal, as data with its check flag (domain.md: legal numbers are tagged
 * configuration). Law 117/2025/QH15 (in force 1/3/2026) replaced Law 29/2018/QH14, which Decree
 * 26/2020/NĐ-CP detailed.
 */
export const CLASSIFIED_LEGAL_BASIS = {
  ref: 'Luật Bảo vệ bí mật nhà nước số 117/2025/QH15',
  article: 'Điều 5 khoản 2 (cấm soạn thảo, lưu giữ tài liệu bí mật nhà nước trên thiết bị kết nối Internet)',
  effectiveFrom: '2026-03-01',
  effectiveTo: null,
  toVerify: true,
} as const;
