import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Batch, BatchFindings } from '@thidua/shared/commendation';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n';
import { Alert, Badge, Button, Field, Skeleton } from '../../../ui';
import {
  CampaignSelect,
  ErrorBox,
  openDownload,
  useC,
  useCommendations,
  useIntent,
  useNominationCampaign,
} from '../common';

/**
 * District consolidation: the nominations waiting at this unit (its communes', already filed) and its
 * own drafts go into one tờ trình that is sent to the province as one.
 */
export function ConsolidatePage() {
  const c = useC();
  const svc = useCommendations();
  const qc = useQueryClient();
  const { list, campaignId, setCampaignId } = useNominationCampaign();
  const candidates = useQuery({
    queryKey: ['commendations', 'candidates', campaignId],
    queryFn: () => svc.candidates(campaignId),
    enabled: Boolean(campaignId),
  });
  const batches = useQuery({
    queryKey: ['commendations', 'batches', 'mine', campaignId],
    queryFn: () => svc.batches(campaignId, 'mine'),
    enabled: Boolean(campaignId),
  });
  const [picked, setPicked] = useState<string[]>([]);
  const [reference, setReference] = useState('');
  const [summary, setSummary] = useState('');
  const [findings, setFindings] = useState<BatchFindings | null>(null);
  const createIntent = useIntent();
  const submitIntent = useIntent();
  const refresh = () => qc.invalidateQueries({ queryKey: ['commendations'] });

  const create = useMutation({
    mutationFn: () =>
      svc.createBatch({ campaignId, nominationIds: picked, reference, summary }, createIntent.key()),
    onSuccess: async (r) => {
      createIntent.done();
      setFindings(r.findings);
      setPicked([]);
      await refresh();
    },
    onError: createIntent.failed,
  });
  const submit = useMutation({
    mutationFn: (b: Batch) => svc.submitBatch(b.id, b.version, submitIntent.key()),
    onSuccess: async () => {
      submitIntent.done();
      setFindings(null);
      await refresh();
    },
    onError: submitIntent.failed,
  });

  return (
    <div className="stack">
      <h1>{c('consolidate.title')}</h1>
      <p className="muted">{c('consolidate.intro')}</p>
      <div className="card">
        <CampaignSelect list={list} value={campaignId} onChange={setCampaignId} />
      </div>
      <section className="card c-section" aria-labelledby="cand-h">
        <h2 id="cand-h">{c('consolidate.candidates')}</h2>
        {candidates.isLoading ? <Skeleton label={c('loading')} /> : null}
        {candidates.data?.length === 0 ? <p className="muted">{c('empty')}</p> : null}
        <ul className="c-list">
          {(candidates.data ?? []).map((x) => (
            <li key={x.id} className="c-item">
              <label>
                <input
                  type="checkbox"
                  checked={picked.includes(x.id)}
                  disabled={x.batchId !== null}
                  onChange={(e) =>
                    setPicked((p) => (e.target.checked ? [...p, x.id] : p.filter((id) => id !== x.id)))
                  }
                />
                <span>
                  {x.nomineeName ?? '—'} ({x.unitName}){x.awardTypeName ? ` — ${x.awardTypeName}` : ''}{' '}
                  <Link to={`/submissions/${x.id}`}>{c('openDossier')}</Link>
                </span>
              </label>
              {x.batchId ? <Badge tone="info">{c('consolidate.inBatch')}</Badge> : null}
            </li>
          ))}
        </ul>
        <div className="grid">
          <Field label={c('reference')}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              />
            )}
          </Field>
          <Field label={c('summary')}>
            {(p) => (
              <textarea
                {...p}
                className="textarea"
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ErrorBox error={create.error} />
        <div className="c-actions">
          <Button
            variant="primary"
            disabled={picked.length === 0}
            loading={create.isPending}
            onClick={() => create.mutate()}
          >
            {c('consolidate.create')}
          </Button>
        </div>
        {findings ? (
          <Alert tone={findings.some((f) => f.violations.length > 0) ? 'warning' : 'success'}>
            <p>{c('consolidate.findings')}</p>
            <ul className="c-findings">
              {findings.map((f) => (
                <li key={f.nominationId}>
                  <strong>{f.nomineeName}</strong>:{' '}
                  {[...f.violations, ...f.warnings].join(' ') || c('consolidate.ok')}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </section>
      <section className="card c-section" aria-labelledby="batches-h">
        <h2 id="batches-h">{c('consolidate.batches')}</h2>
        <ErrorBox error={submit.error} />
        {batches.data?.length === 0 ? <p className="muted">{c('empty')}</p> : null}
        <ul className="c-list">
          {(batches.data ?? []).map((b) => (
            <li key={b.id} className="card">
              <div className="row-between">
                <strong>
                  {b.reference || b.id} · {formatDateTime(b.createdAt)}
                </strong>
                <Badge tone={b.state === 'approved' ? 'success' : b.state === 'returned' ? 'danger' : 'info'}>
                  {c(`batch.${b.state}`)}
                </Badge>
              </div>
              <ol>
                {b.entries.map((e) => (
                  <li key={e.nominationId}>
                    {e.nomineeName} ({e.unitName}) — {e.awardTypeName}
                  </li>
                ))}
              </ol>
              {b.returnReason ? <Alert tone="warning">{b.returnReason}</Alert> : null}
              <div className="c-actions">
                {b.state === 'draft' ? (
                  <Button variant="primary" loading={submit.isPending} onClick={() => submit.mutate(b)}>
                    {c('consolidate.submit')}
                  </Button>
                ) : null}
                {b.documentKey ? (
                  <Button onClick={() => openDownload(() => svc.batchDocument(b.id))}>{c('download')}</Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
