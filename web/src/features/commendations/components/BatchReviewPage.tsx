import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Batch } from '@thidua/shared/commendation';
import { useState } from 'react';
import { formatDateTime } from '../../../i18n';
import { Badge, Button, Dialog, Field } from '../../../ui';
import {
  CampaignSelect,
  ErrorBox,
  openDownload,
  useC,
  useCommendations,
  useIntent,
  useNominationCampaign,
} from '../common';

/** The province decides on each district's tờ trình as a whole: approve it, or return it with a reason. */
export function BatchReviewPage() {
  const c = useC();
  const svc = useCommendations();
  const qc = useQueryClient();
  const { list, campaignId, setCampaignId } = useNominationCampaign();
  const batches = useQuery({
    queryKey: ['commendations', 'batches', 'submitted', campaignId],
    queryFn: () => svc.batches(campaignId, 'submitted'),
    enabled: Boolean(campaignId),
  });
  const [returning, setReturning] = useState<Batch | null>(null);
  const [reason, setReason] = useState('');
  const intent = useIntent();
  const decide = useMutation({
    mutationFn: (x: { batch: Batch; type: 'approve' | 'return' }) =>
      svc.decideBatch(
        x.batch.id,
        x.type === 'approve'
          ? { type: 'approve', expectedVersion: x.batch.version }
          : { type: 'return', reason, expectedVersion: x.batch.version },
        intent.key(),
      ),
    onSuccess: async () => {
      intent.done();
      setReturning(null);
      setReason('');
      await qc.invalidateQueries({ queryKey: ['commendations'] });
    },
    onError: intent.failed,
  });
  return (
    <div className="stack">
      <h1>{c('batches.title')}</h1>
      <div className="card">
        <CampaignSelect list={list} value={campaignId} onChange={setCampaignId} />
      </div>
      <ErrorBox error={decide.error} />
      {batches.data?.length === 0 ? <p className="muted">{c('empty')}</p> : null}
      <ul className="c-list">
        {(batches.data ?? []).map((b) => (
          <li key={b.id} className="card">
            <div className="row-between">
              <h2>
                {b.unitName} {b.reference ? `· ${b.reference}` : ''}
              </h2>
              <Badge tone="info">{c(`batch.${b.state}`)}</Badge>
            </div>
            <p className="muted">{b.submittedAt ? formatDateTime(b.submittedAt) : ''}</p>
            <ol>
              {b.entries.map((e) => (
                <li key={e.nominationId}>
                  {e.nomineeName} ({e.unitName}) — {e.awardTypeName}
                </li>
              ))}
            </ol>
            <div className="c-actions">
              <Button
                variant="primary"
                loading={decide.isPending}
                onClick={() => decide.mutate({ batch: b, type: 'approve' })}
              >
                {c('batches.approve')}
              </Button>
              <Button onClick={() => setReturning(b)}>{c('batches.return')}</Button>
              <Button variant="ghost" onClick={() => openDownload(() => svc.batchDocument(b.id))}>
                {c('download')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <Dialog
        open={returning !== null}
        title={c('batches.return')}
        onClose={() => setReturning(null)}
        footer={
          <>
            <Button onClick={() => setReturning(null)}>{c('cancel')}</Button>
            <Button
              variant="danger"
              disabled={reason.trim().length < 3}
              loading={decide.isPending}
              onClick={() => returning && decide.mutate({ batch: returning, type: 'return' })}
            >
              {c('confirm')}
            </Button>
          </>
        }
      >
        <Field label={c('reason')} required>
          {(p) => (
            <textarea
              {...p}
              className="textarea"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </Dialog>
    </div>
  );
}
