import type { Batch, BatchFindings } from '@thidua/shared/commendation';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n';
import { Alert, Badge, Button, Skeleton, TextField } from '../../../ui';
import {
  CampaignHeader,
  ConfirmAction,
  EntryList,
  ErrorBox,
  openDownload,
  PickItem,
  PrimaryAction,
  toggle,
  useCampaignQuery,
  useCommendationPage,
  useIntentMutation,
} from '../common';

/**
 * District consolidation: the nominations waiting at this unit (its communes', already filed) and its
 * own drafts go into one tờ trình that is sent to the province as one.
 */
export function ConsolidatePage() {
  const { c, svc, refresh, campaign } = useCommendationPage();
  const { campaignId } = campaign;
  const candidates = useCampaignQuery(['candidates'], campaignId, (id) => svc.candidates(id));
  const batches = useCampaignQuery(['batches', 'mine'], campaignId, (id) => svc.batches(id, 'mine'));
  const [picked, setPicked] = useState<string[]>([]);
  const [reference, setReference] = useState('');
  const [summary, setSummary] = useState('');
  const [findings, setFindings] = useState<BatchFindings | null>(null);

  const create = useIntentMutation(
    (_: undefined, key) => svc.createBatch({ campaignId, nominationIds: picked, reference, summary }, key),
    (r) => {
      setFindings(r.findings);
      setPicked([]);
      return refresh();
    },
  );
  const submit = useIntentMutation(
    (b: Batch, key) => svc.submitBatch(b.id, b.version, key),
    () => {
      setFindings(null);
      return refresh();
    },
  );

  return (
    <div className="stack">
      <CampaignHeader title={c('consolidate.title')} intro={c('consolidate.intro')} campaign={campaign} />
      <section className="card c-section" aria-labelledby="cand-h">
        <h2 id="cand-h">{c('consolidate.candidates')}</h2>
        {candidates.isLoading ? <Skeleton label={c('loading')} /> : null}
        {candidates.data?.length === 0 ? <p className="muted">{c('empty')}</p> : null}
        <ul className="c-list">
          {(candidates.data ?? []).map((x) => (
            <PickItem
              key={x.id}
              checked={picked.includes(x.id)}
              disabled={x.batchId !== null}
              onChange={(on) => setPicked((p) => toggle(p, x.id, on))}
              aside={x.batchId ? <Badge tone="info">{c('consolidate.inBatch')}</Badge> : null}
            >
              {x.nomineeName ?? '—'} ({x.unitName}){x.awardTypeName ? ` — ${x.awardTypeName}` : ''}{' '}
              <Link to={`/submissions/${x.id}`}>{c('openDossier')}</Link>
            </PickItem>
          ))}
        </ul>
        <div className="grid">
          <TextField label={c('reference')} value={reference} onChange={setReference} />
          <TextField label={c('summary')} multiline value={summary} onChange={setSummary} />
        </div>
        <PrimaryAction
          label={c('consolidate.create')}
          mutation={create}
          disabled={picked.length === 0}
          onClick={() => create.mutate(undefined)}
        />
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
              <EntryList entries={b.entries} />
              {b.returnReason ? <Alert tone="warning">{b.returnReason}</Alert> : null}
              <div className="c-actions">
                {b.state === 'draft' ? (
                  <ConfirmAction
                    label={c('consolidate.submit')}
                    message={c('confirm.submitBatch', { unit: b.unitName, n: b.entries.length })}
                    pending={submit.isPending}
                    onConfirm={() => submit.mutate(b)}
                  />
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
