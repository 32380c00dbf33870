import type { Batch } from '@thidua/shared/commendation';
import { formatDateTime } from '../../../i18n';
import { Badge, Button } from '../../../ui';
import { useItemAnchor } from '../../notifications/anchor';
import {
  CampaignHeader,
  ConfirmAction,
  EntryList,
  ErrorBox,
  openDownload,
  ReasonDialog,
  useCampaignQuery,
  useCommendationPage,
  useIntentMutation,
  useReasonTarget,
} from '../common';

/** The province decides on each district's tờ trình as a whole: approve it, or return it with a reason. */
export function BatchReviewPage() {
  const { c, svc, refresh, campaign } = useCommendationPage();
  const batches = useCampaignQuery(['batches', 'submitted'], campaign.campaignId, (id) =>
    svc.batches(id, 'submitted'),
  );
  // A notice's link opens the page at its tờ trình.
  useItemAnchor(batches.isSuccess, 'batch');
  const returning = useReasonTarget<Batch>();
  const decide = useIntentMutation(
    (x: { batch: Batch; type: 'approve' | 'return' }, key) =>
      svc.decideBatch(
        x.batch.id,
        x.type === 'approve'
          ? { type: 'approve', expectedVersion: x.batch.version }
          : { type: 'return', reason: returning.reason, expectedVersion: x.batch.version },
        key,
      ),
    () => returning.finish(refresh),
  );
  return (
    <div className="stack">
      <CampaignHeader title={c('batches.title')} campaign={campaign} />
      <ErrorBox error={decide.error} />
      {batches.data?.length === 0 ? <p className="muted">{c('empty')}</p> : null}
      <ul className="c-list">
        {(batches.data ?? []).map((b) => (
          <li key={b.id} id={`batch-${b.id}`} tabIndex={-1} className="card">
            <div className="row-between">
              <h2>
                {b.unitName} {b.reference ? `· ${b.reference}` : ''}
              </h2>
              <Badge tone="info">{c(`batch.${b.state}`)}</Badge>
            </div>
            <p className="muted">{b.submittedAt ? formatDateTime(b.submittedAt) : ''}</p>
            <EntryList entries={b.entries} />
            <div className="c-actions">
              <ConfirmAction
                label={c('batches.approve')}
                message={c('confirm.approveBatch', { unit: b.unitName, n: b.entries.length })}
                pending={decide.isPending}
                onConfirm={() => decide.mutate({ batch: b, type: 'approve' })}
              />
              <Button onClick={() => returning.open(b)}>{c('batches.return')}</Button>
              <Button variant="ghost" onClick={() => openDownload(() => svc.batchDocument(b.id))}>
                {c('download')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ReasonDialog
        title={c('batches.return')}
        state={returning}
        pending={decide.isPending}
        onConfirm={(batch) => decide.mutate({ batch, type: 'return' })}
      />
    </div>
  );
}
