import type { FieldType } from '@thidua/shared/forms';
import { fieldTypes } from '@thidua/shared/forms';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Button } from '../../../ui';
import {
  addField,
  addSection,
  type BuilderTemplate,
  fieldTypeLabels,
  moveField,
  moveSection,
  removeField,
  removeSection,
  updateField,
  updateSection,
} from '../model';
import { ConditionEditor } from './ConditionEditor';
import { FieldSettings } from './FieldSettings';
import { CheckSetting, TextSetting } from './settings';

type Drag = { kind: 'field'; section: number; field: number } | { kind: 'section'; section: number };

/**
 * The form's outline: sections and their fields, each reordered by dragging or by its "Lên"/"Xuống"
 * buttons (or Alt+↑/↓ on a row), every move announced in a live region; a field opens its settings.
 */
export function Outline({
  template,
  onChange,
}: {
  template: BuilderTemplate;
  onChange: (t: BuilderTemplate) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const drag = useRef<Drag | null>(null);
  const [newType, setNewType] = useState<Record<number, FieldType>>({});

  useEffect(() => {
    if (focusAfter) document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const moveFieldBy = (si: number, fi: number, delta: number, focusId: string) => {
    const fields = template.sections[si]?.fields ?? [];
    const to = fi + delta;
    if (to < 0 || to >= fields.length) return;
    const label = fields[fi]?.label ?? '';
    onChange(moveField(template, { section: si, field: fi }, { section: si, field: to }));
    setAnnouncement(
      `Đã chuyển «${label}» ${delta < 0 ? 'lên' : 'xuống'}: vị trí ${to + 1} trên ${fields.length}.`,
    );
    setFocusAfter(focusId);
  };
  const moveSectionBy = (si: number, delta: number, focusId: string) => {
    const to = si + delta;
    if (to < 0 || to >= template.sections.length) return;
    onChange(moveSection(template, si, to));
    setAnnouncement(
      `Đã chuyển phần «${template.sections[si]?.title ?? ''}» ${delta < 0 ? 'lên' : 'xuống'}: vị trí ${to + 1} trên ${template.sections.length}.`,
    );
    setFocusAfter(focusId);
  };
  const onDrop = (target: { section: number; field: number }) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (d.kind === 'section') {
      if (d.section === target.section) return;
      onChange(moveSection(template, d.section, target.section));
      setAnnouncement(`Đã chuyển phần tới vị trí ${target.section + 1}.`);
      return;
    }
    const label = template.sections[d.section]?.fields[d.field]?.label ?? '';
    onChange(moveField(template, { section: d.section, field: d.field }, target));
    setAnnouncement(`Đã chuyển «${label}» tới phần ${target.section + 1}, vị trí ${target.field + 1}.`);
  };
  const rowKeys = (si: number, fi: number, id: string) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    moveFieldBy(si, fi, e.key === 'ArrowUp' ? -1 : 1, id);
  };

  return (
    <div className="builder-outline">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {template.sections.map((section, si) => {
        const sid = `sec-${si}`;
        return (
          <section
            key={sid}
            className="card builder-section"
            aria-labelledby={`${sid}-title`}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              onDrop({ section: si, field: section.fields.length });
            }}
          >
            {/* biome-ignore lint/a11y/noStaticElementInteractions: dragging is the mouse's way; the keyboard's is the Lên/Xuống buttons */}
            <div
              className="row-between builder-section-head"
              draggable
              onDragStart={() => {
                drag.current = { kind: 'section', section: si };
              }}
            >
              <h2 id={`${sid}-title`}>
                <span aria-hidden="true" className="drag-handle">
                  ⠿
                </span>{' '}
                Phần {si + 1}: {section.title}
              </h2>
              <div className="row">
                <Button
                  id={`${sid}-up`}
                  size="sm"
                  disabled={si === 0}
                  onClick={() => moveSectionBy(si, -1, `sec-${si - 1}-up`)}
                >
                  Lên<span className="visually-hidden"> phần {section.title}</span>
                </Button>
                <Button
                  id={`${sid}-down`}
                  size="sm"
                  disabled={si === template.sections.length - 1}
                  onClick={() => moveSectionBy(si, 1, `sec-${si + 1}-down`)}
                >
                  Xuống<span className="visually-hidden"> phần {section.title}</span>
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={template.sections.length === 1}
                  onClick={() => {
                    onChange(removeSection(template, si));
                    setAnnouncement(`Đã xóa phần «${section.title}».`);
                  }}
                >
                  Xóa phần<span className="visually-hidden"> {section.title}</span>
                </Button>
              </div>
            </div>
            <TextSetting
              id={`${sid}-name`}
              label="Tên phần"
              value={section.title}
              onChange={(title) => onChange(updateSection(template, si, { title }))}
            />
            <TextSetting
              label="Khóa phần"
              value={section.key}
              onChange={(key) => onChange(updateSection(template, si, { key }))}
            />
            <TextSetting
              label="Mô tả phần"
              multiline
              value={section.description ?? ''}
              onChange={(d) =>
                onChange(updateSection(template, si, { description: d === '' ? undefined : d }))
              }
            />
            <CheckSetting
              label="Cả phần là thông tin nhạy cảm"
              checked={section.sensitive ?? false}
              onChange={(v) => onChange(updateSection(template, si, { sensitive: v ? true : undefined }))}
            />
            <ConditionEditor
              key={section.key}
              idBase={`${sid}-cond`}
              value={section.visibleWhen}
              onChange={(visibleWhen) => onChange(updateSection(template, si, { visibleWhen }))}
              definition={template}
            />
            <ol className="builder-fields">
              {section.fields.map((field, fi) => {
                const id = `${sid}-f${fi}`;
                const isOpen = open === id;
                return (
                  <li
                    key={id}
                    className={`builder-field ${isOpen ? 'is-open' : ''}`}
                    draggable
                    onDragStart={(e) => {
                      e.stopPropagation();
                      drag.current = { kind: 'field', section: si, field: fi };
                    }}
                    onDragOver={(e) => e.preventDefault()}
                    onDrop={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      onDrop({ section: si, field: fi });
                    }}
                  >
                    <div className="row-between builder-field-row">
                      <span className="builder-field-name">
                        <span aria-hidden="true" className="drag-handle">
                          ⠿
                        </span>{' '}
                        {field.label} <span className="muted">({fieldTypeLabels[field.type]})</span>
                      </span>
                      <span className="row">
                        <Button
                          id={`${id}-edit`}
                          size="sm"
                          aria-expanded={isOpen}
                          onClick={() => setOpen(isOpen ? null : id)}
                          onKeyDown={rowKeys(si, fi, `${sid}-f${fi}-edit`)}
                        >
                          {isOpen ? 'Đóng' : 'Sửa'}
                          <span className="visually-hidden"> trường {field.label}</span>
                        </Button>
                        <Button
                          id={`${id}-up`}
                          size="sm"
                          disabled={fi === 0}
                          onClick={() => moveFieldBy(si, fi, -1, `${sid}-f${fi - 1}-up`)}
                        >
                          Lên<span className="visually-hidden"> trường {field.label}</span>
                        </Button>
                        <Button
                          id={`${id}-down`}
                          size="sm"
                          disabled={fi === section.fields.length - 1}
                          onClick={() => moveFieldBy(si, fi, 1, `${sid}-f${fi + 1}-down`)}
                        >
                          Xuống<span className="visually-hidden"> trường {field.label}</span>
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => {
                            onChange(removeField(template, si, fi));
                            setOpen(null);
                            setAnnouncement(`Đã xóa trường «${field.label}».`);
                          }}
                        >
                          Xóa<span className="visually-hidden"> trường {field.label}</span>
                        </Button>
                      </span>
                    </div>
                    {isOpen ? (
                      <FieldSettings
                        field={field}
                        onChange={(f) => onChange(updateField(template, si, fi, f))}
                        definition={template}
                        selfRef={`${section.key}.${field.key}`}
                        idBase={id}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ol>
            <div className="row builder-add-field">
              <label className="field-label" htmlFor={`${sid}-newtype`}>
                Loại trường mới
              </label>
              <select
                id={`${sid}-newtype`}
                className="select"
                value={newType[si] ?? 'integer'}
                onChange={(e) => setNewType({ ...newType, [si]: e.target.value as FieldType })}
              >
                {fieldTypes.map((t) => (
                  <option key={t} value={t}>
                    {fieldTypeLabels[t]}
                  </option>
                ))}
              </select>
              <Button
                size="sm"
                onClick={() => {
                  const type = newType[si] ?? 'integer';
                  onChange(addField(template, si, type));
                  const id = `${sid}-f${section.fields.length}`;
                  setOpen(id);
                  setAnnouncement(`Đã thêm trường ${fieldTypeLabels[type]} vào phần «${section.title}».`);
                  setFocusAfter(`${id}-label`);
                }}
              >
                Thêm trường<span className="visually-hidden"> vào phần {section.title}</span>
              </Button>
            </div>
          </section>
        );
      })}
      <Button
        onClick={() => {
          onChange(addSection(template));
          setAnnouncement('Đã thêm một phần mới.');
          setFocusAfter(`sec-${template.sections.length}-name`);
        }}
      >
        Thêm phần
      </Button>
    </div>
  );
}
