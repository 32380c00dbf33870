import type { CommendationConfig } from '@thidua/shared/commendation';
import type { NomineeImportReport } from '@thidua/shared/nominee-import';
import { authorizeWorkspace } from '@thidua/shared/policy';
import { useState } from 'react';
import { useSession } from '../../../app/services';
import { workspaceContextOf } from '../../../auth/workspace';
import { useShellMe } from '../../../layout/useShellMe';
import { Alert, Button, type Column, DataTable, SelectField } from '../../../ui';
import { ImportPanel, saveFile } from '../../core/ImportPanel';
import { useSubtreeUnits } from '../../submissions/queries';
import { CampaignHeader, ErrorBox, useCampaignQuery, useCommendationPage } from '../common';

/** The API takes the file as base64 in JSON (256 KB): an Excel list of ~190 KB, thousands of rows. */
const MAX_FILE_BYTES = 190 * 1024;

/** The template with the campaign's award types, built in the browser (the XLSX writer loads on demand). */
async function downloadTemplate(config: CommendationConfig) {
  const [{ buildXlsx, XLSX_MIME }, { nomineeImportTemplate, offeredAwardTypes }] = await Promise.all([
    import('@thidua/shared/xlsx'),
    import('@thidua/shared/nominee-import'),
  ]);
  saveFile(
    buildXlsx(nomineeImportTemplate(offeredAwardTypes(config), '')),
    XLSX_MIME,
    'mau-danh-sach-de-nghi-khen-thuong.xlsx',
  );
}

type Line = NomineeImportReport['lines'][number];

/**
 * The province secretariat imports on behalf of a unit it picks (policy `import`, ADR 0033): the units of
 * the province; everyone else imports for their own unit and sees no picker.
 */
function useImportFor() {
  const session = useSession();
  const me = useShellMe();
  const rootUnitId = me.data?.rootUnitId;
  const forUnits = authorizeWorkspace(
    workspaceContextOf(session?.claims, rootUnitId),
    'nominee_import_for_units',
  ).allowed;
  const units = useSubtreeUnits(forUnits ? rootUnitId : undefined);
  return { forUnits, units: units.data ?? [] };
}

/**
 * A unit's nominee list from Excel in three steps: the template (the campaign's award types in its guide
 * sheet); the file checked by the API without writing — every problem with its row and column; then, once
 * clean and confirmed, one nomination draft per row (a retry of the same confirmation writes once).
 */
export function NomineeImportPage() {
  const { c, svc, campaign, refresh } = useCommendationPage();
  const config = useCampaignQuery(['config'], campaign.campaignId, (id) => svc.config(id));
  const [done, setDone] = useState<number | null>(null);
  const { forUnits, units } = useImportFor();
  const [unitId, setUnitId] = useState('');
  const unitName = units.find((u) => u.id === unitId)?.name ?? '';
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
  const body = (file: string, dryRun: boolean) => ({
    file,
    dryRun,
    ...(forUnits && unitId ? { unitId } : {}),
  });
  return (
    <div className="stack">
      <CampaignHeader
        title={c('import.title')}
        intro={forUnits ? c('import.introForUnits') : c('import.intro')}
        campaign={campaign}
      />
      {done !== null ? <Alert tone="success">{c('import.done', { n: done })}</Alert> : null}
      {forUnits ? (
        <section className="card stack">
          <SelectField
            label={c('import.forUnit')}
            help={c('import.forUnitHelp')}
            value={unitId}
            onChange={setUnitId}
            empty={c('import.pickUnit')}
            choices={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </section>
      ) : null}
      <section className="card stack">
        <p>{c('import.step1')}</p>
        <div>
          <Button disabled={!config.data} onClick={() => config.data && void downloadTemplate(config.data)}>
            {c('import.template')}
          </Button>
        </div>
      </section>
      {/* Another unit is another import: the panel starts over. */}
      <ImportPanel<NomineeImportReport, NomineeImportReport>
        key={unitId}
        say={c}
        confirm={(n, file) =>
          forUnits ? c('import.confirmFor', { n, file, unit: unitName }) : c('import.confirm', { n, file })
        }
        maxBytes={MAX_FILE_BYTES}
        ready={!forUnits || unitId !== ''}
        rowCount={(r) => r.lines.length}
        check={(file) => svc.importNominees(campaign.campaignId, body(file, true))}
        write={(file, key) => svc.importNominees(campaign.campaignId, body(file, false), key)}
        onChosen={() => setDone(null)}
        onWritten={async (r) => {
          setDone(r.nominationIds.length);
          await refresh();
        }}
        preview={(r) => (
          <DataTable
            caption={c('import.linesCaption')}
            columns={lineColumns}
            rows={r.lines}
            rowKey={(l) => String(l.row)}
          />
        )}
        ErrorView={ErrorBox}
      />
    </div>
  );
}
