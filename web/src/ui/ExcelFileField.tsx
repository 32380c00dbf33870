import { Field } from './Field';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file chooser of an Excel import (.xlsx only), labelled, with its error announced. */
export function ExcelFileField({
  label,
  error,
  onChoose,
}: {
  label: string;
  error?: string | undefined;
  onChoose: (file: File | undefined) => void;
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <input {...p} type="file" accept={XLSX_ACCEPT} onChange={(e) => onChoose(e.target.files?.[0])} />
      )}
    </Field>
  );
}
