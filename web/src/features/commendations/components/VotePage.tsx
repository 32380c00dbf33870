import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Choice, DossierItem, SessionView } from '@thidua/shared/commendation';
import { useState } from 'react';
import { formatDateTime } from '../../../i18n';
import { Alert, Badge, Fieldset, Skeleton } from '../../../ui';
import { useItemAnchor } from '../../notifications/anchor';
import { AnchoredSection, ConfirmAction, ErrorBox, useC, useCommendations, useIntent } from '../common';
import { DossierEntry, SessionFile, useSessionDossier } from './DossierPanel';

function Ballot({ s }: { s: SessionView }) {
  const c = useC();
  const svc = useCommendations();
  const qc = useQueryClient();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const intent = useIntent();
  const dossier = useSessionDossier(s.id);
  const files = new Map((dossier.data?.items ?? []).map((i) => [i.nominationId, i]));
  const vote = useMutation({
    mutationFn: () => svc.vote(s.id, choices, intent.key()),
    onSuccess: async () => {
      intent.done();
      // Forget the choices at once: after casting, nothing on this screen remembers them.
      setChoices({});
      await qc.invalidateQueries({ queryKey: ['commendations', 'my-sessions'] });
    },
    onError: intent.failed,
  });
  if (s.myBallot.voted) {
    return (
      <Alert tone="success">
        <Badge tone="success">{c('vote.done')}</Badge>{' '}
        {s.myBallot.votedAt ? formatDateTime(s.myBallot.votedAt) : ''}
      </Alert>
    );
  }
  const complete = s.agenda.every((a) => choices[a.nominationId] !== undefined);
  return (
    <form
      onSubmit={(e) => {
        // Casting goes through the confirmation only: Enter in the form does not cast.
        e.preventDefault();
      }}
    >
      <SessionFile sessionId={s.id} dossier={dossier.data} />
      {s.agenda.map((a) => (
        <Fieldset key={a.nominationId} legend={`${a.nomineeName} (${a.unitName}) — ${a.awardTypeName}`}>
          {files.has(a.nominationId) ? (
            <DossierEntry item={files.get(a.nominationId) as DossierItem} />
          ) : null}
          <div className="c-choice">
            {(a.voteRule.allowAbstain
              ? (['agree', 'disagree', 'abstain'] as const)
              : (['agree', 'disagree'] as const)
            ).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name={`${s.id}-${a.nominationId}`}
                  value={v}
                  checked={choices[a.nominationId] === v}
                  onChange={() => setChoices((x) => ({ ...x, [a.nominationId]: v }))}
                />
                {c(`vote.${v}`)}
              </label>
            ))}
          </div>
        </Fieldset>
      ))}
      {!complete ? <p className="muted">{c('vote.incomplete')}</p> : null}
      <ErrorBox error={vote.error} />
      <ConfirmAction
        label={c('vote.cast')}
        message={c('confirm.castBallot')}
        disabled={!complete}
        pending={vote.isPending}
        onConfirm={() => {
          if (complete) vote.mutate();
        }}
      />
    </form>
  );
}

/** A council member's secret ballot: one paper per session; afterwards only "đã bỏ phiếu" is shown. */
export function VotePage() {
  const c = useC();
  const svc = useCommendations();
  const sessions = useQuery({ queryKey: ['commendations', 'my-sessions'], queryFn: () => svc.mySessions() });
  // A notice's link opens the page at its session's ballot.
  useItemAnchor(sessions.isSuccess, 'session');
  return (
    <div className="stack">
      <h1>{c('vote.title')}</h1>
      <Alert tone="info">{c('vote.intro')}</Alert>
      {sessions.isLoading ? <Skeleton label={c('loading')} /> : null}
      {sessions.data?.length === 0 ? <p className="muted">{c('vote.none')}</p> : null}
      {(sessions.data ?? []).map((s) => (
        <AnchoredSection key={s.id} kind="session" id={s.id} label={s.title}>
          <h2>{s.title}</h2>
          <Ballot s={s} />
        </AnchoredSection>
      ))}
    </div>
  );
}
