import { useQuery } from '@tanstack/react-query';
import type { SubmissionSummary } from '@thidua/shared/api';
import type { InheritedAward, PredecessorHistory } from '@thidua/shared/contracts';
import { Link } from 'react-router';
import { describeError } from '../../../api/describe';
import { formatDate, useT } from '../../../i18n';
import { Alert, Badge, type Column, DataTable, Skeleton } from '../../../ui';
import { useMe } from '../../core/queries';
import { StatusBadge } from '../../submissions/components/StatusBadge';
import { periodLabel } from '../../submissions/labels';
import { useH, useHistory } from './common';

/** Forms by key, as the 2023 templates name them (the absorbed province's own titles are on the report). */
const formNames: Readonly<Record<string, string>> = {
  registration: 'Đăng ký thi đua',
  periodic_report: 'Báo cáo kết quả',
  scorecard: 'Bảng tự chấm điểm',
  hotspot_report: 'Báo cáo chuyển hóa địa bàn',
  nomination: 'Hồ sơ đề nghị khen thưởng',
};

function Predecessor({ p }: { p: PredecessorHistory }) {
  const h = useH();
  const t = useT();
  const o = p.origin;
  const reports: Column<SubmissionSummary>[] = [
    {
      key: 'form',
      header: h('history.col.form'),
      label: h('history.col.form'),
      cell: (s) => formNames[s.formKey] ?? s.formKey,
    },
    {
      key: 'period',
      header: h('history.col.period'),
      label: h('history.col.period'),
      cell: (s) => periodLabel(s.period, t),
    },
    { key: 'unit', header: h('history.col.unit'), label: h('history.col.unit'), cell: (s) => s.unitName },
    {
      key: 'state',
      header: h('history.col.state'),
      label: h('history.col.state'),
      cell: (s) => <StatusBadge state={s.state} />,
    },
    {
      key: 'open',
      header: h('history.col.open'),
      label: h('history.col.open'),
      cell: (s) => (
        <Link to={`/history/${encodeURIComponent(s.tenantId)}/${encodeURIComponent(s.id)}`}>
          {h('history.open')}
        </Link>
      ),
    },
  ];
  const awards: Column<InheritedAward>[] = [
    {
      key: 'decision',
      header: h('history.col.decision'),
      label: h('history.col.decision'),
      cell: (a) => h('history.decision', { number: a.decisionNumber, date: formatDate(a.signedOn) }),
    },
    {
      key: 'award',
      header: h('history.col.award'),
      label: h('history.col.award'),
      cell: (a) => a.awardTypeName,
    },
    {
      key: 'nominee',
      header: h('history.col.nominee'),
      label: h('history.col.nominee'),
      cell: (a) => [a.nomineeName, a.nomineeTitle].filter(Boolean).join(', '),
    },
  ];
  const heading = `${o.unitName} — ${o.tenantName}`;
  return (
    <section className="card" aria-label={heading}>
      <h2>{heading}</h2>
      <p className="h-origin muted">
        {h('history.origin', {
          unit: o.unitName,
          province: o.tenantName,
          successor: o.successorUnitName,
          date: formatDate(o.effectiveFrom),
        })}
      </p>
      <DataTable
        caption={h('history.reports')}
        columns={reports}
        rows={p.submissions}
        rowKey={(s) => s.id}
        empty={h('history.noReports')}
      />
      <DataTable
        caption={h('history.awards')}
        columns={awards}
        rows={p.awards}
        rowKey={(a) => `${a.decisionId}/${a.nomineeName}`}
        empty={h('history.noAwards')}
      />
    </section>
  );
}

/** The history the caller's unit carries from the units of an absorbed province, and the mergers' links. */
export function HistoryPage() {
  const h = useH();
  const t = useT();
  const svc = useHistory();
  const me = useMe();
  const unitId = me.data?.unit?.id;
  const history = useQuery({
    queryKey: ['history', 'unit', unitId],
    queryFn: () => svc.unit(unitId ?? ''),
    enabled: unitId !== undefined,
  });
  const mergers = useQuery({ queryKey: ['history', 'predecessors'], queryFn: () => svc.predecessors() });
  const error = me.error ?? history.error ?? mergers.error;
  if (error) return <Alert tone="danger">{describeError(error, t)}</Alert>;
  if (!me.data || !history.data || !mergers.data) return <Skeleton lines={6} />;
  return (
    <div className="stack">
      <h1>{h('history.title', { unit: me.data.unit?.name ?? '' })}</h1>
      {mergers.data.length > 0 ? (
        <ul aria-label={h('history.links')}>
          {mergers.data.map((m) => (
            <li key={m.predecessorTenantId}>
              {m.predecessorName} → {m.successorName}, {formatDate(m.effectiveFrom)}{' '}
              <Badge tone={m.link.valid ? 'success' : 'danger'}>
                {h(m.link.valid ? 'history.linkOk' : 'history.linkBad')}
              </Badge>
              <br />
              <span className="muted">{m.legalBasis}</span>
              {m.link.valid ? null : <span className="muted"> {m.link.problems.join('; ')}</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {history.data.predecessors.length === 0 ? <p className="muted">{h('history.none')}</p> : null}
      {history.data.predecessors.map((p) => (
        <Predecessor key={`${p.origin.tenantId}/${p.origin.unitId}`} p={p} />
      ))}
    </div>
  );
}
