import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '@thidua/shared/commendation';
import { useState } from 'react';
import { formatDate } from '../../../i18n';
import { Alert, Badge, Button, Dialog, Field } from '../../../ui';
import {
  CampaignSelect,
  ErrorBox,
  openDownload,
  useC,
  useCommendations,
  useIntent,
  useNominationCampaign,
} from '../common';
import { SessionResults } from './CouncilPage';

function DecisionCard({ decisionId }: { decisionId: string }) {
  const c = useC();
  const svc = useCommendations();
  const qc = useQueryClient();
  const d = useQuery({
    queryKey: ['commendations', 'decision', decisionId],
    queryFn: () => svc.decision(decisionId),
  });
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const intent = useIntent();
  const revoke = useMutation({
    mutationFn: (nominationId: string) => svc.revoke(decisionId, nominationId, reason, intent.key()),
    onSuccess: async () => {
      intent.done();
      setRevoking(null);
      setReason('');
      await qc.invalidateQueries({ queryKey: ['commendations', 'decision', decisionId] });
    },
    onError: intent.failed,
  });
  if (!d.data) return null;
  const { decision, revocations } = d.data;
  const revoked = new Map(revocations.map((r) => [r.nominationId, r]));
  return (
    <div className="card">
      <Alert tone="success">
        {c('sign.signed', { number: decision.numberText })} · {formatDate(decision.signedOn)}
      </Alert>
      <ul className="c-list">
        {decision.entries.map((e) => (
          <li key={e.nominationId} className="c-item">
            <span>
              {e.nomineeName} ({e.unitName}) — {e.awardTypeName}{' '}
              <Badge tone={e.outcome === 'awarded' ? 'success' : 'neutral'}>
                {e.outcome === 'awarded' ? c('council.passed') : c('council.failed')}
              </Badge>
            </span>
            {revoked.has(e.nominationId) ? (
              <Badge tone="danger">
                {c('sign.revoked')} ({revoked.get(e.nominationId)?.numberText})
              </Badge>
            ) : e.outcome === 'awarded' ? (
              <Button size="sm" variant="ghost" onClick={() => setRevoking(e.nominationId)}>
                {c('sign.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="c-actions">
        <Button onClick={() => openDownload(() => svc.decisionDocument(decision.id, 'docx'))}>
          {c('download')}
        </Button>
        <Button onClick={() => openDownload(() => svc.decisionDocument(decision.id, 'xlsx'))}>
          {c('downloadXlsx')}
        </Button>
      </div>
      <ErrorBox error={revoke.error} />
      <Dialog
        open={revoking !== null}
        title={c('sign.revoke')}
        onClose={() => setRevoking(null)}
        footer={
          <>
            <Button onClick={() => setRevoking(null)}>{c('cancel')}</Button>
            <Button
              variant="danger"
              disabled={reason.trim().length < 3}
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking)}
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

/** The chair signs the decision of a counted session: its number and date are allocated by the server. */
export function SignPage() {
  const c = useC();
  const svc = useCommendations();
  const qc = useQueryClient();
  const { list, campaignId, setCampaignId } = useNominationCampaign();
  const sessions = useQuery({
    queryKey: ['commendations', 'sessions', campaignId],
    queryFn: () => svc.sessions(campaignId),
    enabled: Boolean(campaignId),
  });
  const intent = useIntent();
  const sign = useMutation({
    mutationFn: (s: SessionView) => svc.sign(s.id, intent.key()),
    onSuccess: async () => {
      intent.done();
      await qc.invalidateQueries({ queryKey: ['commendations', 'sessions'] });
    },
    onError: intent.failed,
  });
  const ready = (sessions.data ?? []).filter((s) => s.state !== 'open');
  return (
    <div className="stack">
      <h1>{c('sign.title')}</h1>
      <div className="card">
        <CampaignSelect list={list} value={campaignId} onChange={setCampaignId} />
      </div>
      <ErrorBox error={sign.error} />
      {ready.length === 0 ? <p className="muted">{c('sign.nothing')}</p> : null}
      {ready.map((s) => (
        <section key={s.id} className="card c-section" aria-label={s.title}>
          <h2>{s.title}</h2>
          <SessionResults s={s} />
          {s.state === 'closed' ? (
            <div className="c-actions">
              <Button variant="primary" loading={sign.isPending} onClick={() => sign.mutate(s)}>
                {c('sign.sign')}
              </Button>
            </div>
          ) : null}
          {s.decisionId ? <DecisionCard decisionId={s.decisionId} /> : null}
        </section>
      ))}
    </div>
  );
}
