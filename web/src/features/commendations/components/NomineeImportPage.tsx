import type { CommendationConfig } from '@thidua/shared/commendation';
import type { NomineeImportReport } from '@thidua/shared/nominee-import';
import { useState } from 'react';
import { Alert, Button, type Column, DataTable, ExcelFileField } from '../../../ui';
import {
  base64Of,
  CampaignHeader,
  ConfirmAction,
  ErrorBox,
  useCampaignQuery,
  useCommendationPage,
  useIntentMutation,
} from '../common';

/** The API takes the file as base64 in JSON (256 KB): an Excel list of ~190 KB, thousands of rows. */
const MAX_FILE_BYTES = 190 * 1024;

/** The template with the campaign's award types, built in the browser (the XLSX writer loads on demand). */
async function downloadTemplate(config: CommendationConfig) {
  const [{ buildXlsx, XLSX_MIME }, { nomineeImportTemplate, offeredAwardTypes }] = await Promise.all([
    import('@thidua/shared/xlsx'),
    import('@thidua/shared/nominee-import'),
  ]);
  const sheets = nomineeImportTemplate(offeredAwardTypes(config), '');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([new Uint8Array(buildXlsx(sheets))], { type: XLSX_MIME }));
  a.download = 'mau-danh-sach-de-nghi-khen-thuong.xlsx';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

type Issue = NomineeImportReport['issues'][number] & { key: string };
type Line = NomineeImportReport['lines'][number];

/**
 * A unit's nominee list from Excel in three steps: the template (the campaign's award types in its guide
 * sheet); the file checked by the API without writing — every problem with its row and column; then, once
 * clean and confirmed, one nomination draft per row (a retry of the same confirmation writes once).
 */
export function NomineeImportPage() {
  const { c, svc, campaign, refresh } = useCommendationPage();
  const config = useCampaignQuery(['config'], campaign.campaignId, (id) => svc.config(id));
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const [report, setReport] = useState<NomineeImportReport | null>(null);
  const [done, setDone] = useState<number | null>(null);

  const check = useIntentMutation(
    (_: undefined) => svc.importNominees(campaign.campaignId, { file: file?.base64 ?? '', dryRun: true }),
    (r) => setReport(r),
  );
  const write = useIntentMutation(
    (_: undefined, key: string) =>
      svc.importNominees(campaign.campaignId, { file: file?.base64 ?? '', dryRun: false }, key),
    async (r) => {
      setDone(r.nominationIds.length);
      setReport(null);
      setFile(null);
      await refresh();
    },
  );
  const choose = async (f: File | undefined) => {
    setReport(null);
    setDone(null);
    check.reset();
    setTooBig(Boolean(f && f.size > MAX_FILE_BYTES));
    setFile(f && f.size <= MAX_FILE_BYTES ? { name: f.name, base64: await base64Of(f) } : null);
  };
  const issueColumns: Column<Issue>[] = [
    { key: 'row', header: c('import.row'), label: c('import.row'), cell: (i) => i.row, align: 'end' },
    { key: 'column', header: c('import.column'), label: c('import.column'), cell: (i) => i.column || '—' },
    { key: 'message', header: c('import.problem'), label: c('import.problem'), cell: (i) => i.message },
  ];
  const lineColumns: Column<Line>[] = [
    { key: 'row', header: c('import.row'), label: c('import.row'), cell: (l) => l.row, align: 'end' },
    {
      key: 'kind',
      header: c('import.kind'),
      label: c('import.kind'),
      cell: (l) => c(l.kind === 'individual' ? 'import.individual' : 'import.collective'),
    },
    { key: 'name', header: c('import.name'), label: c('import.name'), cell: (l) => l.name },
    { key: 'unit', header: c('import.unit'), label: c('import.unit'), cell: (l) => l.unitName },
    { key: 'award', header: c('import.award'), label: c('import.award'), cell: (l) => l.awardTypeName },
  ];
  const clean = report !== null && report.issues.length === 0 && report.lines.length > 0;
  return (
    <div className="stack">
      <CampaignHeader title={c('import.title')} intro={c('import.intro')} campaign={campaign} />
      {done !== null ? <Alert tone="success">{c('import.done', { n: done })}</Alert> : null}
      <section className="card stack">
        <p>{c('import.step1')}</p>
        <div>
          <Button disabled={!config.data} onClick={() => config.data && void downloadTemplate(config.data)}>
            {c('import.template')}
          </Button>
        </div>
      </section>
      <section className="card stack">
        <p>{c('import.step2')}</p>
        <ExcelFileField
          label={c('import.file')}
          error={tooBig ? c('import.tooBig') : undefined}
          onChoose={(f) => void choose(f)}
        />
        <div>
          <Button
            variant="primary"
            disabled={!file}
            loading={check.isPending}
            onClick={() => check.mutate(undefined)}
          >
            {c('import.check')}
          </Button>
        </div>
        <ErrorBox error={check.error} />
        {report && report.issues.length > 0 ? (
          <>
            <Alert tone="warning">
              {c('import.bad', {
                count: report.issues.length,
                rows: new Set(report.issues.map((i) => i.row)).size,
              })}
            </Alert>
            <DataTable
              caption={c('import.reportCaption')}
              columns={issueColumns}
              rows={report.issues.map((i, n) => ({ ...i, key: String(n) }))}
              rowKey={(i) => i.key}
            />
          </>
        ) : null}
        {clean ? (
          <>
            <Alert tone="success">{c('import.ok', { n: report.lines.length })}</Alert>
            <DataTable
              caption={c('import.linesCaption')}
              columns={lineColumns}
              rows={report.lines}
              rowKey={(l) => String(l.row)}
            />
          </>
        ) : null}
      </section>
      <section className="card stack">
        <p>{c('import.step3')}</p>
        <div>
          <ConfirmAction
            label={c('import.write', { n: report?.lines.length ?? 0 })}
            message={c('import.confirm', { n: report?.lines.length ?? 0, file: file?.name ?? '' })}
            disabled={!clean}
            pending={write.isPending}
            onConfirm={() => write.mutate(undefined)}
          />
        </div>
        <ErrorBox error={write.error} />
      </section>
    </div>
  );
}
