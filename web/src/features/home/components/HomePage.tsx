import { type Campaign, isParticipant } from '@thidua/shared/campaign';
import type { Unit } from '@thidua/shared/org';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../../api/describe';
import { isHttpError } from '../../../api/errors';
import { formatDate, formatDeadline, useT } from '../../../i18n';
import { Alert, Button, type Column, DataTable, Skeleton } from '../../../ui';
import { useCampaigns, useMe } from '../../core/queries';
import { OverdueBadge, StatusBadge } from '../../submissions/components/StatusBadge';
import { cutOffDayOf, periodLabel, periodWithCutOff } from '../../submissions/labels';
import { useCreateDraft } from '../../submissions/mutations';
import { useFormTitles, useMultiplePerPeriod, useSubmissionList } from '../../submissions/queries';
import { type Duty, dutiesOf } from '../duties';
import '../home.css';

/** The officer's home: per campaign, what the unit must file, with due dates, status and the next step. */
export function HomePage() {
  const t = useT();
  const me = useMe();
  const campaigns = useCampaigns();
  if (me.isError || campaigns.isError)
    return <Alert tone="danger">{describeError(me.error ?? campaigns.error, t)}</Alert>;
  if (!me.data || !campaigns.data) return <Skeleton lines={6} />;
  const unit = me.data.unit;
  if (!unit) return <Alert tone="warning">{t('home.noUnit')}</Alert>;
  const mine = campaigns.data.filter((c) => c.status === 'active' && isParticipant(c, unit));
  return (
    <div>
      <h1>{t('home.title', { unit: unit.name })}</h1>
      {mine.length === 0 ? <p className="muted">{t('home.noCampaigns')}</p> : null}
      {mine.map((c) => (
        <CampaignDuties key={c.id} campaign={c} unit={unit} />
      ))}
    </div>
  );
}

function CampaignDuties({ campaign, unit }: { campaign: Campaign; unit: Unit }) {
  const t = useT();
  const list = useSubmissionList({ scope: 'mine', campaignId: campaign.id, limit: 100 });
  const titleOf = useFormTitles(campaign);
  const multiple = useMultiplePerPeriod(campaign);
  const duties = list.data ? dutiesOf(campaign, unit, list.data.items, new Date(), multiple) : [];
  const todo = duties.filter((d) => d.todo).length;
  const overdue = duties.filter((d) => d.overdue).length;
  const returned = duties.filter((d) => d.submission?.state === 'returned').length;
  const headingId = `campaign-${campaign.id}`;

  const columns: Column<Duty>[] = [
    { key: 'form', header: t('home.col.form'), label: t('home.col.form'), cell: (d) => titleOf(d.formKey) },
    {
      key: 'period',
      header: t('home.col.period'),
      label: t('home.col.period'),
      cell: (d) => periodWithCutOff(d.period, t, cutOffDayOf(campaign, d.formKey)),
    },
    {
      key: 'due',
      header: t('home.col.due'),
      label: t('home.col.due'),
      cell: (d) => (d.dueAt ? formatDeadline(d.dueAt) : '—'),
    },
    {
      key: 'status',
      header: t('home.col.status'),
      label: t('home.col.status'),
      cell: (d) => (
        <span className="row">
          {d.submission ? (
            <StatusBadge state={d.submission.state} atUnit={d.submission.onTurnUnitName} />
          ) : d.another ? null : (
            <span className="badge badge-neutral">{t('status.notStarted')}</span>
          )}
          {d.overdue ? <OverdueBadge /> : null}
        </span>
      ),
    },
    {
      key: 'next',
      header: <span className="visually-hidden">{t('home.col.next')}</span>,
      label: t('home.col.next'),
      cell: (d) => <NextStep duty={d} formTitle={titleOf(d.formKey)} />,
    },
  ];

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{campaign.title}</h2>
      <p className="muted">
        {t('home.plan', { number: campaign.number, date: formatDate(campaign.issuedOn) })}
      </p>
      {list.isError ? <Alert tone="danger">{describeError(list.error, t)}</Alert> : null}
      {list.isPending ? (
        <Skeleton lines={4} />
      ) : (
        <>
          <ul className="counts" aria-label={t('home.countsLabel')}>
            <li>
              <strong>{todo}</strong> {t('home.count.todo')}
            </li>
            <li className={overdue > 0 ? 'home-count-danger' : undefined}>
              <strong>{overdue}</strong> {t('home.count.overdue')}
            </li>
            <li className={returned > 0 ? 'home-count-warning' : undefined}>
              <strong>{returned}</strong> {t('home.count.returned')}
            </li>
          </ul>
          <DataTable
            caption={t('home.tableCaption', { campaign: campaign.number })}
            captionHidden
            columns={columns}
            rows={duties}
            rowKey={(d) => `${d.formKey}-${d.period}-${d.submission?.id ?? (d.another ? 'another' : 'new')}`}
            empty={t('home.nothingToFile')}
          />
        </>
      )}
    </section>
  );
}

function NextStep({ duty, formTitle }: { duty: Duty; formTitle: string }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateDraft();
  const [error, setError] = useState<unknown>(null);
  if (duty.submission) {
    return (
      <Link
        className={`btn btn-sm ${duty.todo ? 'btn-primary' : ''}`}
        to={`/submissions/${duty.submission.id}`}
        aria-label={`${duty.todo ? t('home.continue') : t('common.view')}: ${formTitle}, ${periodLabel(duty.period, t)}`}
      >
        {duty.todo ? t('home.continue') : t('common.view')}
      </Link>
    );
  }
  const start = async () => {
    setError(null);
    try {
      const created = await create.mutateAsync({
        campaignId: duty.campaignId,
        formKey: duty.formKey,
        period: duty.period,
      });
      navigate(`/submissions/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };
  // A form filed several times per period (nominations) offers one more draft beside the unit's others.
  const label = duty.another ? t('home.addAnother') : t('home.start');
  return (
    <span>
      <Button
        size="sm"
        variant={duty.another ? 'secondary' : 'primary'}
        loading={create.isPending}
        onClick={() => void start()}
        aria-label={`${label}: ${formTitle}, ${periodLabel(duty.period, t)}`}
      >
        {label}
      </Button>
      {error ? (
        <span className="field-error" role="alert">
          {isHttpError(error) && error.isConflict ? t('home.alreadyCreated') : describeError(error, t)}
        </span>
      ) : null}
    </span>
  );
}
