import { useQueryClient } from '@tanstack/react-query';
import type { ImportIssue, ImportKind } from '@thidua/shared/admin';
import type { ImportReport } from '@thidua/shared/contracts';
import { useState } from 'react';
import { Alert, Button, type Column, DataTable, ExcelFileField, Fieldset } from '../../../ui';
import { ConfirmDialog, ErrorAlert, useA, useAdmin, useAdminMutation } from '../common';

/** The API takes the file as base64 in JSON; a 98-row file is ~10 KB, the route allows ~140 KB. */
const MAX_FILE_BYTES = 140 * 1024;

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** The template is built in the browser by the shared XLSX writer, loaded only when asked for. */
async function downloadTemplate(kind: ImportKind): Promise<void> {
  const [{ buildXlsx, XLSX_MIME }, { importTemplate }] = await Promise.all([
    import('@thidua/shared/xlsx'),
    import('@thidua/shared/admin'),
  ]);
  const blob = new Blob([new Uint8Array(buildXlsx(importTemplate(kind)))], { type: XLSX_MIME });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = kind === 'units' ? 'mau-nhap-don-vi.xlsx' : 'mau-nhap-nguoi-dung.xlsx';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Excel import in three steps: the template; the file checked by the API without writing (every bad row
 * listed with its column and reason); then, once it is clean and confirmed, every row written at once.
 */
export function ImportPage() {
  const a = useA();
  const svc = useAdmin();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('users');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState('');
  const what = a(kind === 'units' ? 'import.units' : 'import.users').toLowerCase();

  const check = useAdminMutation(
    (_: undefined) => svc.importFile({ kind, file: file?.base64 ?? '', dryRun: true }),
    (r) => setReport(r),
  );
  const write = useAdminMutation(
    (_: undefined, key: string) => svc.importFile({ kind, file: file?.base64 ?? '', dryRun: false }, key),
    async (r) => {
      setConfirming(false);
      setReport(null);
      setFile(null);
      setDone(a('import.done', { n: r.created.length, what }));
      await qc.invalidateQueries({ queryKey: ['admin'] });
    },
  );

  const choose = async (f: File | undefined) => {
    setReport(null);
    setDone('');
    check.reset();
    if (!f) return setFile(null);
    if (f.size > MAX_FILE_BYTES) {
      setFile(null);
      return setFileError(a('import.tooBig'));
    }
    setFileError(undefined);
    setFile({ name: f.name, base64: await toBase64(f) });
  };

  const columns: Column<ImportIssue & { key: string }>[] = [
    { key: 'row', header: a('import.row'), label: a('import.row'), cell: (i) => i.row, align: 'end' },
    {
      key: 'column',
      header: a('import.column'),
      label: a('import.column'),
      cell: (i) => i.column || a('import.wholeFile'),
    },
    { key: 'reason', header: a('import.reason'), label: a('import.reason'), cell: (i) => i.message },
  ];
  const clean = report !== null && report.issues.length === 0;

  return (
    <div className="stack">
      <h1>{a('import.title')}</h1>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Fieldset legend={a('import.kind')}>
        <div className="admin-roles">
          {(['users', 'units'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="import-kind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setReport(null);
                }}
              />
              {a(k === 'units' ? 'import.units' : 'import.users')}
            </label>
          ))}
        </div>
      </Fieldset>
      <section className="card stack">
        <p>{a('import.step1', { what })}</p>
        <div>
          <Button onClick={() => void downloadTemplate(kind)}>{a('import.template')}</Button>
        </div>
      </section>
      <section className="card stack">
        <p>{a('import.step2')}</p>
        <ExcelFileField label={a('import.file')} error={fileError} onChoose={(f) => void choose(f)} />
        <div>
          <Button
            variant="primary"
            disabled={!file}
            loading={check.isPending}
            onClick={() => check.mutate(undefined)}
          >
            {a('import.check')}
          </Button>
        </div>
        <ErrorAlert error={check.error} />
        {report ? (
          clean ? (
            <Alert tone="success">{a('import.ok', { n: report.rowCount })}</Alert>
          ) : (
            <>
              <Alert tone="warning">
                {a('import.bad', {
                  count: report.issues.length,
                  rows: new Set(report.issues.map((i) => i.row)).size,
                })}
              </Alert>
              <DataTable
                caption={a('import.reportCaption')}
                columns={columns}
                rows={report.issues.map((i, n) => ({ ...i, key: `${n}` }))}
                rowKey={(i) => i.key}
              />
            </>
          )
        ) : null}
      </section>
      <section className="card stack">
        <p>{a('import.step3')}</p>
        <div>
          <Button variant="primary" disabled={!clean} onClick={() => setConfirming(true)}>
            {a('import.write', { n: report?.rowCount ?? 0 })}
          </Button>
        </div>
      </section>
      <ConfirmDialog
        open={confirming}
        title={a('import.title')}
        text={a('import.confirm', { n: report?.rowCount ?? 0, what, file: file?.name ?? '' })}
        confirmLabel={a('import.write', { n: report?.rowCount ?? 0 })}
        busy={write.isPending}
        error={write.error}
        onConfirm={() => write.mutate(undefined)}
        onClose={() => {
          write.reset();
          setConfirming(false);
        }}
      />
    </div>
  );
}
