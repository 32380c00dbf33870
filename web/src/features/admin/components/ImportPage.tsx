import { useQueryClient } from '@tanstack/react-query';
import type { ImportKind } from '@thidua/shared/admin';
import type { ImportReport } from '@thidua/shared/contracts';
import { useState } from 'react';
import { Alert, Button, Fieldset } from '../../../ui';
import { ImportPanel, saveFile } from '../../core/ImportPanel';
import { ErrorAlert, useA, useAdmin } from '../common';

/** The API takes the file as base64 in JSON; a 98-row file is ~10 KB, the route allows ~140 KB. */
const MAX_FILE_BYTES = 140 * 1024;

/** The template is built in the browser by the shared XLSX writer, loaded only when asked for. */
async function downloadTemplate(kind: ImportKind): Promise<void> {
  const [{ buildXlsx, XLSX_MIME }, { importTemplate }] = await Promise.all([
    import('@thidua/shared/xlsx'),
    import('@thidua/shared/admin'),
  ]);
  saveFile(
    buildXlsx(importTemplate(kind)),
    XLSX_MIME,
    kind === 'units' ? 'mau-nhap-don-vi.xlsx' : 'mau-nhap-nguoi-dung.xlsx',
  );
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
  const [done, setDone] = useState('');
  const what = a(kind === 'units' ? 'import.units' : 'import.users').toLowerCase();

  return (
    <div className="stack">
      <h1>{a('import.title')}</h1>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Fieldset legend={a('import.kind')}>
        <div className="admin-roles">
          {(['users', 'units'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="import-kind" checked={kind === k} onChange={() => setKind(k)} />
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
      {/* A new kind is a new import: the panel starts over (its file and report belong to the old kind). */}
      <ImportPanel<ImportReport, ImportReport>
        key={kind}
        say={a}
        confirm={(n, file) => a('import.confirm', { n, what, file })}
        maxBytes={MAX_FILE_BYTES}
        rowCount={(r) => r.rowCount}
        check={(file) => svc.importFile({ kind, file, dryRun: true })}
        write={(file, key) => svc.importFile({ kind, file, dryRun: false }, key)}
        onChosen={() => setDone('')}
        onWritten={async (r) => {
          setDone(a('import.done', { n: r.created.length, what }));
          await qc.invalidateQueries({ queryKey: ['admin'] });
        }}
        ErrorView={ErrorAlert}
      />
    </div>
  );
}
