import type { Condition, FormDefinition } from '@thidua/shared/forms';
import { useState } from 'react';
import { Button } from '../../../ui';
import {
  type Comparison,
  type ConditionMode,
  conditionTargets,
  fromPickers,
  opLabels,
  opsFor,
  toPickers,
} from '../conditions';
import { PickerSelect } from './settings';

const needsValue = (op: string) => !['filled', 'empty', 'is_true', 'is_false'].includes(op);

/**
 * "Chỉ hiện khi…": a condition built with pickers — the field, the comparison, the value — joined by
 * all (tất cả) / any (một trong) / not (không), never typed as JSON.
 */
export function ConditionEditor({
  value,
  onChange,
  definition,
  self,
  idBase,
}: {
  value: Condition | undefined;
  onChange: (c: Condition | undefined) => void;
  definition: FormDefinition;
  self?: string;
  idBase: string;
}) {
  const targets = conditionTargets(definition, self);
  const initial = toPickers(value);
  const [mode, setMode] = useState<ConditionMode>(initial?.mode ?? 'all');
  const [items, setItems] = useState<Comparison[]>(initial?.items ?? []);
  const [open, setOpen] = useState(initial !== null);

  const commit = (nextMode: ConditionMode, next: Comparison[]) => {
    setMode(nextMode);
    setItems(next);
    onChange(fromPickers(nextMode, next, targets));
  };
  const patch = (i: number, p: Partial<Comparison>) =>
    commit(
      mode,
      items.map((c, j) => (j === i ? { ...c, ...p } : c)),
    );

  if (!open) {
    return (
      <Button
        size="sm"
        onClick={() => {
          setOpen(true);
          setItems([{ field: targets[0]?.ref ?? '', op: 'filled', value: '' }]);
          commit('all', [{ field: targets[0]?.ref ?? '', op: 'filled', value: '' }]);
        }}
        disabled={targets.length === 0}
      >
        Thêm điều kiện hiển thị
      </Button>
    );
  }
  return (
    <fieldset className="fieldset condition-editor">
      <legend className="field-label">Chỉ hiện khi</legend>
      <label className="field-label" htmlFor={`${idBase}-mode`}>
        Cách kết hợp
      </label>
      <select
        id={`${idBase}-mode`}
        className="select"
        value={mode}
        onChange={(e) => commit(e.target.value as ConditionMode, mode === 'not' ? items.slice(0, 1) : items)}
      >
        <option value="all">Tất cả các điều kiện đúng</option>
        <option value="any">Một trong các điều kiện đúng</option>
        <option value="not">Điều kiện sau KHÔNG đúng</option>
      </select>
      <ol className="condition-list">
        {items.map((c, i) => {
          const target = targets.find((t) => t.ref === c.field);
          const ops = opsFor(target?.kind ?? 'other');
          const rowId = `${idBase}-${i}`;
          return (
            <li key={rowId} className="condition-row">
              <PickerSelect
                id={`${rowId}-field`}
                label={`Trường của điều kiện ${i + 1}`}
                value={c.field}
                onChange={(field) => patch(i, { field, op: 'filled', value: '' })}
                choices={targets.map((t) => ({ value: t.ref, label: t.label }))}
              />
              <PickerSelect
                id={`${rowId}-op`}
                label={`Phép so sánh của điều kiện ${i + 1}`}
                value={c.op}
                onChange={(op) => patch(i, { op: op as Comparison['op'] })}
                choices={ops.map((op) => ({ value: op, label: opLabels[op] }))}
              />
              {needsValue(c.op) ? (
                target && target.options.length > 0 ? (
                  <PickerSelect
                    id={`${rowId}-value`}
                    label={`Giá trị của điều kiện ${i + 1}`}
                    value={c.value}
                    onChange={(value) => patch(i, { value })}
                    choices={target.options}
                    empty="Chọn…"
                  />
                ) : (
                  <input
                    className="input"
                    aria-label={`Giá trị của điều kiện ${i + 1}`}
                    value={c.value}
                    inputMode={target?.kind === 'number' ? 'decimal' : 'text'}
                    onChange={(e) => patch(i, { value: e.target.value })}
                  />
                )
              ) : null}
              <Button
                size="sm"
                variant="ghost"
                onClick={() =>
                  commit(
                    mode,
                    items.filter((_, j) => j !== i),
                  )
                }
              >
                Bỏ điều kiện {i + 1}
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="row">
        {mode !== 'not' || items.length === 0 ? (
          <Button
            size="sm"
            onClick={() =>
              commit(mode, [...items, { field: targets[0]?.ref ?? '', op: 'filled', value: '' }])
            }
          >
            Thêm điều kiện
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setOpen(false);
            setItems([]);
            onChange(undefined);
          }}
        >
          Luôn hiện (bỏ điều kiện)
        </Button>
      </div>
    </fieldset>
  );
}
