import { useEffect, useRef } from 'react';

/**
 * "Select all" over the rows a person sees (a page, a pick list): checked when every one is picked,
 * half-checked when some are; un-checking drops only these rows from the selection.
 */
export function SelectAll({
  ids,
  selected,
  onChange,
  label,
}: {
  ids: readonly string[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  label: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const picked = ids.filter((id) => selected.includes(id)).length;
  const all = ids.length > 0 && picked === ids.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = picked > 0 && !all;
  }, [picked, all]);
  return (
    <label className="choice select-all">
      <input
        ref={ref}
        type="checkbox"
        checked={all}
        disabled={ids.length === 0}
        onChange={(e) =>
          onChange(
            e.target.checked
              ? [...selected, ...ids.filter((id) => !selected.includes(id))]
              : selected.filter((id) => !ids.includes(id)),
          )
        }
      />
      {label}
    </label>
  );
}
