import { useQuery } from '@tanstack/react-query';
import type { Campaign } from '@thidua/shared/campaign';
import { useEffect, useState } from 'react';
import { describeError } from '../../../api/describe';
import { useSession } from '../../../app/services';
import { formatNumber, useT } from '../../../i18n';
import { Alert, Badge, type BadgeTone, type Column, DataTable, Field, Skeleton } from '../../../ui';
import { periodLabel } from '../../submissions/labels';
import { useCampaigns, useFormTitles, useSubmissionsApi, useSubtreeUnits } from '../../submissions/queries';
import type { CompletenessStatus, CompletenessView } from '../../submissions/service';
import '../review.css';

const tone: Record<CompletenessStatus, BadgeTone> = {
  not_started: 'danger',
  in_progress: 'warning',
  submitted: 'info',
  approved: 'success',
  rejected: 'neutral',
};
export const completenessOrder: CompletenessStatus[] = [
  'not_started',
  'in_progress',
  'submitted',
  'approved',
  'rejected',
];

/**
 * Who has filed: for a form and period, each child unit of a reviewing unit and where its report
 * stands, with those that have not filed listed first. The province drills down into a district.
 */
export function CompletenessPage() {
  const t = useT();
  const session = useSession();
  const s = useSubmissionsApi();
  const campaigns = useCampaigns();
  const [campaignId, setCampaignId] = useState('');
  const campaign = campaigns.data?.find((c) => c.id === campaignId);
  const titleOf = useFormTitles(campaign);
  const [formKey, setFormKey] = useState('');
  const [period, setPeriod] = useState('');
  const myUnit = session?.claims.unitId ?? '';
  const [unitId, setUnitId] = useState(myUnit);
  const units = useSubtreeUnits(myUnit || undefined);
  // Reviewing units below mine that have children of their own (districts for the province).
  const parents = (units.data ?? []).filter(
    (u) => u.id === myUnit || (units.data ?? []).some((c) => c.parentId === u.id),
  );

  useEffect(() => {
    const c = campaigns.data?.find((x) => x.status === 'active') ?? campaigns.data?.[0];
    if (!campaignId && c) {
      setCampaignId(c.id);
      const first = c.forms.find((a) => a.formKey === 'periodic_report') ?? c.forms[0];
      if (first) {
        setFormKey(first.formKey);
        setPeriod(first.periods[0] ?? '');
      }
    }
  }, [campaigns.data, campaignId]);

  const ready = Boolean(campaignId && formKey && period && unitId);
  const result = useQuery({
    queryKey: ['completeness', campaignId, formKey, period, unitId],
    queryFn: () => s.completeness(campaignId, { formKey, period, unitId }),
    enabled: ready,
  });

  return (
    <div>
      <h1>{t('completeness.title')}</h1>
      <div className="card filters-grid">
        <Field label={t('inbox.filter.campaign')}>
          {(p) => (
            <select
              {...p}
              className="select"
              value={campaignId}
              onChange={(e) => {
                setCampaignId(e.target.value);
                setFormKey('');
                setPeriod('');
              }}
            >
              {(campaigns.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.number} – {c.year}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('inbox.filter.form')}>
          {(p) => (
            <select
              {...p}
              className="select"
              value={formKey}
              onChange={(e) => {
                setFormKey(e.target.value);
                setPeriod(periodsOf(campaign, e.target.value)[0] ?? '');
              }}
            >
              <option value="">{t('form.chooseOption')}</option>
              {(campaign?.forms ?? []).map((a) => (
                <option key={a.formKey} value={a.formKey}>
                  {titleOf(a.formKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('inbox.filter.period')}>
          {(p) => (
            <select {...p} className="select" value={period} onChange={(e) => setPeriod(e.target.value)}>
              {periodsOf(campaign, formKey).map((x) => (
                <option key={x} value={x}>
                  {periodLabel(x, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {parents.length > 1 ? (
          <Field label={t('completeness.parent')}>
            {(p) => (
              <select {...p} className="select" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                {parents.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      {result.isError ? <Alert tone="danger">{describeError(result.error, t)}</Alert> : null}
      {ready && result.isPending ? <Skeleton lines={6} /> : null}
      {result.data ? <CompletenessResult data={result.data} /> : null}
    </div>
  );
}

function periodsOf(campaign: Campaign | undefined, formKey: string): string[] {
  return campaign?.forms.find((a) => a.formKey === formKey)?.periods ?? [];
}

function CompletenessResult({ data }: { data: CompletenessView }) {
  const t = useT();
  const missing = data.units.filter((u) => u.status === 'not_started' || u.status === 'in_progress');
  const rows = [...data.units].sort(
    (a, b) =>
      completenessOrder.indexOf(a.status) - completenessOrder.indexOf(b.status) ||
      a.unitName.localeCompare(b.unitName, 'vi'),
  );
  const columns: Column<CompletenessView['units'][number]>[] = [
    { key: 'unit', header: t('inbox.col.unit'), label: t('inbox.col.unit'), cell: (u) => u.unitName },
    {
      key: 'status',
      header: t('inbox.col.status'),
      label: t('inbox.col.status'),
      cell: (u) => <Badge tone={tone[u.status]}>{t(`completeness.status.${u.status}`)}</Badge>,
    },
  ];
  return (
    <section aria-labelledby="completeness-result">
      <h2 id="completeness-result">
        {t('completeness.summary', {
          done: formatNumber(data.counts.approved ?? 0),
          total: formatNumber(data.total),
        })}
      </h2>
      <ul className="counts">
        {completenessOrder.map((st) => (
          <li key={st}>
            <Badge tone={tone[st]}>
              {t(`completeness.status.${st}`)}: {formatNumber(data.counts[st] ?? 0)}
            </Badge>
          </li>
        ))}
      </ul>
      {data.complete ? <Alert tone="success">{t('completeness.complete')}</Alert> : null}
      {missing.length > 0 ? (
        <div className="card">
          <h3>{t('completeness.notFiled', { n: missing.length })}</h3>
          <ul className="completeness-list">
            {missing.map((u) => (
              <li key={u.unitId}>{u.unitName}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <DataTable
        caption={t('completeness.tableCaption')}
        columns={columns}
        rows={rows}
        rowKey={(u) => u.unitId}
        empty={t('completeness.noChildren')}
      />
    </section>
  );
}
