import { useQueries } from '@tanstack/react-query';
import type { Campaign } from '@thidua/shared/campaign';
import { submissionStates } from '@thidua/shared/workflow';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../../api/describe';
import { useSession } from '../../../app/services';
import { formatDate, formatNumber, useT } from '../../../i18n';
import { Alert, type Column, DataTable, Pending, Skeleton, Tabs } from '../../../ui';
import { useCampaign } from '../../core/queries';
import { cutOffDayOf, periodWithCutOff } from '../../submissions/labels';
import { useSubmissionsApi, useSubtreeUnits } from '../../submissions/queries';
import type { CompletenessStatus } from '../../submissions/service';
import { useCampaignSubmissions } from '../queries';
import { ExportPanel } from './ExportPanel';
import { FormPeriodPicker, usePick } from './FormPeriodPicker';
import { type ChartSeries, StackedBarChart } from './StackedBarChart';
import '../campaigns.css';

const ORDER: CompletenessStatus[] = ['not_started', 'in_progress', 'submitted', 'approved', 'rejected'];
const COLORS: Record<CompletenessStatus, string> = {
  not_started: '#b42318',
  in_progress: '#b45309',
  submitted: '#0b5cad',
  approved: '#1a6e33',
  rejected: '#57606a',
};

/** One campaign for the secretariat: summary chart, every submission by unit and status, Excel export. */
export function CampaignPage() {
  const t = useT();
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const [tab, setTab] = useState('summary');
  if (campaign.isError) return <Alert tone="danger">{describeError(campaign.error, t)}</Alert>;
  if (!campaign.data) return <Skeleton lines={6} />;
  const c = campaign.data;
  return (
    <div>
      <p className="muted">
        <Link to="/campaigns">{t('campaigns.title')}</Link> › {c.number}
      </p>
      <h1>{c.title}</h1>
      <p className="muted">
        {t('home.plan', { number: c.number, date: formatDate(c.issuedOn) })} · {c.signer}
      </p>
      <Tabs
        label={t('campaigns.tabsLabel')}
        selected={tab}
        onSelect={setTab}
        items={[
          { id: 'summary', label: t('campaigns.tab.summary'), content: <Summary campaign={c} /> },
          { id: 'submissions', label: t('campaigns.tab.submissions'), content: <ByUnit campaign={c} /> },
          { id: 'export', label: t('campaigns.tab.export'), content: <ExportPanel campaign={c} /> },
        ]}
      />
    </div>
  );
}

function Summary({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const s = useSubmissionsApi();
  const session = useSession();
  const root = session?.claims.unitId;
  const units = useSubtreeUnits(root);
  const pick = usePick(campaign);
  const all = units.data ?? [];
  // Every unit that has units below it reports the completeness of its children: the province (its
  // districts and departments), each district (its communes) — or, after 2025, the province alone.
  const parents = all.filter((u) => all.some((c) => c.parentId === u.id));
  const results = useQueries({
    queries: parents.map((u) => ({
      queryKey: ['completeness', campaign.id, pick.formKey, pick.period, u.id],
      queryFn: () =>
        s.completeness(campaign.id, { formKey: pick.formKey, period: pick.period, unitId: u.id }),
      enabled: Boolean(pick.formKey && pick.period),
    })),
  });
  const series: ChartSeries[] = ORDER.map((k) => ({
    key: k,
    label: t(`completeness.status.${k}`),
    color: COLORS[k],
  }));
  const rows = parents
    .map((u, i) => ({ unit: u, data: results[i]?.data }))
    .filter((r) => r.data !== undefined && r.data.total > 0)
    .map((r) => ({
      label: r.unit.id === root ? t('campaigns.directUnits', { unit: r.unit.name }) : r.unit.name,
      values: (r.data?.counts ?? {}) as Partial<Record<CompletenessStatus, number>>,
    }));
  const totals = ORDER.map((k) => rows.reduce((sum, r) => sum + (r.values[k] ?? 0), 0));
  const failed = results.find((r) => r.isError);
  const loading = units.isPending || results.some((r) => r.isPending);
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'unit', header: t('campaigns.col.area'), label: t('campaigns.col.area'), cell: (r) => r.label },
    ...ORDER.map((k) => ({
      key: k,
      header: t(`completeness.status.${k}`),
      label: t(`completeness.status.${k}`),
      align: 'end' as const,
      cell: (r: (typeof rows)[number]) => formatNumber(r.values[k] ?? 0),
    })),
  ];
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('campaigns.summaryTitle')}</h2>
      <FormPeriodPicker campaign={campaign} pick={pick} />
      <Pending error={failed ? describeError(failed.error, t) : undefined} pending={loading}>
        <ul className="counts">
          {ORDER.map((k, i) => (
            <li key={k}>
              <span className="chart-swatch" style={{ background: COLORS[k] }} aria-hidden="true" />{' '}
              {t(`completeness.status.${k}`)}: <strong>{formatNumber(totals[i] ?? 0)}</strong>
            </li>
          ))}
        </ul>
        <StackedBarChart
          title={t('campaigns.chartTitle', {
            period: periodWithCutOff(pick.period, t, cutOffDayOf(campaign, pick.formKey)),
          })}
          description={t('campaigns.chartDesc')}
          series={series}
          rows={rows}
        />
        <DataTable
          caption={t('campaigns.chartTable')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.label}
          empty={t('inbox.empty')}
        />
      </Pending>
    </section>
  );
}

function ByUnit({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const session = useSession();
  const pick = usePick(campaign);
  const list = useCampaignSubmissions(session?.claims.unitId, campaign.id, pick.formKey, pick.period);
  type Row = { unitId: string; unitName: string; counts: Record<string, number>; total: number };
  const byUnit = new Map<string, Row>();
  for (const s of list.data ?? []) {
    const row = byUnit.get(s.unitId) ?? { unitId: s.unitId, unitName: s.unitName, counts: {}, total: 0 };
    row.counts[s.state] = (row.counts[s.state] ?? 0) + 1;
    row.total++;
    byUnit.set(s.unitId, row);
  }
  const rows = [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  const states = submissionStates.filter((st) => rows.some((r) => (r.counts[st] ?? 0) > 0));
  const columns: Column<Row>[] = [
    {
      key: 'unit',
      header: t('inbox.col.unit'),
      label: t('inbox.col.unit'),
      cell: (r) => (
        <Link
          to={`/inbox?view=subtree&campaign=${encodeURIComponent(campaign.id)}&unit=${encodeURIComponent(r.unitId)}`}
        >
          {r.unitName}
        </Link>
      ),
    },
    ...states.map((st) => ({
      key: st,
      header: t(`status.${st}`),
      label: t(`status.${st}`),
      align: 'end' as const,
      cell: (r: Row) => formatNumber(r.counts[st] ?? 0),
    })),
    {
      key: 'total',
      header: t('common.total'),
      label: t('common.total'),
      align: 'end',
      cell: (r) => <strong>{formatNumber(r.total)}</strong>,
    },
  ];
  return (
    <section aria-labelledby="by-unit-title">
      <h2 id="by-unit-title">{t('campaigns.byUnitTitle')}</h2>
      <FormPeriodPicker campaign={campaign} pick={pick} allowAllPeriods />
      <Pending error={list.isError ? describeError(list.error, t) : undefined} pending={list.isPending}>
        <p>
          {t('campaigns.byUnitCount', {
            n: formatNumber(list.data?.length ?? 0),
            units: formatNumber(rows.length),
          })}
        </p>
        <DataTable
          caption={t('campaigns.byUnitCaption')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.unitId}
          empty={t('inbox.empty')}
        />
      </Pending>
    </section>
  );
}
