import { useQuery } from '@tanstack/react-query';
import type { Campaign } from '@thidua/shared/campaign';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../api/describe';
import { useSession } from '../../../app/services';
import { formatNumber, useT } from '../../../i18n';
import { Alert, Badge, type BadgeTone, type Column, DataTable, Pending, SelectField } from '../../../ui';
import { useCampaigns } from '../../core/queries';
import { RemindButton } from '../../notifications/components/RemindButton';
import { cutOffDayOf } from '../../submissions/labels';
import { useFormTitles, useSubmissionsApi, useSubtreeUnits } from '../../submissions/queries';
import type { CompletenessStatus, CompletenessView } from '../../submissions/service';
import { campaignChoices, formChoices, periodChoices } from '../choices';
import { unitReportsLink } from '../filters';
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
        <SelectField
          label={t('inbox.filter.campaign')}
          value={campaignId}
          onChange={(id) => {
            setCampaignId(id);
            setFormKey('');
            setPeriod('');
          }}
          choices={campaignChoices(campaigns.data)}
        />
        <SelectField
          label={t('inbox.filter.form')}
          value={formKey}
          onChange={(key) => {
            setFormKey(key);
            setPeriod(periodsOf(campaign, key)[0] ?? '');
          }}
          empty={t('form.chooseOption')}
          choices={formChoices(campaign, titleOf)}
        />
        <SelectField
          label={t('inbox.filter.period')}
          value={period}
          onChange={setPeriod}
          choices={periodChoices(periodsOf(campaign, formKey), t, cutOffDayOf(campaign, formKey))}
        />
        {parents.length > 1 ? (
          <SelectField
            label={t('completeness.parent')}
            value={unitId}
            onChange={setUnitId}
            choices={parents.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : null}
      </div>
      <Pending
        error={result.isError ? describeError(result.error, t) : undefined}
        pending={ready && result.isPending}
      >
        {result.data ? (
          <CompletenessResult
            data={result.data}
            remind={(unitIds) => (
              <RemindButton
                campaignId={campaignId}
                formKey={formKey}
                period={period}
                parentUnitId={unitId}
                unitIds={unitIds}
              />
            )}
          />
        ) : null}
      </Pending>
    </div>
  );
}

function periodsOf(campaign: Campaign | undefined, formKey: string): string[] {
  return campaign?.forms.find((a) => a.formKey === formKey)?.periods ?? [];
}

/** A unit with a report links to it (through the inbox of its reports); one that has none yet does not. */
const hasReport = (status: CompletenessView['units'][number]['status']) => status !== 'not_started';

export function CompletenessResult({
  data,
  remind,
}: {
  data: CompletenessView;
  /** The "Nhắc nhở" action for the units that have not filed (the page gives it; a preview has none). */
  remind?: (unitIds: string[]) => ReactNode;
}) {
  const { campaignId, formKey, period } = data;
  const linkOf = (unitId: string) => unitReportsLink({ campaignId, formKey, period, unitId });
  const t = useT();
  const missing = data.units.filter((u) => u.status === 'not_started' || u.status === 'in_progress');
  const rows = [...data.units].sort(
    (a, b) =>
      completenessOrder.indexOf(a.status) - completenessOrder.indexOf(b.status) ||
      a.unitName.localeCompare(b.unitName, 'vi'),
  );
  const columns: Column<CompletenessView['units'][number]>[] = [
    {
      key: 'unit',
      header: t('inbox.col.unit'),
      label: t('inbox.col.unit'),
      cell: (u) => (hasReport(u.status) ? <Link to={linkOf(u.unitId)}>{u.unitName}</Link> : u.unitName),
    },
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
          <div className="row-between">
            <h3>{t('completeness.notFiled', { n: missing.length })}</h3>
            {remind?.(missing.map((u) => u.unitId))}
          </div>
          <ul className="completeness-list">
            {missing.map((u) => (
              <li key={u.unitId}>
                {hasReport(u.status) ? <Link to={linkOf(u.unitId)}>{u.unitName}</Link> : u.unitName}
              </li>
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
