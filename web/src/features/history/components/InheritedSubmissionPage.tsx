import { useQuery } from '@tanstack/react-query';
import { actionLabels } from '@thidua/shared/workflow';
import { Link, useParams } from 'react-router';
import { describeError } from '../../../api/describe';
import { formatDate, formatDateTime, useT } from '../../../i18n';
import { Alert, Skeleton } from '../../../ui';
import { StatusBadge } from '../../submissions/components/StatusBadge';
import { periodLabel } from '../../submissions/labels';
import { useH, useHistory } from './common';

/**
 * One report of an absorbed province, read-only: where it came from, its contents, its audit trail (the
 * hash chain recomputed on the server with the absorbed province's tenant in every event) and the
 * merger's link between the two provinces' ledgers.
 */
export function InheritedSubmissionPage() {
  const h = useH();
  const t = useT();
  const svc = useHistory();
  const { tenantId = '', submissionId = '' } = useParams();
  const read = useQuery({
    queryKey: ['history', 'submission', tenantId, submissionId],
    queryFn: () => svc.submission(tenantId, submissionId),
  });
  if (read.error) return <Alert tone="danger">{describeError(read.error, t)}</Alert>;
  if (!read.data) return <Skeleton lines={8} />;
  const { origin: o, submission: s, fields, verification, link, events, formTitle } = read.data;
  const sections = [...new Set(fields.map((f) => f.section))];
  return (
    <div className="stack">
      <p>
        <Link to="/history">{h('report.back')}</Link>
      </p>
      <h1>{h('report.title', { form: formTitle, period: periodLabel(s.period, t) })}</h1>
      <Alert tone="info">
        {h('report.origin', {
          unit: o.unitName,
          province: o.tenantName,
          successor: o.successorUnitName,
          date: formatDate(o.effectiveFrom),
        })}
      </Alert>
      <p>
        <StatusBadge state={s.state} />{' '}
        {h('report.chain', { chain: s.chain.map((l) => l.unitName).join(' → ') })}
      </p>
      {verification.valid ? (
        <Alert tone="success">{h('report.auditOk', { n: verification.eventCount })}</Alert>
      ) : (
        <Alert tone="danger">
          {h('report.auditBad', { problems: verification.problems.map((p) => p.problem).join('; ') })}
        </Alert>
      )}
      {link.valid ? null : (
        <Alert tone="danger">{`${h('history.linkBad')}: ${link.problems.join('; ')}`}</Alert>
      )}
      <section className="card" aria-label={h('report.fields')}>
        <h2>{h('report.fields')}</h2>
        {sections.map((section) => (
          <div key={section}>
            <h3>{section}</h3>
            <dl className="h-fields">
              {fields
                .filter((f) => f.section === section)
                .map((f) => (
                  <div key={f.label} style={{ display: 'contents' }}>
                    <dt>{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
            </dl>
          </div>
        ))}
      </section>
      <section className="card" aria-label={h('report.events')}>
        <h2>{h('report.events')}</h2>
        <ol>
          {events.map((e) => (
            <li key={e.seq}>
              {formatDateTime(e.at)} — {actionLabels[e.action]}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
