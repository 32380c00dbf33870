import { useMutation } from '@tanstack/react-query';
import type { ImportIssue } from '@thidua/shared/admin';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n';
import { Alert, Button, type Column, DataTable, Dialog, ExcelFileField } from '../../ui';
import { useKeyedMutation } from './mutations';

/** A chosen file as base64, for the JSON body of an upload (a signed PDF, an Excel list). */
export const base64Of = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

/** Saves bytes built in the browser (an import template) as a download. */
export function saveFile(bytes: Uint8Array, type: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * The words a panel takes from its page's catalogue: both catalogues name them alike (`import.step2`…);
 * the confirmation, which says what is imported and where, is the page's own sentence.
 */
export type ImportPanelKey =
  | 'import.step2'
  | 'import.file'
  | 'import.tooBig'
  | 'import.check'
  | 'import.ok'
  | 'import.bad'
  | 'import.reportCaption'
  | 'import.row'
  | 'import.column'
  | 'import.problem'
  | 'import.wholeFile'
  | 'import.step3'
  | 'import.write'
  | 'import.title';

/**
 * The steps every Excel import shares (the administration's units and users, a unit's nominee list):
 * choose the file; the API checks it WITHOUT writing and the report lists every problem by row and
 * column; once clean, the write is confirmed and done once (its Idempotency-Key kept across a retry).
 * The page keeps what differs: the template, what is imported, where to, and what follows.
 */
export function ImportPanel<R extends { issues: readonly ImportIssue[] }, W>({
  say,
  confirm,
  maxBytes,
  rowCount,
  check,
  write,
  onWritten,
  onChosen,
  preview,
  ready = true,
  ErrorView,
}: {
  say: (key: ImportPanelKey, params?: Record<string, string | number>) => string;
  /** The confirmation's sentence: how many, from which file (and what, for whom). */
  confirm: (n: number, fileName: string) => string;
  maxBytes: number;
  rowCount: (report: NoInfer<R>) => number;
  check: (file: string) => Promise<R>;
  write: (file: string, key: string) => Promise<W>;
  onWritten: (written: W) => unknown;
  /** A new file was chosen (the page clears its "done" message). */
  onChosen?: () => void;
  /** What a clean report will write, shown under it. */
  preview?: (report: NoInfer<R>) => ReactNode;
  /** The page's own choices are complete (the unit to import for). */
  ready?: boolean;
  ErrorView: (p: { error: unknown }) => ReactNode;
}) {
  const t = useT();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const [report, setReport] = useState<R | null>(null);
  const [confirming, setConfirming] = useState(false);
  const checking = useMutation({ mutationFn: (b64: string) => check(b64), onSuccess: setReport });
  const writing = useKeyedMutation(
    (b64: string, key) => write(b64, key),
    async (w: W) => {
      setConfirming(false);
      setReport(null);
      setFile(null);
      await onWritten(w);
    },
  );
  const choose = async (f: File | undefined) => {
    setReport(null);
    checking.reset();
    onChosen?.();
    setTooBig(Boolean(f && f.size > maxBytes));
    setFile(f && f.size <= maxBytes ? { name: f.name, base64: await base64Of(f) } : null);
  };
  const columns: Column<ImportIssue & { key: string }>[] = [
    { key: 'row', header: say('import.row'), label: say('import.row'), cell: (i) => i.row, align: 'end' },
    {
      key: 'column',
      header: say('import.column'),
      label: say('import.column'),
      cell: (i) => i.column || say('import.wholeFile'),
    },
    { key: 'message', header: say('import.problem'), label: say('import.problem'), cell: (i) => i.message },
  ];
  const n = report ? rowCount(report) : 0;
  const clean = report !== null && report.issues.length === 0 && n > 0;
  return (
    <>
      <section className="card stack">
        <p>{say('import.step2')}</p>
        <ExcelFileField
          label={say('import.file')}
          error={tooBig ? say('import.tooBig') : undefined}
          onChoose={(f) => void choose(f)}
        />
        <div>
          <Button
            variant="primary"
            disabled={!file || !ready}
            loading={checking.isPending}
            onClick={() => file && checking.mutate(file.base64)}
          >
            {say('import.check')}
          </Button>
        </div>
        <ErrorView error={checking.error} />
        {report && report.issues.length > 0 ? (
          <>
            <Alert tone="warning">
              {say('import.bad', {
                count: report.issues.length,
                rows: new Set(report.issues.map((i) => i.row)).size,
              })}
            </Alert>
            <DataTable
              caption={say('import.reportCaption')}
              columns={columns}
              rows={report.issues.map((i, k) => ({ ...i, key: String(k) }))}
              rowKey={(i) => i.key}
            />
          </>
        ) : null}
        {clean ? (
          <>
            <Alert tone="success">{say('import.ok', { n })}</Alert>
            {preview?.(report)}
          </>
        ) : null}
      </section>
      <section className="card stack">
        <p>{say('import.step3')}</p>
        <div>
          <Button variant="primary" disabled={!clean || !ready} onClick={() => setConfirming(true)}>
            {say('import.write', { n })}
          </Button>
        </div>
      </section>
      <Dialog
        open={confirming}
        title={say('import.title')}
        onClose={() => {
          writing.reset();
          setConfirming(false);
        }}
        footer={
          <>
            <Button
              onClick={() => {
                writing.reset();
                setConfirming(false);
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button
              variant="primary"
              loading={writing.isPending}
              onClick={() => file && writing.mutate(file.base64)}
            >
              {say('import.write', { n })}
            </Button>
          </>
        }
      >
        <p>{confirm(n, file?.name ?? '')}</p>
        <ErrorView error={writing.error} />
      </Dialog>
    </>
  );
}
