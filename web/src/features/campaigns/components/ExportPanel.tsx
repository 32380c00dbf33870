import type { Campaign } from '@thidua/shared/campaign';
import type { Submission } from '@thidua/shared/workflow';
import { useState } from 'react';
import { describeError } from '../../../api/describe';
import { useSession } from '../../../app/services';
import { formatNumber, useT } from '../../../i18n';
import { Alert, Button, ProgressBar } from '../../../ui';
import { cutOffDayOf } from '../../submissions/labels';
import { useFormTitles, useSubmissionsApi, useTemplate } from '../../submissions/queries';
import { useCampaignSubmissions } from '../queries';
import { FormPeriodPicker, usePick } from './FormPeriodPicker';

/** Runs `work` over `items` with at most `limit` in flight (a phone link does not like 300 at once). */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  onDone: () => void,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i];
      if (item === undefined) continue;
      out[i] = await work(item);
      onDone();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Excel export of a campaign's reports for one form (one period or all): every submission's data read
 * through the API (so the same authorization applies) and written client-side as XLSX.
 */
export function ExportPanel({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const s = useSubmissionsApi();
  const session = useSession();
  const pick = usePick(campaign);
  const titleOf = useFormTitles(campaign);
  const assignment = campaign.forms.find((a) => a.formKey === pick.formKey);
  const template = useTemplate(assignment?.templateId, assignment?.templateVersion);
  const list = useCampaignSubmissions(session?.claims.unitId, campaign.id, pick.formKey, pick.period);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [doneCount, setDoneCount] = useState<number | null>(null);

  const run = async () => {
    if (!list.data || !template.data) return;
    setError(null);
    setDoneCount(null);
    const items = list.data;
    setProgress({ done: 0, total: items.length });
    try {
      let done = 0;
      const details: Submission[] = await mapLimited(
        items,
        4,
        (i) => s.get(i.id),
        () => {
          done++;
          setProgress({ done, total: items.length });
        },
      );
      const [{ buildXlsx, XLSX_MIME }, { reportSheet }] = await Promise.all([
        import('@thidua/shared/xlsx'),
        import('../exportRows'),
      ]);
      // Templates differ by version: submissions filled on another version still go under the same columns
      // when their keys match; the current template names the columns.
      const cutOff = cutOffDayOf(campaign, pick.formKey);
      const sheet = reportSheet(titleOf(pick.formKey), template.data, details, t, cutOff);
      const bytes = buildXlsx([sheet]);
      const blob = new Blob([bytes.slice().buffer], { type: XLSX_MIME });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${campaign.number.replace(/[^\w-]+/g, '_')}_${pick.formKey}${pick.period ? `_${pick.period}` : ''}.xlsx`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDoneCount(items.length);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('campaigns.exportTitle')}</h2>
      <p className="muted">{t('campaigns.exportHelp')}</p>
      <FormPeriodPicker campaign={campaign} pick={pick} allowAllPeriods />
      {list.data ? <p>{t('campaigns.exportCount', { n: formatNumber(list.data.length) })}</p> : null}
      {error ? <Alert tone="danger">{describeError(error, t)}</Alert> : null}
      {doneCount !== null ? (
        <Alert tone="success">{t('campaigns.exportDone', { n: formatNumber(doneCount) })}</Alert>
      ) : null}
      {progress ? (
        <ProgressBar
          value={progress.done}
          max={Math.max(progress.total, 1)}
          label={t('campaigns.exportProgress')}
        />
      ) : null}
      <Button
        variant="primary"
        loading={progress !== null}
        disabled={!list.data || !template.data || list.data.length === 0}
        onClick={() => void run()}
      >
        {t('campaigns.exportButton')}
      </Button>
    </section>
  );
}
