import { useState } from 'react';
import { describeError } from '../../../api/describe';
import { useT } from '../../../i18n';
import { Alert, Button, Dialog, TextField } from '../../../ui';
import { useBulkAction } from '../../submissions/mutations';
import type { BulkAnswer, SubmissionSummary } from '../../submissions/service';

type Kind = 'approve' | 'return';

/**
 * Approve or return the selected reports with one reason. Irreversible, so a dialog says how many and what
 * will happen before anything is sent; afterwards a summary says what was done and, per report, why not.
 */
export function BulkActions({
  selected,
  onDone,
}: {
  selected: readonly SubmissionSummary[];
  onDone: () => void;
}) {
  const t = useT();
  const bulk = useBulkAction();
  const [kind, setKind] = useState<Kind | null>(null);
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState<{ result: BulkAnswer; names: Map<string, string> } | null>(null);
  const n = selected.length;
  const reasonOk = kind !== 'return' || reason.trim().length >= 3;

  const send = async () => {
    if (kind === null) return;
    const names = new Map(selected.map((s) => [s.id, `${s.unitName} — ${s.period}`]));
    const items = selected.map((s) => ({ submissionId: s.id, expectedVersion: s.version }));
    const text = reason.trim();
    const action =
      kind === 'return'
        ? { type: 'return' as const, reason: text }
        : { type: 'approve' as const, ...(text ? { comment: text } : {}) };
    const result = await bulk.mutateAsync({ action, items });
    setAnswer({ result, names });
    setKind(null);
    setReason('');
    onDone();
  };

  return (
    <div className="bulk">
      {n > 0 ? (
        <div className="bulk-bar" role="toolbar" aria-label={t('inbox.bulk.toolbar')}>
          <span aria-live="polite">{t('inbox.bulk.selected', { n })}</span>
          <Button size="sm" variant="primary" onClick={() => setKind('approve')}>
            {t('inbox.bulk.approve')}
          </Button>
          <Button size="sm" onClick={() => setKind('return')}>
            {t('inbox.bulk.return')}
          </Button>
        </div>
      ) : null}
      {answer ? <Summary answer={answer} onClose={() => setAnswer(null)} /> : null}
      <Dialog
        open={kind !== null}
        title={
          kind === 'return'
            ? t('inbox.bulk.confirmReturnTitle', { n })
            : t('inbox.bulk.confirmApproveTitle', { n })
        }
        onClose={() => setKind(null)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setKind(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              variant={kind === 'return' ? 'danger' : 'primary'}
              disabled={!reasonOk}
              loading={bulk.isPending}
              onClick={() => void send().catch(() => undefined)}
            >
              {kind === 'return'
                ? t('inbox.bulk.confirmReturn', { n })
                : t('inbox.bulk.confirmApprove', { n })}
            </Button>
          </>
        }
      >
        <p>{kind === 'return' ? t('inbox.bulk.returnWhat', { n }) : t('inbox.bulk.approveWhat', { n })}</p>
        <p className="muted">{t('inbox.bulk.irreversible')}</p>
        <TextField
          label={kind === 'return' ? t('inbox.bulk.reason') : t('inbox.bulk.comment')}
          value={reason}
          onChange={setReason}
          required={kind === 'return'}
          multiline
        />
        {bulk.isError ? <Alert tone="danger">{describeError(bulk.error, t)}</Alert> : null}
      </Dialog>
    </div>
  );
}

/** What was done and, for each report that was not, why (the API's words: conflict, turn, rule). */
function Summary({
  answer,
  onClose,
}: {
  answer: { result: BulkAnswer; names: Map<string, string> };
  onClose: () => void;
}) {
  const t = useT();
  const { result, names } = answer;
  const failures = result.results.filter((r) => r.outcome === 'failed');
  const total = result.results.length;
  return (
    <Alert
      tone={failures.length === 0 ? 'success' : 'warning'}
      title={
        result.action === 'return'
          ? t('inbox.bulk.returnedSummary', { done: result.done, total })
          : t('inbox.bulk.approvedSummary', { done: result.done, total })
      }
      actions={
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      {failures.length > 0 ? (
        <>
          <p>{t('inbox.bulk.failedIntro', { n: failures.length })}</p>
          <ul className="bulk-failures">
            {failures.map((f) => (
              <li key={f.submissionId}>
                <strong>{names.get(f.submissionId) ?? f.submissionId}</strong>: {f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Alert>
  );
}
