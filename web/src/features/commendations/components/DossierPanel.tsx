import { useQuery } from '@tanstack/react-query';
import type { DossierItem, SessionDossier } from '@thidua/shared/commendation';
import { formatDate, formatDateTime } from '../../../i18n';
import { Button, Skeleton } from '../../../ui';
import { openDownload, useC, useCommendations } from '../common';

type Comment = SessionDossier['generalComments'][number];

function Comments({ comments }: { comments: Comment[] }) {
  const c = useC();
  if (comments.length === 0) return <p className="muted">{c('dossier.noComments')}</p>;
  return (
    <ul className="c-comments">
      {comments.map((m) => (
        <li key={m.id}>
          <span className="muted">
            {m.authorName || c('dossier.anonymous')} · {formatDateTime(m.receivedAt)}
          </span>
          <p>{m.body}</p>
        </li>
      ))}
    </ul>
  );
}

/** One nominee's file: who, what they did, the unit's review vote, the dossier's files, what the public said. */
export function DossierEntry({ item }: { item: DossierItem }) {
  const c = useC();
  const m = item.meeting;
  return (
    <details className="c-dossier">
      <summary>
        {c('dossier.open')} ({item.files.length} {c('dossier.filesShort')}, {item.comments.length}{' '}
        {c('dossier.commentsShort')})
      </summary>
      <dl>
        <dt>{c('dossier.nominee')}</dt>
        <dd>
          {item.nomineeName}
          {item.nomineeTitle ? `, ${item.nomineeTitle}` : ''}
          {item.nomineeUnitName ? ` — ${item.nomineeUnitName}` : ''}
        </dd>
        <dt>{c('dossier.achievement')}</dt>
        <dd className="c-prewrap">{item.achievementSummary || c('dossier.none')}</dd>
        <dt>{c('dossier.priorAwards')}</dt>
        <dd>
          {item.priorAwards.length === 0
            ? c('dossier.none')
            : item.priorAwards.map((p) => `${p.title} (${p.year})`).join('; ')}
        </dd>
        <dt>{c('dossier.meeting')}</dt>
        <dd>
          {m.date
            ? c('dossier.meetingLine', {
                date: formatDate(m.date),
                members: m.members ?? '?',
                votesFor: m.votesFor ?? '?',
                votesAgainst: m.votesAgainst ?? '?',
              })
            : c('dossier.none')}
        </dd>
        <dt>{c('dossier.files')}</dt>
        <dd>
          {item.files.length === 0 ? (
            c('dossier.none')
          ) : (
            <ul>
              {item.files.map((f) => (
                <li key={`${f.part}-${f.name}`}>
                  {f.partName}: {f.name}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{c('dossier.comments')}</dt>
        <dd>
          <Comments comments={item.comments} />
        </dd>
      </dl>
    </details>
  );
}

/** The session's dossier, read once per session page. */
export function useSessionDossier(sessionId: string) {
  const svc = useCommendations();
  return useQuery({
    queryKey: ['commendations', 'dossier', sessionId],
    queryFn: () => svc.dossier(sessionId),
  });
}

/** The session's file as a whole: comments about the list, and the draft decision once counted. */
export function SessionFile({
  sessionId,
  dossier,
  showDraft = true,
}: {
  sessionId: string;
  dossier?: SessionDossier;
  /** The signing page has its own draft button beside the signature. */
  showDraft?: boolean;
}) {
  const c = useC();
  const svc = useCommendations();
  if (!dossier) return <Skeleton label={c('loading')} />;
  return (
    <div className="c-dossier-session">
      {dossier.generalComments.length > 0 ? (
        <>
          <h3>{c('dossier.generalComments')}</h3>
          <Comments comments={dossier.generalComments} />
        </>
      ) : null}
      {!showDraft ? null : dossier.draftDecisionAvailable ? (
        <Button onClick={() => openDownload(() => svc.draftDecision(sessionId))}>{c('sign.draft')}</Button>
      ) : (
        <p className="muted">{c('dossier.draftLater')}</p>
      )}
    </div>
  );
}
