import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_EXTENSIONS,
  type FieldType,
  type FormDefinition,
  fieldTypes,
  type SelectOption,
} from '@thidua/shared/forms';
import { Button } from '../../../ui';
import {
  type BuilderColumn,
  type BuilderField,
  changeFieldType,
  columnTypes,
  fieldTypeLabels,
  keyFromLabel,
  moveItem,
  newField,
  sumAsFormula,
  uniqueKey,
} from '../model';
import { ConditionEditor } from './ConditionEditor';
import { FormulaInput } from './FormulaInput';
import { CheckSetting, compact, LengthSettings, NumberSetting, TextSetting } from './settings';

type AnyField = BuilderField | BuilderColumn;

/**
 * Everything about one field: label, key, help, required, its type's limits and patterns, the options of
 * a choice, the columns of a table, the formula of a computed field, and when it shows. A table's
 * columns are edited with this same component (`column`: scalar types only, conditions on the row).
 */
export function FieldSettings<F extends AnyField>({
  field,
  onChange,
  definition,
  selfRef,
  idBase,
  column = false,
}: {
  field: F;
  onChange: (f: F) => void;
  definition: FormDefinition;
  selfRef: string;
  idBase: string;
  column?: boolean;
}) {
  const set = (patch: Partial<AnyField>) => onChange(compact({ ...field, ...patch }) as F);
  const types: readonly FieldType[] = column ? columnTypes : fieldTypes;
  return (
    <div className="field-settings">
      <TextSetting
        id={`${idBase}-label`}
        label="Nhãn (câu hỏi)"
        required
        value={field.label}
        onChange={(label) => {
          // The key follows the label until someone sets it by hand.
          const followed = field.key === keyFromLabel(field.label);
          set(followed ? { label, key: keyFromLabel(label) } : { label });
        }}
      />
      <TextSetting
        id={`${idBase}-key`}
        label="Khóa dữ liệu"
        help="Chữ không dấu, số và dấu gạch dưới; dùng trong công thức (phần.khóa)."
        value={field.key}
        onChange={(key) => set({ key })}
      />
      <TextSetting
        id={`${idBase}-help`}
        label="Hướng dẫn điền"
        multiline
        value={field.help ?? ''}
        onChange={(help) => set({ help: help === '' ? undefined : help })}
      />
      <div className="row">
        <label className="field-label" htmlFor={`${idBase}-type`}>
          Loại trường
        </label>
        <select
          id={`${idBase}-type`}
          className="select"
          value={field.type}
          onChange={(e) => onChange(changeFieldType(field as BuilderField, e.target.value as FieldType) as F)}
        >
          {types.map((t) => (
            <option key={t} value={t}>
              {fieldTypeLabels[t]}
            </option>
          ))}
        </select>
      </div>
      {field.type !== 'computed' ? (
        <CheckSetting
          label="Bắt buộc"
          checked={field.required ?? false}
          onChange={(required) => set({ required })}
        />
      ) : null}
      <CheckSetting
        label="Thông tin nhạy cảm: ẩn với người không được biểu mẫu chỉ định"
        checked={field.sensitive ?? false}
        onChange={(v) => set({ sensitive: v ? true : undefined })}
      />
      <TypeSettings field={field} set={set} onChange={onChange} definition={definition} idBase={idBase} />
      {column ? null : (
        <ConditionEditor
          key={selfRef}
          idBase={`${idBase}-cond`}
          value={field.visibleWhen}
          onChange={(visibleWhen) => set({ visibleWhen })}
          definition={definition}
          self={selfRef}
        />
      )}
    </div>
  );
}

function TypeSettings<F extends AnyField>({
  field,
  set,
  onChange,
  definition,
  idBase,
}: {
  field: F;
  set: (patch: Partial<AnyField>) => void;
  onChange: (f: F) => void;
  definition: FormDefinition;
  idBase: string;
}) {
  const f = field as AnyField;
  switch (f.type) {
    case 'text':
      return (
        <div className="settings-grid">
          <LengthSettings minLength={f.minLength} maxLength={f.maxLength} onChange={set} />
          <TextSetting
            label="Mẫu kiểm tra (biểu thức chính quy)"
            help="Ví dụ: ^[0-9]{10}$ cho số điện thoại 10 chữ số."
            value={f.pattern?.regex ?? ''}
            onChange={(regex) =>
              set({
                pattern:
                  regex === '' ? undefined : { regex, message: f.pattern?.message ?? 'Không đúng định dạng' },
              })
            }
          />
          {f.pattern ? (
            <TextSetting
              label="Thông báo khi không khớp mẫu"
              value={f.pattern.message}
              onChange={(message) => set({ pattern: { regex: f.pattern?.regex ?? '', message } })}
            />
          ) : null}
        </div>
      );
    case 'long_text':
      return (
        <div className="settings-grid">
          <LengthSettings minLength={f.minLength} maxLength={f.maxLength} onChange={set} />
        </div>
      );
    case 'integer':
    case 'decimal':
      return (
        <div className="settings-grid">
          <NumberSetting
            integer={f.type === 'integer'}
            label="Giá trị nhỏ nhất"
            value={f.min}
            onChange={(min) => set({ min })}
          />
          <NumberSetting
            integer={f.type === 'integer'}
            label="Giá trị lớn nhất"
            value={f.max}
            onChange={(max) => set({ max })}
          />
          <TextSetting
            label="Đơn vị tính"
            value={f.unit ?? ''}
            onChange={(unit) => set({ unit: unit || undefined })}
          />
          {f.type === 'decimal' ? (
            <NumberSetting
              integer
              label="Số chữ số thập phân"
              value={f.scale}
              onChange={(scale) => set({ scale })}
            />
          ) : null}
        </div>
      );
    case 'date':
      return (
        <div className="settings-grid">
          <TextSetting
            label="Từ ngày (YYYY-MM-DD)"
            value={f.min ?? ''}
            onChange={(min) => set({ min: min || undefined })}
          />
          <TextSetting
            label="Đến ngày (YYYY-MM-DD)"
            value={f.max ?? ''}
            onChange={(max) => set({ max: max || undefined })}
          />
        </div>
      );
    case 'select':
    case 'multi_select':
      return (
        <>
          <OptionsEditor options={f.options} onChange={(options) => set({ options })} idBase={idBase} />
          {f.type === 'multi_select' ? (
            <div className="settings-grid">
              <NumberSetting
                integer
                label="Chọn ít nhất"
                value={f.minItems}
                onChange={(minItems) => set({ minItems })}
              />
              <NumberSetting
                integer
                label="Chọn nhiều nhất"
                value={f.maxItems}
                onChange={(maxItems) => set({ maxItems })}
              />
            </div>
          ) : null}
        </>
      );
    case 'file':
      return (
        <fieldset className="fieldset">
          <legend className="field-label">Tệp minh chứng</legend>
          <NumberSetting
            integer
            label="Số tệp tối đa"
            value={f.maxFiles}
            onChange={(maxFiles) => set({ maxFiles })}
          />
          {ATTACHMENT_CONTENT_TYPES.map((type) => (
            <CheckSetting
              key={type}
              label={`Nhận tệp ${ATTACHMENT_EXTENSIONS[type]}`}
              checked={f.accept === undefined || f.accept.includes(type)}
              onChange={(on) => {
                const now = f.accept ?? [...ATTACHMENT_CONTENT_TYPES];
                const accept = on ? [...now, type] : now.filter((x) => x !== type);
                set({
                  accept:
                    accept.length === ATTACHMENT_CONTENT_TYPES.length || accept.length === 0
                      ? undefined
                      : accept,
                });
              }}
            />
          ))}
        </fieldset>
      );
    case 'table':
      return (
        <ColumnsEditor field={f} onChange={(t) => onChange(t as F)} definition={definition} idBase={idBase} />
      );
    case 'score':
      return (
        <div className="settings-grid">
          <NumberSetting
            label="Điểm tối đa"
            value={f.maxPoints}
            onChange={(maxPoints) => set({ maxPoints: maxPoints ?? 1 })}
          />
          <NumberSetting label="Bước điểm" value={f.step} onChange={(step) => set({ step })} />
        </div>
      );
    case 'computed':
      if (f.sum !== undefined && f.formula === undefined) {
        const formula = sumAsFormula(f.sum);
        return (
          <div className="field">
            <p className="field-label">Cách tính</p>
            <p>
              Cộng các trường:{' '}
              <code>
                {f.sum.map((x) => ('column' in x ? `${x.field}.${x.column}` : x.field)).join(' + ')}
              </code>
            </p>
            {formula ? (
              <Button size="sm" onClick={() => set({ formula, sum: undefined })}>
                Đổi sang công thức
              </Button>
            ) : (
              <p className="muted">
                Tổng có điểm thẩm định giữ nguyên dạng cộng (công thức chỉ đọc điểm tự chấm).
              </p>
            )}
          </div>
        );
      }
      return (
        <>
          <FormulaInput
            id={`${idBase}-formula`}
            label="Công thức"
            want="number"
            value={f.formula ?? ''}
            onChange={(formula) => set({ formula, sum: undefined })}
            definition={definition}
          />
          <TextSetting
            label="Đơn vị tính"
            value={f.unit ?? ''}
            onChange={(unit) => set({ unit: unit || undefined })}
          />
        </>
      );
    default:
      return null;
  }
}

function OptionsEditor({
  options,
  onChange,
  idBase,
}: {
  options: SelectOption[];
  onChange: (o: SelectOption[]) => void;
  idBase: string;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="field-label">Các lựa chọn</legend>
      <ol className="option-list">
        {options.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the option's identity while its text is typed
          <li key={`${idBase}-${i}`} className="row">
            <input
              className="input"
              aria-label={`Lựa chọn ${i + 1}`}
              value={o.label}
              onChange={(e) => {
                const label = e.target.value;
                const follows = o.value === keyFromLabel(o.label, 'lua_chon');
                const value = follows ? keyFromLabel(label, 'lua_chon') || o.value : o.value;
                onChange(options.map((x, j) => (j === i ? { label, value } : x)));
              }}
            />
            <Button
              size="sm"
              variant="ghost"
              disabled={i === 0}
              onClick={() => onChange(moveItem(options, i, i - 1))}
            >
              Lên<span className="visually-hidden"> lựa chọn {i + 1}</span>
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={options.length === 1}
              onClick={() => onChange(options.filter((_, j) => j !== i))}
            >
              Xóa<span className="visually-hidden"> lựa chọn {i + 1}</span>
            </Button>
          </li>
        ))}
      </ol>
      <Button
        size="sm"
        onClick={() => {
          const label = `Lựa chọn ${options.length + 1}`;
          onChange([
            ...options,
            {
              label,
              value: uniqueKey(
                keyFromLabel(label),
                options.map((o) => o.value),
              ),
            },
          ]);
        }}
      >
        Thêm lựa chọn
      </Button>
    </fieldset>
  );
}

function ColumnsEditor({
  field,
  onChange,
  definition,
  idBase,
}: {
  field: Extract<BuilderField, { type: 'table' }>;
  onChange: (f: Extract<BuilderField, { type: 'table' }>) => void;
  definition: FormDefinition;
  idBase: string;
}) {
  const setColumns = (columns: BuilderColumn[]) => onChange({ ...field, columns });
  return (
    <fieldset className="fieldset">
      <legend className="field-label">Các cột của bảng</legend>
      <ol className="column-list">
        {field.columns.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the column's identity while its key is typed
          <li key={`${idBase}-col-${i}`} className="card column-card">
            <p className="field-label">
              Cột {i + 1}: {c.label}
            </p>
            <FieldSettings
              column
              field={c}
              onChange={(col) => setColumns(field.columns.map((x, j) => (j === i ? col : x)))}
              definition={definition}
              selfRef={c.key}
              idBase={`${idBase}-col-${i}`}
            />
            <div className="row">
              <Button
                size="sm"
                variant="ghost"
                disabled={i === 0}
                onClick={() => setColumns(moveItem(field.columns, i, i - 1))}
              >
                Lên<span className="visually-hidden"> cột {i + 1}</span>
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={i === field.columns.length - 1}
                onClick={() => setColumns(moveItem(field.columns, i, i + 1))}
              >
                Xuống<span className="visually-hidden"> cột {i + 1}</span>
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={field.columns.length === 1}
                onClick={() => setColumns(field.columns.filter((_, j) => j !== i))}
              >
                Xóa cột {i + 1}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button
        size="sm"
        onClick={() => {
          const key = uniqueKey(
            'cot',
            field.columns.map((c) => c.key),
          );
          setColumns([
            ...field.columns,
            newField('integer', key, `Cột ${field.columns.length + 1}`) as BuilderColumn,
          ]);
        }}
      >
        Thêm cột
      </Button>
      <div className="settings-grid">
        <NumberSetting
          integer
          label="Số dòng tối thiểu"
          value={field.minRows}
          onChange={(minRows) => onChange(compact({ ...field, minRows }))}
        />
        <NumberSetting
          integer
          label="Số dòng tối đa"
          value={field.maxRows}
          onChange={(maxRows) => onChange(compact({ ...field, maxRows: maxRows ?? 500 }))}
        />
        <TextSetting
          label="Nhãn nút thêm dòng"
          value={field.addRowLabel ?? ''}
          onChange={(addRowLabel) => onChange(compact({ ...field, addRowLabel: addRowLabel || undefined }))}
        />
      </div>
    </fieldset>
  );
}
